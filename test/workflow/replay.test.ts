/**
 * Every saved case history replays against today's workflow code with no nondeterminism: a change that would break
 * a running case fails here. Histories are saved by `npm run histories:save` from the workflow scenarios.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';

import { HISTORIES_DIR } from '../helpers/histories';

const files = readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json'));

test('the saved histories cover the procedure’s paths', () => {
  expect(files.length).toBeGreaterThanOrEqual(10);
});

test('every saved case history replays with today’s workflow code', async () => {
  const histories = files.map((file) => ({
    workflowId: path.basename(file, '.json'),
    history: historyFromJSON(JSON.parse(readFileSync(path.join(HISTORIES_DIR, file), 'utf8'))),
  }));
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories(
    { workflowsPath: require.resolve('../../workflows') },
    histories,
  )) {
    if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
  }
  expect(failures).toEqual([]);
});
