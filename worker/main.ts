/**
 * Runs the worker alone against the configured Temporal server (`TEMPORAL_ADDRESS`), for deployments that scale
 * workers apart from the API. `npm start` runs it in-process instead.
 */
import { NativeConnection } from '@temporalio/worker';

import { connectionOptions, loadConfig } from '../config/env';
import { activityDependencies } from './dependencies';
import { createCaseWorker } from './worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const dependencies = activityDependencies(config);
  const connection = await NativeConnection.connect(
    connectionOptions(config, config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_DEV_PORT}`),
  );
  const worker = await createCaseWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    dependencies,
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
  });
  const running = worker.run();
  // Process managers and the benchmark wait for this line: the bundle is built and the worker is polling.
  process.stdout.write(`worker polling task queue ${config.TEMPORAL_TASK_QUEUE}\n`);
  await running;
  await connection.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`worker: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
