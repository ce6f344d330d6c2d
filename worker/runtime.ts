import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { RuntimeOptions } from '@temporalio/worker';

import type { AppConfig } from '../config/env';

/**
 * Installs the SDK runtime once per process, before any connection: with METRICS_PORT set it serves the SDK's
 * Prometheus metrics (task latencies, slots, poll results, workflow cache) there, for the worker's dashboards.
 */
export function installWorkerRuntime(config: AppConfig, options: Partial<RuntimeOptions> = {}): void {
  Runtime.install({
    logger: new DefaultLogger('WARN'),
    ...options,
    ...(config.METRICS_PORT
      ? {
          telemetryOptions: {
            metrics: {
              prometheus: { bindAddress: `${config.METRICS_HOST}:${config.METRICS_PORT}` },
              globalTags: { task_queue: config.TEMPORAL_TASK_QUEUE },
            },
          },
        }
      : {}),
  });
}
