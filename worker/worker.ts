import type { NativeConnection } from '@temporalio/worker';
import { Worker } from '@temporalio/worker';

import type { ActivityDependencies } from '../activities';
import { createActivities } from '../activities';

export interface CaseWorkerOptions {
  readonly connection: NativeConnection;
  readonly namespace: string;
  readonly taskQueue: string;
  readonly dependencies: ActivityDependencies;
}

/** Creates the worker that runs case workflows and their activities; the caller runs and shuts it down. */
export function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowsPath: require.resolve('../workflows'),
    activities: createActivities(options.dependencies),
  });
}
