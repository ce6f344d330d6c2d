/**
 * docker-compose.yml's topology on this machine, without Docker: a throwaway PostgreSQL cluster from Debian's
 * package, the Temporal server and the Web UI server built from Go modules, and this project's workers and API from
 * `dist/`. Each service is started from the project that compose-go (the library inside Docker Compose) resolves
 * from the file and `.env.example`: the one-shot jobs run their own shell scripts, the servers read the environment
 * their services give them, and only what a container network provides is replaced (host names by 127.0.0.1, fixed
 * ports by free ones, volumes by directories). Everything listens on 127.0.0.1 and is torn down by `stop()`.
 */
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import type { Child } from '../../bench/processes';
import { startChild } from '../../bench/processes';
import { projectRoot } from '../../config/paths';
import { testIssuerEnv } from '../helpers/test-issuer';
import {
  resolveComposeCheck,
  resolveTemporalCli,
  resolveTemporalServer,
  resolveTemporalSqlTool,
  resolveTemporalUiServer,
} from '../../tools/temporal-binaries';

/** The parts of compose-go's resolved project this run reads. */
export interface ComposeService {
  readonly command?: string[] | null;
  readonly environment?: Record<string, string | null>;
  readonly healthcheck?: { test?: string[] };
  readonly deploy?: { replicas?: number };
}
export interface ComposeProject {
  readonly services: Record<string, ComposeService>;
}

export interface NativeCluster {
  readonly project: ComposeProject;
  readonly temporalAddress: string;
  readonly apiUrl: string;
  /** The Web UI server, started from the `temporal-ui` service's environment. */
  readonly uiUrl: string;
  readonly dataDir: string;
  /** The API's environment as started here (payload keys, the register's database on this machine). */
  readonly apiEnv: Record<string, string>;
  readonly workers: Child[];
  readonly workerMetricsPorts: number[];
  /** Milliseconds per phase of the start. */
  readonly timings: Record<string, number>;
  /**
   * Runs a service's healthcheck command (`CMD` or `CMD-SHELL`) here, with its container addresses localised;
   * `replica` picks a worker.
   */
  healthcheck(service: string, replica?: number): Promise<boolean>;
  /** The last lines a service wrote, for failure messages. */
  logTail(service: string): string;
  stop(): Promise<void>;
}

const log = (line: string): void => {
  process.stderr.write(`[cluster] ${line}\n`);
};

/** Binds `port` (0: any) on 127.0.0.1 and lets it go, answering the port it got, or undefined if it is taken. */
function probePort(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const { port: got } = server.address() as AddressInfo;
      server.close(() => resolve(got));
    });
  });
}

/** A port the kernel just gave out and took back; the service binds it a moment later. */
export async function freePort(): Promise<number> {
  const port = await probePort(0);
  if (port === undefined) throw new Error('no free port on 127.0.0.1');
  return port;
}

/**
 * A free port below 32768: the server keeps its membership ports in a PostgreSQL smallint, which refuses the
 * kernel's ephemeral ports (UpsertClusterMembership: value out of range for type smallint).
 */
async function freeLowPort(taken: Set<number>): Promise<number> {
  for (let tries = 0; tries < 200; tries += 1) {
    const candidate = 20_000 + Math.floor(Math.random() * 12_000);
    if (taken.has(candidate)) continue;
    if ((await probePort(candidate)) === candidate) {
      taken.add(candidate);
      return candidate;
    }
  }
  throw new Error('no free port between 20000 and 32000 on 127.0.0.1');
}

