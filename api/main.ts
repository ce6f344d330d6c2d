/**
 * Runs the HTTP API alone against the configured Temporal server (`TEMPORAL_ADDRESS`), for deployments that run
 * it apart from the workers. `npm start` runs it in-process instead.
 */
import { Client, Connection } from '@temporalio/client';

import { connectionOptions, loadConfig } from '../config/env';
import { createApp } from './app';

async function main(): Promise<void> {
  const config = loadConfig();
  const connection = await Connection.connect(
    connectionOptions(config, config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_DEV_PORT}`),
  );
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const server = createApp({ client, taskQueue: config.TEMPORAL_TASK_QUEUE }).listen(config.PORT, config.HOST, () => {
    process.stdout.write(`HTTP API listening on http://${config.HOST}:${config.PORT}\n`);
  });
  const stop = (): void => {
    server.close(() => {
      void connection.close().then(() => process.exit(0));
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`api: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
