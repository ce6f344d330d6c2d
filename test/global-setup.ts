/**
 * Resolves (and on a fresh machine builds) both Temporal binaries once, before any test file runs, so that
 * parallel test workers never build them twice and the first build shows its progress.
 */
import { resolveTemporalCli, resolveTestServer } from '../scripts/temporal-binaries';

export default async function globalSetup(): Promise<void> {
  for (const [envVar, resolve] of [
    ['TEMPORAL_CLI_PATH', resolveTemporalCli],
    ['TEMPORAL_TEST_SERVER_PATH', resolveTestServer],
  ] as const) {
    const resolved = await resolve();
    // Test workers inherit this environment, so they find the same binary without looking again.
    if (resolved.executable.type === 'existing-path') process.env[envVar] = resolved.executable.path;
  }
}
