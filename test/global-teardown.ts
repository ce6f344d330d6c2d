/** Stops the dev server that the end-to-end files shared. */
import type { TestWorkflowEnvironment } from '@temporalio/testing';

import { E2E_SERVER } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as Record<symbol, TestWorkflowEnvironment | undefined>)[E2E_SERVER]?.teardown();
}
