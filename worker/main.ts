/**
 * Runs the worker alone against the configured Temporal server (`TEMPORAL_ADDRESS`), for deployments that scale
 * workers apart from the API. `npm start` runs it in-process instead.
 */
import path from 'node:path';

import { NativeConnection } from '@temporalio/worker';

import { FileArchive } from '../activities/file-archive';
import { FileOutbox } from '../activities/file-outbox';
import { calendarSource } from '../calendar';
import { connectionOptions, loadConfig } from '../config/env';
import { createCaseWorker } from './worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const calendar = calendarSource({ holidaysDir: config.HOLIDAYS_DIR });
  const connection = await NativeConnection.connect(
    connectionOptions(config, config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_DEV_PORT}`),
  );
  const worker = await createCaseWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    dependencies: {
      calendar,
      notices: new FileOutbox(path.join(config.DATA_DIR, 'outbox')),
      archive: new FileArchive(path.join(config.DATA_DIR, 'archive')),
    },
  });
  await worker.run();
  await connection.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`worker: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
