/**
 * Every saved case history replays against today's workflow code with no nondeterminism: a change that would break
 * a running case fails here. Histories are saved by `npm run histories:save` from the workflow scenarios.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';

import { HISTORIES_DIR } from '../helpers/histories';
import { caseDataConverter } from '../../codec/data-converter';
import { TEST_PAYLOAD_KEYS } from '../helpers/payload-keys';

/**
 * The production data converter with the migration setting on: release 0.1.0 wrote its histories before payloads
 * were encrypted, and a deployment still running such cases sets PAYLOAD_PLAINTEXT_UNTIL the same way.
 */
const replayConverter = caseDataConverter(TEST_PAYLOAD_KEYS, { plaintextUntil: new Date('9999-12-31T00:00:00Z') });

const releases = readdirSync(HISTORIES_DIR).sort();
const files = releases.flatMap((release) =>
  readdirSync(path.join(HISTORIES_DIR, release))
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(release, f)),
);

test('the saved histories of every release cover the procedure’s paths', () => {
  expect(releases.length).toBeGreaterThanOrEqual(1);
  for (const release of releases) {
    const count = files.filter((f) => f.startsWith(`${release}/`)).length;
    expect({ release, atLeastTen: count >= 10 }).toEqual({ release, atLeastTen: true });
  }
});

test('every saved case history replays with today’s workflow code', async () => {
  const histories = files.map((file) => ({
    // From 0.3.0 on payloads are sealed for their case, so a history replays under its own case number, which its
    // file name carries after `@` (`exempt-to-closure@WF-2026-0001.json`).
    workflowId: /@([^/]+)\.json$/.exec(file)?.[1] ?? file,
    history: historyFromJSON(JSON.parse(readFileSync(path.join(HISTORIES_DIR, file), 'utf8'))),
  }));
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories(
    // The production data converter: failures encoded, payloads of later releases encrypted with the test key.
    { workflowsPath: require.resolve('../../workflows'), dataConverter: replayConverter },
    histories,
  )) {
    if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
  }
  expect(failures).toEqual([]);
});
