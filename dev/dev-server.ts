/**
 * The embedded default: a Temporal dev server with a persistent SQLite file and its Web UI, started from the
 * binary the resolver finds, with this project's search attributes registered.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { TestWorkflowEnvironment } from '@temporalio/testing';

import { CASE_SEARCH_ATTRIBUTES } from '../domain/search-attributes';
import { resolveTemporalCli } from '../tools/temporal-binaries';

export interface DevServerOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly uiPort: number;
  readonly namespace: string;
  /** The codec server the Web UI calls to show encrypted case data. */
  readonly codecEndpoint?: string;
}

/** Starts the dev server and resolves once it accepts connections; `teardown()` stops it. */
export async function startDevServer(options: DevServerOptions): Promise<TestWorkflowEnvironment> {
  const cli = await resolveTemporalCli();
  mkdirSync(options.dataDir, { recursive: true });
  // Not configuration: the CLI the SDK spawns inherits this process's environment and has no flag for it, so the
  // dev server is kept from calling home for a version check here.
  // eslint-disable-next-line no-restricted-properties
  process.env.TEMPORAL_VERSION_CHECK_DISABLED = '1';
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: cli.executable,
      dbFilename: path.join(options.dataDir, 'temporal.sqlite'),
      ip: '127.0.0.1',
      port: options.port,
      ui: true,
      uiPort: options.uiPort,
      namespace: options.namespace,
      searchAttributes: [...CASE_SEARCH_ATTRIBUTES],
      extraArgs: options.codecEndpoint ? ['--ui-codec-endpoint', options.codecEndpoint] : [],
    },
  });
}
