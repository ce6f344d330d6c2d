/**
 * Runs the worker alone against the configured Temporal server (`TEMPORAL_ADDRESS`), for deployments that scale
 * workers apart from the API. `npm start` runs it in-process instead.
 */
import { NativeConnection } from '@temporalio/worker';

import { caseDataConverter } from '../codec/data-converter';
import { connectionOptions, loadAll, loadConfig, loadKeysFromEnv, sealingPolicy } from '../config/env';
import { activityDependencies } from './dependencies';
import { installWorkerRuntime } from './runtime';
import { createCaseWorker } from './worker';

/** `main worker`: a worker alone, against the configured Temporal server. */
export async function runWorker(): Promise<void> {
  const { config, keys } = loadAll({ config: () => loadConfig(), keys: () => loadKeysFromEnv() });
  const dependencies = activityDependencies(config);
  installWorkerRuntime(config);
  const connection = await NativeConnection.connect(
    connectionOptions(config, config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_DEV_PORT}`),
  );
  const worker = await createCaseWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    dependencies,
    dataConverter: caseDataConverter(keys, sealingPolicy(config)),
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
  });
  const running = worker.run();
  // Process managers and the benchmark wait for this line: the bundle is built and the worker is polling.
  process.stdout.write(`worker polling task queue ${config.TEMPORAL_TASK_QUEUE}\n`);
  if (config.METRICS_PORT) {
    process.stdout.write(`worker metrics on http://${config.METRICS_HOST}:${config.METRICS_PORT}/metrics\n`);
  }
  await running;
  await connection.close();
}
