/**
 * One resolver for the Temporal binaries this project runs: the Temporal CLI (dev server with the Web UI) and the
 * Java time-skipping test server, which start-up, tests and CI need; and the Temporal server with its SQL schema
 * tool, which only the native cluster run (`npm run test:cluster`, PostgreSQL) needs. It looks in this order:
 *
 *  1. an explicit path from the environment (`TEMPORAL_CLI_PATH`, `TEMPORAL_TEST_SERVER_PATH`,
 *     `TEMPORAL_SERVER_PATH`, `TEMPORAL_SQL_TOOL_PATH`);
 *  2. the `PATH` (`temporal`, `temporal-test-server`, `temporal-server`, `temporal-sql-tool`);
 *  3. the project's own cache (`.cache/temporal/`, git-ignored);
 *  4. a build from the package registries (Go modules for the CLI and the server, Maven for the test server);
 *  5. the SDK's own download, which needs the internet (the SDK downloads no server, so that pair stops at 4).
 *
 * Run as a script (`npm run temporal:binaries`) it resolves the CLI and the test server and prints where they are,
 * building what is missing with progress on stderr: CI calls it first so that the test run never waits on a build.
 * Names as arguments pick others (`npm run temporal:binaries -- server sql-tool`).
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { projectRoot } from '../config/paths';

/** Versions are pinned here and in `tools/`, so two machines build the same binaries. */
export const TEMPORAL_CLI_VERSION = '1.8.2';
export const TEMPORAL_TEST_SERVER_VERSION = '1.38.0';
/** The server inside CLI v1.8.2 is 1.31.2 too, so both Go builds share most of Go's build cache. */
export const TEMPORAL_SERVER_VERSION = '1.31.2';
/** The Web UI server embedded in CLI v1.8.2; `tools/temporal-server/go.mod` pins the same. */
export const TEMPORAL_UI_SERVER_VERSION = '2.50.1';
/** compose-go, the library inside Docker Compose, as pinned by `tools/compose-check/go.mod`. */
export const COMPOSE_GO_VERSION = '2.16.2';

/** Where a binary came from; `download` means the SDK fetches it itself when the server starts. */
export type BinarySource = 'env' | 'path' | 'cache' | 'build' | 'download';

/** The executable spec `@temporalio/testing` accepts, plus where it came from. */
export type ResolvedBinary =
  | { readonly source: Exclude<BinarySource, 'download'>; readonly executable: { type: 'existing-path'; path: string } }
  | { readonly source: 'download'; readonly executable: { type: 'cached-download' }; readonly reason: string };

/** A binary that is on disk: what the resolver gives for the server and its SQL tool, which nobody downloads. */
export type ResolvedPath = Extract<ResolvedBinary, { executable: { type: 'existing-path' } }>;

/** A build prerequisite is missing or a build failed; the message is one line meant for a person. */
export class TemporalBinaryError extends Error {
  override readonly name = 'TemporalBinaryError';
}

interface BinarySpec {
  readonly label: string;
  readonly envVar: string;
  readonly commandName: string;
  readonly cachedPath: string;
  readonly build: (log: (line: string) => void) => Promise<void>;
  readonly prerequisites: readonly string[];
  /** False for binaries the SDK never downloads (the server, its SQL tool, compose-check): no step 5. */
  readonly downloadable?: false;
}

/** The project's cache directory; `TEMPORAL_CACHE_DIR` moves it (tests use a temporary one). */
export function cacheDir(): string {
  return process.env.TEMPORAL_CACHE_DIR ?? path.join(projectRoot, '.cache', 'temporal');
}

/** Go's settings for every build here: the pinned go.sum only, no VCS stamping, a static binary. */
const GO_ENV = { GOFLAGS: '-mod=readonly -buildvcs=false', CGO_ENABLED: '0' };

/**
 * Builds `pkg` in the tools module `tools/<module>` into `cachedPath`, through a `.partial` file renamed when done,
 * so a build cut short is never taken for a binary.
 */
async function goBuild(
  module: string,
  pkg: string,
  cachedPath: string,
  log: (line: string) => void,
  flags: readonly string[] = [],
): Promise<void> {
  const partial = `${cachedPath}.partial`;
  await run('go', ['build', '-trimpath', ...flags, '-o', partial, pkg], {
    cwd: path.join(projectRoot, 'tools', module),
    env: GO_ENV,
    log,
  });
  renameSync(partial, cachedPath);
}

