import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

/** Where saved case histories live; `npm test` replays every file in it. */
export const HISTORIES_DIR = path.join(__dirname, '..', 'histories');

/**
 * With SAVE_HISTORIES=1 (`npm run histories:save`), keeps the history of a finished scenario under test/histories,
 * so later workflow changes are replayed against it. Without it, does nothing.
 */
export async function saveHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.SAVE_HISTORIES !== '1') return;
  const history = await handle.fetchHistory();
  mkdirSync(HISTORIES_DIR, { recursive: true });
  writeFileSync(path.join(HISTORIES_DIR, `${name}.json`), historyToJSON(history));
}