/** Runs a command to completion within `timeoutMs`, returning its output or throwing with its tail. */
function runToEnd(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { timeoutMs: number; what: string },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${options.what} failed (${signal ?? `exit ${code}`}):\n${out.slice(-3000)}`));
    });
  });
}

/**
 * Where Debian keeps PostgreSQL's server programs; on a machine without them, as root, installs the `postgresql`
 * package first (the project's files must install what it needs).
 */
async function postgresBin(): Promise<string> {
  const find = (): string | undefined => {
    const root = '/usr/lib/postgresql';
    if (!existsSync(root)) return undefined;
    const versions = readdirSync(root)
      .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    return versions[0] && path.join(root, versions[0], 'bin');
  };
  const found = find();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    throw new Error('PostgreSQL is not installed: run `apt-get install -y postgresql` as root, then run this again');
  }
  log('installing PostgreSQL from Debian packages (apt-get install -y postgresql)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runToEnd('apt-get', ['update'], { env, timeoutMs: 300_000, what: 'apt-get update' });
  await runToEnd('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], {
    env,
    timeoutMs: 600_000,
    what: 'apt-get install postgresql',
  });
  const installed = find();
  if (!installed) throw new Error('apt-get installed postgresql but no initdb is under /usr/lib/postgresql');
  return installed;
}

/** The project compose-go resolves from docker-compose.yml, `.env.example` and the run's own secrets. */
export async function resolveComposeProject(secretsFile: string): Promise<ComposeProject> {
  const checker = await resolveComposeCheck(log);
  const out = await runToEnd(
    checker.executable.path,
    [path.join(projectRoot, 'docker-compose.yml'), path.join(projectRoot, '.env.example'), secretsFile],
    { timeoutMs: 30_000, what: 'compose-check' },
  );
  return JSON.parse(out) as ComposeProject;
}

interface Process {
  readonly child: ChildProcess;
  tail(): string;
}

/** Keeps the last output of a child for failure messages. */
function keepTail(child: ChildProcess): Process {
  let tail = '';
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString()).slice(-2500);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, tail: () => tail };
}

/** Spawns a long-running service, keeping its last output. */
function startService(command: string, args: readonly string[], options: SpawnOptions): Process {
  return keepTail(spawn(command, [...args], { ...options, stdio: ['ignore', 'pipe', 'pipe'] }));
}

function stopProcess(child: ChildProcess, graceMs = 15_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
  });
}

/** Polls `check` every 500 ms until it holds or `timeoutMs` passes; a throw from `check` ends the wait at once. */
async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what} not ready in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Only the variables a service sets, never `null` ones (compose-go writes `KEY: null` for a bare `KEY`). */
function environmentOf(service: ComposeService): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.environment ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/** Starts the whole topology; the caller must `stop()` it, also after a failure (the harness cleans up partial starts). */
export async function startNativeCluster(): Promise<NativeCluster> {
  const timings: Record<string, number> = {};
  const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    log(`${name} …`);
    const result = await work();
    timings[name] = Math.round(performance.now() - started);
    log(`${name}: ${(timings[name] / 1000).toFixed(1)} s`);
    return result;
  };
  const root = mkdtempSync(path.join(tmpdir(), 'native-cluster-'));
  // PostgreSQL runs as its own user when we are root, and must be able to reach its directory under ours.
  chmodSync(root, 0o755);
  const services = new Map<string, Process>();
  const workers: Child[] = [];
  let api: Child | undefined;
  let pg: { bin: string; dataDir: string; asPostgres: (cmd: string, args: string[]) => [string, string[]] } | undefined;

  const stop = async (): Promise<void> => {
    // Not Child.stop(): it waits for an exit event that a worker killed by the test has already had.
    if (api) await stopProcess(api.process);
    const ui = services.get('temporal-ui');
    if (ui) await stopProcess(ui.child);
    await Promise.all(workers.map((w) => stopProcess(w.process)));
    const server = services.get('temporal');
    if (server) await stopProcess(server.child);
    if (pg) {
      const [cmd, args] = pg.asPostgres(path.join(pg.bin, 'pg_ctl'), ['-D', pg.dataDir, '-m', 'fast', '-w', 'stop']);
      await runToEnd(cmd, args, { timeoutMs: 60_000, what: 'pg_ctl stop' }).catch((err: Error) => log(err.message));
    }
    rmSync(root, { recursive: true, force: true });
  };

  try {
    // The run's own secrets, as an operator would put them in .env beside .env.example.
    const postgresPassword = randomBytes(18).toString('base64url');
    const secretsFile = path.join(root, 'secrets.env');
    writeFileSync(
      secretsFile,
      [
        `POSTGRES_PASSWORD=${postgresPassword}`,
        'PAYLOAD_KEY_ID=k1',
        `PAYLOAD_KEY=${randomBytes(32).toString('base64')}`,
        `PAYLOAD_BODY_KEYS=${['party-1', 'discipline-1', 'organization-1']
          .map((id) => `${id}:${randomBytes(32).toString('base64')}`)
          .join(',')}`,
        ...['METRICS_TOKEN', 'NOTICE_WEBHOOK_TOKEN', 'ARCHIVE_TOKEN', 'TEMPORAL_UI_AUTH_CLIENT_SECRET'].map(
          (name) => `${name}=${randomBytes(18).toString('base64url')}`,
        ),
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    const [project, cli, serverBinary, sqlTool, uiServer] = await phase('binaries and compose project', async () => [
      await resolveComposeProject(secretsFile),
      await resolveTemporalCli(log),
      await resolveTemporalServer(log),
      await resolveTemporalSqlTool(log),
      await resolveTemporalUiServer(log),
    ]);
    if (cli.executable.type !== 'existing-path') throw new Error(`no Temporal CLI: ${cli.source}`);
    const s = project.services;
    // The commands the compose jobs call, by the names they call them.
    const binDir = path.join(root, 'bin');
    mkdirSync(binDir);
    execFileSync('ln', ['-s', cli.executable.path, path.join(binDir, 'temporal')]);
    execFileSync('ln', ['-s', sqlTool.executable.path, path.join(binDir, 'temporal-sql-tool')]);
    const PATH = `${binDir}${path.delimiter}${process.env.PATH ?? ''}`;

    const pgPort = await freePort();
    await phase('postgresql (initdb, start)', async () => {
      const bin = await postgresBin();
      const dataDir = path.join(root, 'pg');
      const asRoot = process.getuid?.() === 0;
      const asPostgres = (cmd: string, args: string[]): [string, string[]] =>
        asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
      mkdirSync(dataDir, { mode: 0o700 });
      const pwFile = path.join(root, 'pg-password');
      writeFileSync(pwFile, postgresPassword, { mode: 0o600 });
      if (asRoot) execFileSync('chown', ['postgres:', dataDir, pwFile]);
      const pgEnv = environmentOf(s.postgresql);
      const [initCmd, initArgs] = asPostgres(path.join(bin, 'initdb'), [
        '-D',
        dataDir,
        '-U',
        pgEnv.POSTGRES_USER,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ]);
      await runToEnd(initCmd, initArgs, { timeoutMs: 120_000, what: 'initdb' });
      pg = { bin, dataDir, asPostgres };
      // fsync off: a throwaway cluster that nothing outlives; the socket stays in its own directory.
      const options = `-c listen_addresses=127.0.0.1 -p ${pgPort} -k ${dataDir} -c fsync=off -c max_connections=200`;
      const [startCmd, startArgs] = asPostgres(path.join(bin, 'pg_ctl'), [
        '-D',
        dataDir,
        '-o',
        options,
        '-l',
        path.join(dataDir, 'server.log'),
        '-w',
        '-t',
        '60',
        'start',
      ]);
      await runToEnd(startCmd, startArgs, { timeoutMs: 90_000, what: 'pg_ctl start' });
    });

    await phase('temporal-schema job', async () => {
      // The job's own script, as compose runs it with `sh -ec`; only the database host and port are this machine's.
      const env = {
        ...process.env,
        PATH,
        ...environmentOf(s['temporal-schema']),
        SQL_HOST: '127.0.0.1',
        SQL_PORT: String(pgPort),
      };
      await runToEnd('sh', ['-ec', (s['temporal-schema'].command ?? []).join('\n')], {
        env,
        timeoutMs: 180_000,
        what: 'temporal-schema',
      });
    });

    const taken = new Set<number>();
    const ports = {
      FRONTEND_GRPC_PORT: await freeLowPort(taken),
      FRONTEND_HTTP_PORT: await freeLowPort(taken),
      FRONTEND_MEMBERSHIP_PORT: await freeLowPort(taken),
      HISTORY_GRPC_PORT: await freeLowPort(taken),
      HISTORY_MEMBERSHIP_PORT: await freeLowPort(taken),
      MATCHING_GRPC_PORT: await freeLowPort(taken),
      MATCHING_MEMBERSHIP_PORT: await freeLowPort(taken),
      WORKER_GRPC_PORT: await freeLowPort(taken),
      WORKER_MEMBERSHIP_PORT: await freeLowPort(taken),
    };
    const temporalAddress = `127.0.0.1:${ports.FRONTEND_GRPC_PORT}`;
    const replicas = s.worker.deploy?.replicas ?? 1;
    const apiPort = await freePort();
    const uiPort = await freePort();
    const workerMetricsPorts: number[] = [];
    for (let i = 0; i < replicas; i += 1) workerMetricsPorts.push(await freePort());
    /** Container addresses in commands and healthchecks, as this machine reaches them. */
    const localise = (text: string): string => text.replaceAll('temporal:7233', temporalAddress);

    await phase('temporal server (start, healthy)', async () => {
      const dynamicConfig = path.join(root, 'dynamicconfig.yaml');
      writeFileSync(dynamicConfig, 'limit.maxIDLength:\n  - value: 255\n');
      // The server's embedded configuration template, read from the environment the `temporal` service sets.
      const env = {
        ...process.env,
        ...environmentOf(s.temporal),
        POSTGRES_SEEDS: '127.0.0.1',
        DB_PORT: String(pgPort),
        BIND_ON_IP: '127.0.0.1',
        TEMPORAL_BROADCAST_ADDRESS: '127.0.0.1',
        DYNAMIC_CONFIG_FILE_PATH: dynamicConfig,
        LOG_LEVEL: 'warn',
        ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
      };
      services.set(
        'temporal',
        startService(serverBinary.executable.path, ['--allow-no-auth', 'start'], { cwd: root, env }),
      );
      const server = services.get('temporal') as Process;
      await waitFor('the Temporal server', 120_000, async () => {
        if (server.child.exitCode !== null) throw new Error(`the Temporal server exited:\n${server.tail()}`);
        return healthcheck('temporal');
      });
    });

    await phase('temporal-setup job', async () => {
      const env = { ...process.env, PATH, ...environmentOf(s['temporal-setup']), TEMPORAL_ADDRESS: temporalAddress };
      await runToEnd('sh', ['-ec', localise((s['temporal-setup'].command ?? []).join('\n'))], {
        env,
        timeoutMs: 120_000,
        what: 'temporal-setup',
      });
    });

    const dataDir = path.join(root, 'data');
    const holidaysDir = path.join(root, 'holidays');
    let apiEnvironment: Record<string, string> = {};
    mkdirSync(dataDir);
    mkdirSync(holidaysDir);
    /** What a container of the image would also have: the volumes' directories, the server on the network. */
    const local = {
      TEMPORAL_ADDRESS: temporalAddress,
      DATA_DIR: dataDir,
      HOLIDAYS_DIR: holidaysDir,
      // The register's database, created by the temporal-schema job, on this machine's PostgreSQL.
      REGISTER_DATABASE_URL: (environmentOf(s.api).REGISTER_DATABASE_URL ?? '').replace(
        '@postgresql:5432/',
        `@127.0.0.1:${pgPort}/`,
      ),
    };
    await phase(`${replicas} workers and the API (start, ready)`, async () => {
      const starts: Promise<Child>[] = [];
      for (const metricsPort of workerMetricsPorts) {
        // The city's gateway and archive service cannot be reached from here: the file stores under DATA_DIR.
        const {
          NOTICE_WEBHOOK_URL: _n,
          NOTICE_WEBHOOK_TOKEN: _nt,
          ARCHIVE_URL: _a,
          ARCHIVE_TOKEN: _at,
          ...workerEnv
        } = environmentOf(s.worker);
        const env = {
          ...workerEnv,
          ...local,
          // Replicas share a host here, not a network namespace each.
          METRICS_HOST: '127.0.0.1',
          METRICS_PORT: String(metricsPort),
        };
        starts.push(startChild('worker', env, /worker polling task queue/));
      }
      workers.push(...(await Promise.all(starts)));
      workers.forEach((w, i) => services.set(`worker-${i}`, keepTail(w.process)));
      const {
        AUTH_MODE: _jwt,
        AUTH_ISSUER: _i,
        AUTH_AUDIENCE: _a,
        AUTH_JWKS_URL: _u,
        // The workbench's sign-in goes to the city's identity provider, which the test issuer is not.
        AUTH_OIDC_CLIENT_ID: _c,
        AUTH_OIDC_SCOPES: _s,
        ...apiEnv
      } = environmentOf(s.api);
      apiEnvironment = {
        ...apiEnv,
        ...local,
        HOST: '127.0.0.1',
        PORT: String(apiPort),
        // A local test issuer instead of the city's identity provider, which this machine cannot reach
        // (development mode is refused against a separate Temporal).
        ...(await testIssuerEnv(dataDir)),
        LOG_LEVEL: 'warn',
      };
      api = await startChild('api', apiEnvironment, /HTTP API listening/);
      services.set('api', keepTail(api.process));
    });

    await phase('temporal-ui (start, healthy)', async () => {
      // The image's own configuration templates, which read the environment; only the bind address is added,
      // since a container listens on all of its interfaces and this machine's tests on 127.0.0.1 alone.
      const configDir = path.join(root, 'ui', 'config');
      cpSync(path.join(path.dirname(uiServer.executable.path), 'config'), configDir, { recursive: true });
      chmodSync(path.join(configDir, 'base.yaml'), 0o644);
      appendFileSync(path.join(configDir, 'base.yaml'), 'host: 127.0.0.1\n');
      const env = {
        ...process.env,
        ...environmentOf(s['temporal-ui']),
        // Sign-in goes to the city's identity provider, which this machine cannot reach; the rest is as composed.
        TEMPORAL_AUTH_ENABLED: 'false',
        TEMPORAL_ADDRESS: temporalAddress,
        TEMPORAL_UI_PORT: String(uiPort),
      };
      const ui = startService(
        uiServer.executable.path,
        ['--root', path.join(root, 'ui'), '--config', 'config', '--env', 'docker', 'start'],
        { cwd: root, env },
      );
      services.set('temporal-ui', ui);
      await waitFor('the Web UI', 60_000, async () => {
        if (ui.child.exitCode !== null) throw new Error(`the Web UI exited:\n${ui.tail()}`);
        return healthcheck('temporal-ui');
      });
    });

    /** Runs a compose healthcheck here; the fixed in-container ports become this run's. */
    async function healthcheck(name: string, replica = 0): Promise<boolean> {
      const test = s[name].healthcheck?.test ?? [];
      const fix = (part: string): string =>
        localise(part)
          .replaceAll('127.0.0.1:3000', name === 'api' ? `127.0.0.1:${apiPort}` : '127.0.0.1:3000')
          .replaceAll('127.0.0.1:8080', `127.0.0.1:${uiPort}`)
          .replaceAll('127.0.0.1:9464', `127.0.0.1:${workerMetricsPorts[replica]}`);
      const [kind, ...rest] = test;
      const env: NodeJS.ProcessEnv = { ...process.env, ...environmentOf(s[name]), PATH };
      if (name === 'postgresql' && pg) {
        Object.assign(env, { PATH: `${pg.bin}${path.delimiter}${PATH}`, PGHOST: '127.0.0.1', PGPORT: String(pgPort) });
      }
      try {
        if (kind === 'CMD-SHELL')
          await runToEnd('sh', ['-c', fix(rest.join(' '))], { env, timeoutMs: 10_000, what: name });
        else if (kind === 'CMD') {
          const [cmd, ...args] = rest.map(fix);
          await runToEnd(cmd === 'node' ? process.execPath : cmd, args, { env, timeoutMs: 10_000, what: name });
        } else return false;
        return true;
      } catch {
        return false;
      }
    }

    return {
      project,
      temporalAddress,
      apiUrl: `http://127.0.0.1:${apiPort}`,
      uiUrl: `http://127.0.0.1:${uiPort}`,
      dataDir,
      apiEnv: apiEnvironment,
      workers,
      workerMetricsPorts,
      timings,
      healthcheck,
      logTail: (name) => services.get(name)?.tail() ?? '',
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
