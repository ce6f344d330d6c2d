/**
 * The production topology on one machine, each part a process of its own that a test can kill with SIGKILL and
 * start again: a Temporal dev server on a SQLite file (`--db-filename`), the worker and the API from the compiled
 * `dist/` (as `docker-compose.yml` runs them). Everything listens on 127.0.0.1; `stop()` ends every process this
 * module started, and so does the test process's exit.
 */
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Connection } from '@temporalio/client';

import { projectRoot } from '../../config/paths';
import { payloadKeyEnv } from '../helpers/payload-keys';
import type { Receiver } from '../helpers/receiver';
import { startReceiver } from '../helpers/receiver';
import { testIssuerEnv, testIssuerTokens } from '../helpers/test-issuer';
import { resolveTemporalCli } from '../../tools/temporal-binaries';
import { CASE_SEARCH_ATTRIBUTES } from '../../domain/search-attributes';
import type { Client } from './journey';

/** `npm run test:reliability` sets RELIABILITY_LONG=1: the published counts; `npm test` runs the short variants. */
export const LONG = process.env.RELIABILITY_LONG === '1';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.once('error', reject);
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A process started by this module. */
export interface Proc {
  readonly name: string;
  readonly pid: number;
  running(): boolean;
  /** SIGKILL, as a crash: no shutdown hook runs. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
}

const started = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Spawns `command` and waits (up to 60 s) until `ready` holds for its stdout so far, or answers true. */
async function spawnReady(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp | (() => Promise<boolean>),
  logFile: string,
): Promise<Proc> {
  const child = spawn(command, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: 'pipe' });
  // Every process's output is kept in the run's directory, the place to look when a run fails.
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  started.add(child);
  child.once('exit', () => started.delete(child));
  let out = '';
  let errors = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-4000);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${errors}${out}`);
    }
    if (ready instanceof RegExp ? ready.test(out) : await ready()) break;
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`${name} not ready in 60 s:\n${errors}${out}`);
    }
    await sleep(50);
  }
  return {
    name,
    pid: child.pid as number,
    running: () => child.exitCode === null && child.signalCode === null,
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.kill('SIGTERM');
      await exited(child);
      clearTimeout(timer);
    },
  };
}

/**
 * The compiled sources the processes run are at least as new as every source file: `npm run build` when not.
 * RELIABILITY_NO_BUILD=1 takes `dist/` as it is.
 */
let built = process.env.RELIABILITY_NO_BUILD === '1';
export function ensureBuilt(): void {
  if (built) return;
  const stamp = path.join(projectRoot, 'dist', '.reliability-build');
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return Math.max(m, newest(p));
      return e.name.endsWith('.ts') ? Math.max(m, statSync(p).mtimeMs) : m;
    }, 0);
  const sources = [
    'activities',
    'api',
    'calendar',
    'codec',
    'config',
    'domain',
    'register',
    'documents',
    'domain',
    'scripts',
    'worker',
    'workflows',
  ]
    .map((d) => path.join(projectRoot, d))
    .filter(existsSync);
  const stale = !existsSync(stamp) || Math.max(...sources.map(newest)) > statSync(stamp).mtimeMs;
  if (stale) {
    // Two test files may find dist stale at once: one builds, the other waits on the lock and then finds it fresh.
    const lock = path.join(projectRoot, 'dist', '.reliability-build.lock');
    mkdirSync(path.dirname(lock), { recursive: true });
    let mine = false;
    try {
      mkdirSync(lock);
      mine = true;
    } catch {
      const until = Date.now() + 120_000;
      while (existsSync(lock) && Date.now() < until) execFileSync('sleep', ['0.5']);
    }
    if (mine) {
      try {
        try {
          execFileSync('npm', ['run', 'build', '--silent'], { cwd: projectRoot, stdio: 'pipe', timeout: 180_000 });
        } catch (err) {
          const output = (err as { stdout?: Buffer }).stdout?.toString() ?? '';
          throw new Error(`npm run build failed, so dist/ may be stale:\n${output}`, { cause: err });
        }
        writeFileSync(stamp, new Date().toISOString());
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
    }
  }
  built = true;
}

export interface ClusterOptions {
  /** Extra environment of the worker (NOTICE_WEBHOOK_URL, ARCHIVE_URL, ...). */
  readonly workerEnv?: Record<string, string>;
  /** TEMPORAL_CALL_TIMEOUT_MS of the API. */
  readonly callTimeoutMs: number;
}

export interface Cluster {
  readonly dir: string;
  readonly temporalAddress: string;
  readonly apiUrl: string;
  readonly server: Proc;
  readonly worker: Proc;
  readonly api: Proc;
  /** Starts the dev server again on the same port and SQLite file. */
  restartServer(): Promise<void>;
  restartWorker(): Promise<void>;
  /** A bearer token for each demo user, by `sub`. */
  tokens: Record<string, string>;
  stop(): Promise<void>;
}

/** True once the dev server answers and has the case search attributes. */
async function serverReady(address: string): Promise<boolean> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: 1_000 });
    const { customAttributes } = await connection.withDeadline(Date.now() + 2_000, () =>
      connection!.operatorService.listSearchAttributes({ namespace: 'default' }),
    );
    return CASE_SEARCH_ATTRIBUTES.every((k) => customAttributes && k.name in customAttributes);
  } catch {
    return false;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

const METADATA_TYPES: Record<string, string> = { KEYWORD: 'Keyword', DATETIME: 'Datetime', BOOL: 'Bool' };

/** Starts the dev server, the worker and the API, each in its own process. */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  ensureBuilt();
  const { executable } = await resolveTemporalCli();
  if (executable.type !== 'existing-path') throw new Error('the reliability tests need a Temporal CLI binary');
  const dir = mkdtempSync(path.join(tmpdir(), 'reliability-'));
  const [port, httpPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  const temporalAddress = `127.0.0.1:${port}`;
  const serverArgs = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--http-port',
    String(httpPort),
    '--headless',
    '--namespace',
    'default',
    '--db-filename',
    path.join(dir, 'temporal.sqlite'),
    '--log-level',
    'error',
    '--dynamic-config-value',
    'frontend.enableServerVersionCheck=false',
    ...CASE_SEARCH_ATTRIBUTES.flatMap((k) => ['--search-attribute', `${k.name}=${METADATA_TYPES[k.type]}`]),
  ];
  const startServer = () =>
    spawnReady(
      'dev server',
      executable.path,
      serverArgs,
      { TEMPORAL_VERSION_CHECK_DISABLED: '1' },
      () => serverReady(temporalAddress),
      path.join(dir, 'server.log'),
    );
  // Worker and API share the store locations and the payload key, as every process of one deployment does.
  const shared = deploymentEnv(temporalAddress, 'reliability', dir);
  const startWorker = () => spawnWorker(shared, options.workerEnv ?? {});
  const startApi = () => spawnApi(shared, apiPort, options.callTimeoutMs);

  const procs = {
    server: await startServer(),
    worker: undefined as Proc | undefined,
    api: undefined as Proc | undefined,
  };
  try {
    procs.worker = await startWorker();
    procs.api = await startApi();
  } catch (err) {
    await Promise.all([procs.api?.kill(), procs.worker?.kill(), procs.server.kill()]);
    throw err;
  }
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const tokens = await demoTokens(shared);
  const cluster: Cluster = {
    dir,
    temporalAddress,
    apiUrl,
    get server() {
      return procs.server;
    },
    get worker() {
      return procs.worker as Proc;
    },
    get api() {
      return procs.api as Proc;
    },
    tokens,
    restartServer: async () => {
      if (procs.server.running()) throw new Error('the dev server is still running');
      procs.server = await startServer();
    },
    restartWorker: async () => {
      if (procs.worker?.running()) throw new Error('the worker is still running');
      procs.worker = await startWorker();
    },
    stop: async () => {
      await procs.api?.stop();
      await procs.worker?.stop();
      await procs.server.stop();
      if (process.env.RELIABILITY_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}

/** What every process of one deployment shares: the server, the task queue, the data directory, the payload key. */
export function deploymentEnv(temporalAddress: string, taskQueue: string, dataDir: string): Record<string, string> {
  mkdirSync(dataDir, { recursive: true });
  return {
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    DATA_DIR: dataDir,
    // Deployments of several files share the run's dev server: each numbers its cases in a series of its own.
    CASE_NUMBER_SERIES: `R${randomInt(36 ** 6)
      .toString(36)
      .toUpperCase()}`,
    // The key every test client of the run has: a deployment shares one key set across its processes, and the
    // e2e dev server is shared with other files whose lists and reads must decode these cases too.
    ...payloadKeyEnv(),
  };
}

/** `node dist/main.js worker` with the deployment's environment and `extra`. */
export function spawnWorker(shared: Record<string, string>, extra: Record<string, string> = {}): Promise<Proc> {
  ensureBuilt();
  return spawnReady(
    'worker',
    process.execPath,
    [path.join(projectRoot, 'dist', 'main.js'), 'worker'],
    { ...shared, ...extra },
    /worker polling/,
    path.join(shared.DATA_DIR, 'worker.log'),
  );
}

/**
 * `node dist/main.js api` on 127.0.0.1:`port`, trusting the run's test issuer (development mode is refused against
 * a separate Temporal), its Temporal calls bounded at `callTimeoutMs`.
 */
export async function spawnApi(shared: Record<string, string>, port: number, callTimeoutMs: number): Promise<Proc> {
  ensureBuilt();
  const issuer = await testIssuerEnv(shared.DATA_DIR);
  return spawnReady(
    'api',
    process.execPath,
    [path.join(projectRoot, 'dist', 'main.js'), 'api'],
    {
      ...shared,
      HOST: '127.0.0.1',
      PORT: String(port),
      ...issuer,
      RATE_LIMIT_MAX: '100000000',
      RATE_LIMIT_IP_MAX: '100000000',
      SUBMISSIONS_PER_APPLICANT_PER_DAY: '100000000',
      IDEMPOTENCY_MAX_PER_CALLER: '100000000',
      IDEMPOTENCY_MAX_TOTAL: '100000000',
      LOG_LEVEL: 'silent',
      TEMPORAL_CALL_TIMEOUT_MS: String(callTimeoutMs),
    },
    /listening/,
    path.join(shared.DATA_DIR, 'api.log'),
  );
}

/** A bearer token for each demo user of an API started by `spawnApi` with `shared`, by `sub`. */
export function demoTokens(shared: Record<string, string>): Promise<Record<string, string>> {
  return testIssuerTokens(shared.DATA_DIR);
}

/** A cluster whose worker delivers to real local stand-ins for the messaging gateway and the archive service. */
export interface DeliveringCluster {
  readonly gateway: Receiver;
  readonly archive: Receiver;
  readonly cluster: Cluster;
  /** The test's HTTP client of the cluster's API. */
  readonly client: Client;
}

/**
 * Starts the gateway and archive stand-ins, then the cluster delivering to them, and the client that drives cases
 * through its API with each action bounded by `actionBoundMs`.
 */
export async function startDeliveringCluster(callTimeoutMs: number, actionBoundMs: number): Promise<DeliveringCluster> {
  const gateway = await startReceiver();
  const archive = await startReceiver();
  const cluster = await startCluster({
    callTimeoutMs,
    workerEnv: { NOTICE_WEBHOOK_URL: gateway.url, ARCHIVE_URL: archive.url },
  });
  const client: Client = { apiUrl: cluster.apiUrl, tokens: cluster.tokens, answerTimeoutMs: 30_000, actionBoundMs };
  return { gateway, archive, cluster, client };
}
