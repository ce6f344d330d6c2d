import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

/** Where saved case histories live, one directory per released version; `npm test` replays every file in them. */
export const HISTORIES_DIR = path.join(__dirname, '..', 'histories');

/** The released version whose histories a save adds to: package.json's version. */
export const RELEASE: string = (
  JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }
).version;

/**
 * With SAVE_HISTORIES=1 (`npm run histories:save`), keeps the history of a finished scenario under test/histories,
 * so later workflow changes are replayed against it. Without it, does nothing. A saved history is never
 * overwritten: it stands for cases already running on the version that wrote it, so new code must replay it as is. Histories are saved under the current release's directory, so each version's
 * cases stay represented after the workflow changes.
 */
export async function saveHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.SAVE_HISTORIES !== '1') return;
  const history = await handle.fetchHistory();
  const dir = path.join(HISTORIES_DIR, RELEASE);
  mkdirSync(dir, { recursive: true });
  // The case number goes into the name: payloads are sealed for their case, and replay must name the same one.
  const file = path.join(dir, `${name}@${handle.workflowId}.json`);
  const saved = readdirSync(dir).some((f) => f === `${name}.json` || f.startsWith(`${name}@`));
  if (!saved) writeFileSync(file, historyToJSON(history));
}
