import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { LogEntry, LogLevel, RuntimeOptions } from '@temporalio/worker';

import type { WorkerProcessConfig } from '../config';

/**
 * One JSON object per line, like the API's log, with the case number named as such: the SDK puts the workflow ID
 * (our case number) in the metadata of every workflow and activity line, so a collector finds a case's lines in
 * the worker's and the API's logs by the same field.
 */
export function jsonLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stdout.write(l),
): DefaultLogger {
  return new DefaultLogger(level, (entry: LogEntry) => {
    const meta = (entry.meta ?? {}) as Record<string, unknown>;
    const caseNumber = typeof meta.workflowId === 'string' ? meta.workflowId : undefined;
    const time = new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString();
    const fields = { time, level: entry.level.toLowerCase(), msg: entry.message, caseNumber, ...meta };
    write(`${JSON.stringify(fields, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}\n`);
  });
}

/**
 * Installs the SDK runtime once per process, before any connection: with METRICS_PORT set it serves the SDK's
 * Prometheus metrics (task latencies, slots, poll results, workflow cache) there, for the worker's dashboards.
 */
export function installWorkerRuntime(
  config: Pick<WorkerProcessConfig, 'worker' | 'temporal'>,
  options: Partial<RuntimeOptions> = {},
): void {
  Runtime.install({
    logger: jsonLogger('WARN'),
    ...options,
    ...(config.worker.METRICS_PORT
      ? {
          telemetryOptions: {
            metrics: {
              prometheus: { bindAddress: `${config.worker.METRICS_HOST}:${config.worker.METRICS_PORT}` },
              globalTags: { task_queue: config.temporal.taskQueue },
            },
          },
        }
      : {}),
  });
}