function cliSpec(): BinarySpec {
  const dir = path.join(cacheDir(), `cli-${TEMPORAL_CLI_VERSION}`);
  const cachedPath = path.join(dir, 'temporal');
  return {
    label: `Temporal CLI v${TEMPORAL_CLI_VERSION}`,
    envVar: 'TEMPORAL_CLI_PATH',
    commandName: 'temporal',
    cachedPath,
    prerequisites: ['go'],
    build: async (log) => {
      mkdirSync(dir, { recursive: true });
      log(
        `building ${`Temporal CLI v${TEMPORAL_CLI_VERSION}`} from Go modules (tools/temporal-cli); the first build takes minutes`,
      );
      const ldflags = `-X github.com/temporalio/cli/internal/temporalcli.Version=${TEMPORAL_CLI_VERSION}`;
      await goBuild('temporal-cli', 'github.com/temporalio/cli/cmd/temporal', cachedPath, log, ['-ldflags', ldflags]);
    },
  };
}

/**
 * The Temporal server and its SQL schema tool, built from `tools/temporal-server` as two specs: each has its own
 * cached file and lock, so a half-built pair is never taken for a whole one.
 */
function serverToolSpec(kind: 'server' | 'sql-tool'): BinarySpec {
  const dir = path.join(cacheDir(), `server-${TEMPORAL_SERVER_VERSION}`);
  const commandName = kind === 'server' ? 'temporal-server' : 'temporal-sql-tool';
  const cachedPath = path.join(dir, commandName);
  const label =
    kind === 'server' ? `Temporal server v${TEMPORAL_SERVER_VERSION}` : `temporal-sql-tool v${TEMPORAL_SERVER_VERSION}`;
  const pkg = kind === 'server' ? 'go.temporal.io/server/cmd/server' : 'go.temporal.io/server/cmd/tools/sql';
  return {
    label,
    envVar: kind === 'server' ? 'TEMPORAL_SERVER_PATH' : 'TEMPORAL_SQL_TOOL_PATH',
    commandName,
    cachedPath,
    prerequisites: ['go'],
    downloadable: false,
    build: async (log) => {
      mkdirSync(dir, { recursive: true });
      log(`building ${label} from Go modules (tools/temporal-server); minutes unless the CLI was built before`);
      await goBuild('temporal-server', pkg, cachedPath, log);
    },
  };
}

/**
 * The Web UI server (`temporalio/ui`'s program) from `tools/temporal-server`, beside a copy of its `config/` templates:
 * started with `--env docker` it reads the same `TEMPORAL_*` variables as the image does.
 */
function uiServerSpec(): BinarySpec {
  const dir = path.join(cacheDir(), `ui-server-${TEMPORAL_UI_SERVER_VERSION}`);
  const cachedPath = path.join(dir, 'ui-server');
  const module = `github.com/temporalio/ui-server/v2`;
  return {
    label: `Temporal Web UI server v${TEMPORAL_UI_SERVER_VERSION}`,
    envVar: 'TEMPORAL_UI_SERVER_PATH',
    commandName: 'ui-server',
    cachedPath,
    prerequisites: ['go'],
    downloadable: false,
    build: async (log) => {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      log(`building the Temporal Web UI server from Go modules (tools/temporal-server)`);
      let listed = '';
      await run('go', ['list', '-m', '-f', '{{.Dir}}', module], {
        cwd: path.join(projectRoot, 'tools', 'temporal-server'),
        env: GO_ENV,
        log: (line) => (listed += line.trim()),
      });
      cpSync(path.join(listed, 'config'), path.join(dir, 'config'), { recursive: true });
      await goBuild('temporal-server', `${module}/cmd/server`, cachedPath, log);
    },
  };
}

/** `compose-check` (tools/compose-check): loads docker-compose.yml as `docker compose config` does, without Docker. */
function composeCheckSpec(): BinarySpec {
  const dir = path.join(cacheDir(), `compose-check-${COMPOSE_GO_VERSION}`);
  const cachedPath = path.join(dir, 'compose-check');
  return {
    label: `compose-check (compose-go v${COMPOSE_GO_VERSION})`,
    envVar: 'COMPOSE_CHECK_PATH',
    commandName: 'compose-check',
    cachedPath,
    prerequisites: ['go'],
    downloadable: false,
    build: async (log) => {
      mkdirSync(dir, { recursive: true });
      log(`building compose-check from Go modules (tools/compose-check)`);
      await goBuild('compose-check', '.', cachedPath, log);
    },
  };
}

