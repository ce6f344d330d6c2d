/**
 * Runs the worker alone against the configured Temporal server (TEMPORAL_ADDRESS or a temporal.toml profile), for
 * deployments that scale workers apart from the API. `npm start` runs it in-process instead.
 */
import { NativeConnection } from '@temporalio/worker';

import { caseBodyLookup } from '../codec/case-body-lookup';
import { caseDataConverter } from '../codec/data-converter';
import type { WorkerProcessConfig } from '../config';
import { connectionOptions } from '../config';
import { openConfiguredRegister } from '../register/open';
import { activityDependencies } from './dependencies';
import { installWorkerRuntime } from './runtime';
import { createCaseWorker } from './worker';

/** `main worker`: a worker alone, against the configured Temporal server. */
export async function runWorker(config: WorkerProcessConfig): Promise<void> {
  // A worker always has a register (`loadConfig`): the server's, or its own embedded one outside production.
  if (!config.register) throw new Error('worker: no register configured (REGISTER_DATABASE_URL)');
  const register = await openConfiguredRegister({ register: config.register, payload: config.payload });
  const dependencies = activityDependencies(config, register.register);
  installWorkerRuntime(config);
  const connection = await NativeConnection.connect(connectionOptions(config.temporal));
  const worker = await createCaseWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    dependencies,
    // Each case sealed with its body's key: learnt from the case's own payloads, else its search attributes.
    dataConverter: caseDataConverter(config.payload.keys, {
      ...config.payload.sealing,
      cipher: config.payload.cipher,
      lookup: caseBodyLookup(connection, config.temporal.namespace),
    }),
    maxCachedWorkflows: config.worker.WORKER_MAX_CACHED_WORKFLOWS,
  });
  const running = worker.run();
  // Process managers and the benchmark wait for this line: the bundle is built and the worker is polling.
  process.stdout.write(`worker polling task queue ${config.temporal.taskQueue}\n`);
  if (config.worker.METRICS_PORT) {
    process.stdout.write(
      `worker metrics on http://${config.worker.METRICS_HOST}:${config.worker.METRICS_PORT}/metrics\n`,
    );
  }
  await running;
  await connection.close();
  await register.close();
}
