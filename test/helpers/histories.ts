import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

/** Where saved case histories live; `npm test` replays every file in it. */
export const HISTORIES_DIR = path.join(__dirname, '..', 'histories');

/**
 * With SAVE_HISTORIES=1 (`npm run histories:save`), keeps the history of a finished scenario under test/histories,
 * so later workflow changes are replayed against it. Without it, does nothing. A saved history is never
 * overwritten: it stands for cases already running on the version that wrote it, so new code must replay it as is.
 */
export async function saveHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.SAVE_HISTORIES !== '1') return;
  const history = await handle.fetchHistory();
  mkdirSync(HISTORIES_DIR, { recursive: true });
  const file = path.join(HISTORIES_DIR, `${name}.json`);
  if (!existsSync(file)) writeFileSync(file, historyToJSON(history));
}