function testServerSpec(): BinarySpec {
  const dir = path.join(cacheDir(), `test-server-${TEMPORAL_TEST_SERVER_VERSION}`);
  const cachedPath = path.join(dir, 'temporal-test-server');
  return {
    label: `Temporal time-skipping test server ${TEMPORAL_TEST_SERVER_VERSION} (Java)`,
    envVar: 'TEMPORAL_TEST_SERVER_PATH',
    commandName: 'temporal-test-server',
    cachedPath,
    prerequisites: ['java', 'mvn'],
    build: async (log) => {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      log(
        `fetching ${`io.temporal:temporal-test-server:${TEMPORAL_TEST_SERVER_VERSION}`} and its runtime jars with Maven`,
      );
      await run(
        'mvn',
        [
          '-B',
          '--no-transfer-progress',
          '-Dstyle.color=never',
          '-f',
          path.join(projectRoot, 'tools', 'temporal-test-server', 'pom.xml'),
          `-Dtemporal.test-server.version=${TEMPORAL_TEST_SERVER_VERSION}`,
          `-Dlib.dir=${path.join(dir, 'lib')}`,
          'dependency:copy-dependencies@copy-runtime',
        ],
        { cwd: dir, env: {}, log },
      );
      // The SDK starts the binary directly (no shell) and kills the pid it started, so the wrapper must exec the
      // JVM; the JVM flags keep start-up well inside the 5 s the SDK waits for the port on two cores.
      writeFileSync(
        cachedPath,
        [
          '#!/bin/sh',
          'here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)',
          'exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -Xshare:auto $TEMPORAL_TEST_SERVER_JAVA_OPTS \\',
          '  -cp "$here/lib/*" io.temporal.testserver.TestServer "$@"',
          '',
        ].join('\n'),
        { mode: 0o755 },
      );
    },
  };
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, command))) return path.join(dir, command);
  }
  return undefined;
}

/** The first build tool that is not on the PATH, if any. */
function missingPrerequisite(spec: BinarySpec): string | undefined {
  return spec.prerequisites.find((command) => !onPath(command));
}

function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: Record<string, string>; log: (line: string) => void },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    // Looked up on process.env.PATH as the resolver sees it, not on the PATH the process started with.
    const child = spawn(onPath(command) ?? command, [...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const forward = (chunk: Buffer): void => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      for (const line of text.split('\n')) if (line.trim()) options.log(`  ${line.trimEnd()}`);
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    // Compiling prints nothing for minutes; a heartbeat shows the build is alive.
    const heartbeat = setInterval(
      () => options.log(`  … still building (${Math.round((Date.now() - started) / 1000)} s)`),
      30_000,
    );
    child.on('error', (err) => {
      clearInterval(heartbeat);
      reject(new TemporalBinaryError(`${command} could not start: ${err.message}`));
    });
    child.on('close', (code) => {
      clearInterval(heartbeat);
      if (code === 0) resolve();
      else reject(new TemporalBinaryError(`${command} ${args.join(' ')} exited with ${code}:\n${tail}`));
    });
  });
}

const builds = new Map<string, Promise<void>>();

/** Builds once per cached path even when start-up or tests ask for the same binary concurrently. */
function buildOnce(spec: BinarySpec, log: (line: string) => void): Promise<void> {
  let pending = builds.get(spec.cachedPath);
  if (!pending) {
    pending = withBuildLock(spec, log);
    builds.set(spec.cachedPath, pending);
    pending.catch(() => builds.delete(spec.cachedPath));
  }
  return pending;
}

