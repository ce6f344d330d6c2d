/**
 * The resolver's order, on real files in temporary directories: environment, PATH, project cache, build,
 * download. Builds themselves are exercised by CI on a fresh clone.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  TEMPORAL_CLI_VERSION,
  TEMPORAL_SERVER_VERSION,
  TEMPORAL_TEST_SERVER_VERSION,
  resolveTemporalCli,
  resolveTemporalServer,
  resolveTemporalSqlTool,
  resolveTestServer,
} from '../../scripts/temporal-binaries';

const saved = { ...process.env };
let root: string;
const lines: string[] = [];
const log = (line: string): void => {
  lines.push(line);
};

function executable(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '#!/bin/sh\nexit 0\n');
  chmodSync(file, 0o755);
  return file;
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'resolver-'));
  lines.length = 0;
  delete process.env.TEMPORAL_CLI_PATH;
  delete process.env.TEMPORAL_TEST_SERVER_PATH;
  delete process.env.TEMPORAL_SERVER_PATH;
  delete process.env.TEMPORAL_SQL_TOOL_PATH;
  delete process.env.TEMPORAL_BINARIES_NO_BUILD;
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
  expect(await resolveTemporalCli(log)).toEqual({
    source: 'env',
    executable: { type: 'existing-path', path: explicit },
  });
});

test('an explicit path that is not an executable file is refused with the variable named', async () => {
  process.env.TEMPORAL_TEST_SERVER_PATH = path.join(root, 'nothing-here');
  await expect(resolveTestServer(log)).rejects.toThrow(/TEMPORAL_TEST_SERVER_PATH=.*not an executable file/);
});

test('a binary on the PATH wins over the project cache', async () => {
  const onPath = executable(path.join(root, 'bin', 'temporal-test-server'));
  executable(path.join(root, 'cache', `test-server-${TEMPORAL_TEST_SERVER_VERSION}`, 'temporal-test-server'));
  process.env.PATH = path.join(root, 'bin');
  expect(await resolveTestServer(log)).toMatchObject({ source: 'path', executable: { path: onPath } });
});

test('the project cache is used, keyed by the pinned version, when nothing else is set', async () => {
  const cached = executable(path.join(root, 'cache', `cli-${TEMPORAL_CLI_VERSION}`, 'temporal'));
  expect(await resolveTemporalCli(log)).toMatchObject({ source: 'cache', executable: { path: cached } });
});

test('a cache built for another version is not used', async () => {
  executable(path.join(root, 'cache', 'cli-0.0.1', 'temporal'));
  process.env.TEMPORAL_BINARIES_NO_BUILD = '1';
  expect(await resolveTemporalCli(log)).toMatchObject({ source: 'download' });
});

test('without Go the build is skipped with one line naming Go and the variable that skips it', async () => {
  // PATH holds no `go`; the resolver falls back to the SDK download instead of failing.
  const resolved = await resolveTemporalCli(log);
  expect(resolved).toMatchObject({ source: 'download', executable: { type: 'cached-download' } });
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/'go' is not installed; set TEMPORAL_CLI_PATH/);
});

test('without Java the test server build is skipped naming java and TEMPORAL_TEST_SERVER_PATH', async () => {
  await resolveTestServer(log);
  expect(lines[0]).toMatch(/'java' is not installed; set TEMPORAL_TEST_SERVER_PATH/);
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
    /^cannot build the Temporal server v[0-9.]+: 'go' is not installed; set TEMPORAL_SERVER_PATH/,
  );
  expect(lines).toEqual([]);
});
