/** Stops the dev server that the end-to-end files shared. */
import type { TestWorkflowEnvironment } from '@temporalio/testing';

import { rmSync } from 'node:fs';
import path from 'node:path';

import { E2E_SERVER } from './global-setup';
import { REGISTER_TEMPLATE_ENV } from './helpers/register';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as Record<symbol, TestWorkflowEnvironment | undefined>)[E2E_SERVER]?.teardown();
  const template = process.env[REGISTER_TEMPLATE_ENV];
  if (template) rmSync(path.dirname(template), { recursive: true, force: true });
}
