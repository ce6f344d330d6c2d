import { existsSync } from 'node:fs';

import type { DataConverter } from '@temporalio/common';
import type { NativeConnection } from '@temporalio/worker';
import { Worker } from '@temporalio/worker';

import type { ActivityDependencies } from '../activities';
import { createActivities } from '../activities';
import { WORKFLOW_BUNDLE_PATH } from './bundle-path';

export interface CaseWorkerOptions {
  readonly connection: NativeConnection;
  readonly namespace: string;
  readonly taskQueue: string;
  readonly dependencies: ActivityDependencies;
  /** The namespace's data converter (`caseDataConverter`), the same as its clients': case data is encrypted. */
  readonly dataConverter: DataConverter;
  /** Cases kept in memory between steps; the SDK's default (sized by the heap) when absent. */
  readonly maxCachedWorkflows?: number;
}

/** Creates the worker that runs case workflows and their activities; the caller runs and shuts it down. */
export function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  // The bundle made by `npm run build` is only trusted beside the compiled worker: from the sources (tests, tsx)
  // the workflow code is bundled afresh, so it can never run stale code.
  const prebuilt = __filename.endsWith('.js') && existsSync(WORKFLOW_BUNDLE_PATH);
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(prebuilt
      ? { workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH } }
      : { workflowsPath: require.resolve('../workflows') }),
    activities: createActivities(options.dependencies),
    dataConverter: options.dataConverter,
    ...(options.maxCachedWorkflows === undefined ? {} : { maxCachedWorkflows: options.maxCachedWorkflows }),
  });
}