/** The pid written in a lock directory, or 0 while it is being written (or just removed). */
function lockOwner(lock: string): number {
  try {
    return Number(readFileSync(path.join(lock, 'pid'), 'utf8')) || 0;
  } catch {
    return 0;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds under a lock directory beside the cached binary, so that two processes (`npm start` in one terminal,
 * `npm test` in another) never write the same files at once: the second waits for the first and then uses its
 * result. A lock left by a process that died is taken over.
 */
async function withBuildLock(spec: BinarySpec, log: (line: string) => void): Promise<void> {
  const lock = `${spec.cachedPath}.lock`;
  mkdirSync(path.dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 1) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = lockOwner(lock);
      if (owner && !processAlive(owner)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (waited % 15 === 0)
        log(`  waiting for another process (pid ${owner || '?'}) that is building the ${spec.label}`);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      if (isExecutable(spec.cachedPath)) return;
    }
  }
  try {
    if (!isExecutable(spec.cachedPath)) await spec.build(log);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function resolveBinary(spec: BinarySpec, log: (line: string) => void): Promise<ResolvedBinary> {
  const explicit = process.env[spec.envVar];
  if (explicit) {
    if (!isExecutable(explicit)) {
      throw new TemporalBinaryError(`${spec.envVar}=${explicit} is not an executable file`);
    }
    return { source: 'env', executable: { type: 'existing-path', path: explicit } };
  }
  const found = onPath(spec.commandName);
  if (found) return { source: 'path', executable: { type: 'existing-path', path: found } };
  if (isExecutable(spec.cachedPath))
    return { source: 'cache', executable: { type: 'existing-path', path: spec.cachedPath } };
  if (process.env.TEMPORAL_BINARIES_NO_BUILD === '1' && spec.downloadable !== false) {
    return { source: 'download', executable: { type: 'cached-download' }, reason: 'TEMPORAL_BINARIES_NO_BUILD=1' };
  }
  const missing = missingPrerequisite(spec);
  if (missing && spec.downloadable === false) {
    throw new TemporalBinaryError(
      `cannot build the ${spec.label}: '${missing}' is not installed; set ${spec.envVar} to an existing binary`,
    );
  }
  if (missing) {
    const reason = `cannot build the ${spec.label}: '${missing}' is not installed; set ${spec.envVar} to an existing binary to skip the build`;
    log(`${reason} (falling back to the SDK's download, which needs the internet)`);
    return { source: 'download', executable: { type: 'cached-download' }, reason };
  }
  const started = Date.now();
  await buildOnce(spec, log);
  log(`${spec.label} ready in ${Math.round((Date.now() - started) / 1000)} s: ${spec.cachedPath}`);
  return { source: 'build', executable: { type: 'existing-path', path: spec.cachedPath } };
}

const stderrLog = (line: string): void => {
  process.stderr.write(`[temporal-binaries] ${line}\n`);
};

/** Finds (or builds) the Temporal CLI, which runs the dev server and its Web UI. */
export function resolveTemporalCli(log: (line: string) => void = stderrLog): Promise<ResolvedBinary> {
  return resolveBinary(cliSpec(), log);
}

/** Finds (or builds) the time-skipping test server. */
export function resolveTestServer(log: (line: string) => void = stderrLog): Promise<ResolvedBinary> {
  return resolveBinary(testServerSpec(), log);
}

/** The resolver's answer for a binary nobody downloads, which is always a path on disk. */
async function resolveOnDisk(spec: BinarySpec, log: (line: string) => void): Promise<ResolvedPath> {
  return (await resolveBinary(spec, log)) as ResolvedPath;
}

/** Finds (or builds) the Temporal server (`temporal-server start`), for a cluster on PostgreSQL. */
export function resolveTemporalServer(log: (line: string) => void = stderrLog): Promise<ResolvedPath> {
  return resolveOnDisk(serverToolSpec('server'), log);
}

/** Finds (or builds) `temporal-sql-tool`, which creates and migrates the server's PostgreSQL schemas. */
export function resolveTemporalSqlTool(log: (line: string) => void = stderrLog): Promise<ResolvedPath> {
  return resolveOnDisk(serverToolSpec('sql-tool'), log);
}

/** Finds (or builds) the Web UI server; its `config/` templates sit beside it (start with `--root <its dir>`). */
export function resolveTemporalUiServer(log: (line: string) => void = stderrLog): Promise<ResolvedPath> {
  return resolveOnDisk(uiServerSpec(), log);
}

/** Finds (or builds) `compose-check`, which resolves docker-compose.yml with compose-go. */
export function resolveComposeCheck(log: (line: string) => void = stderrLog): Promise<ResolvedPath> {
  return resolveOnDisk(composeCheckSpec(), log);
}

if (require.main === module) {
  const resolvers = {
    cli: resolveTemporalCli,
    'test-server': resolveTestServer,
    server: resolveTemporalServer,
    'sql-tool': resolveTemporalSqlTool,
    'compose-check': resolveComposeCheck,
    'ui-server': resolveTemporalUiServer,
  } as const;
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in resolvers));
  if (unknown.length > 0) {
    process.stderr.write(`unknown binary ${unknown.join(', ')}; one of ${Object.keys(resolvers).join(', ')}\n`);
    process.exit(2);
  }
  const names = (wanted.length > 0 ? wanted : ['cli', 'test-server']) as (keyof typeof resolvers)[];
  // Sequential on purpose: a Go build and a JVM dependency fetch in parallel starve each other on two cores.
  (async () => {
    for (const name of names) {
      const resolved = await resolvers[name]();
      const where = resolved.executable.type === 'existing-path' ? resolved.executable.path : 'SDK download';
      process.stdout.write(`${name}: ${where} (${resolved.source})\n`);
    }
  })().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
