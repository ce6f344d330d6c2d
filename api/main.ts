/**
 * Runs the HTTP API alone against the configured Temporal server (`TEMPORAL_ADDRESS`), for deployments that run
 * it apart from the workers. `npm start` runs it in-process instead. On SIGINT or SIGTERM it stops taking
 * connections, lets requests in flight finish (up to SHUTDOWN_TIMEOUT_MS), then closes the Temporal connection.
 */
import { Client, Connection } from '@temporalio/client';

import { connectionOptions, loadConfig } from '../config/env';
import { createApp } from './app';
import { gracefulClose, loadHttpConfig } from './hardening';

async function main(): Promise<void> {
  const config = loadConfig();
  const http = loadHttpConfig();
  const connection = await Connection.connect(
    connectionOptions(config, config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_DEV_PORT}`),
  );
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const app = createApp({
    client,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    holidaysDir: config.HOLIDAYS_DIR,
    dataDir: config.DATA_DIR,
    http,
  });
  const server = app.listen(config.PORT, config.HOST, () => {
    process.stdout.write(`HTTP API listening on http://${config.HOST}:${config.PORT}\n`);
  });
  const stop = async (): Promise<void> => {
    await gracefulClose(server, { timeoutMs: http.SHUTDOWN_TIMEOUT_MS });
    await connection.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop().then(
        () => process.exit(0),
        (err: unknown) => {
          process.stderr.write(`api: error while stopping: ${String(err)}\n`);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`api: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
