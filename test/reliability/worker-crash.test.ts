/**
 * Worker crash: whole cases driven through the API while the worker is killed with SIGKILL at random moments and
 * started again. Nothing a client was told is lost, and nothing is delivered twice: Temporal keeps the cases, the
 * activities retry on the next worker, and the gateway and the archive service keep one record per key.
 */
import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import type { Receiver } from '../helpers/receiver';
import type { Cluster } from './cluster';
import { LONG, sleep, startDeliveringCluster } from './cluster';
import type { Client, Driven } from './journey';
import {
  countKinds,
  exemptionSteps,
  expectedKinds,
  pool,
  submit,
  takeSteps,
  Tally,
  timelineKinds,
  timelineMismatches,
  waitForCase,
} from './journey';
import { measuredOn, table, writeSection } from './report';

const CASES = LONG ? 100 : 8;
/** Pause between two kills, and how long the worker stays dead, in ms. */
// Short in the fast run, yet longer than a restarted worker needs to replay its cases and render a document under the
// full suite's load (from 0.5.0 each step issues one): killed every second or two, a worker there made no progress.
const KILL_EVERY: [number, number] = LONG ? [3_000, 8_000] : [2_500, 5_000];
const DEAD_FOR: [number, number] = [0, 1_000];
const CALL_TIMEOUT_MS = 3_000;

let gateway: Receiver;
let archive: Receiver;
let cluster: Cluster;
const tally = new Tally();
const driven: Driven[] = [];
const states = new Map<string, any>();
const timelines = new Map<string, string[]>();
const { toDetermination, fromDetermination } = exemptionSteps();
const steps = [...toDetermination, ...fromDetermination];
let kills = 0;
let restartMs: number[] = [];
let seconds = 0;

beforeAll(
  async () => {
    let client: Client;
    ({ gateway, archive, cluster, client } = await startDeliveringCluster(CALL_TIMEOUT_MS, LONG ? 600_000 : 60_000));
    const began = performance.now();
    let driving = true;
    // The chaos: kill the worker at a random moment, leave it dead a random while, start it again; until all is done.
    const chaos = (async () => {
      while (driving) {
        await sleep(randomInt(...KILL_EVERY));
        if (!driving) break;
        await cluster.worker.kill();
        kills += 1;
        await sleep(randomInt(...DEAD_FOR));
        const t = performance.now();
        await cluster.restartWorker();
        restartMs.push(performance.now() - t);
      }
    })();
    try {
      await pool(CASES, CASES, async () => {
        const d = await submit(client, tally, driven);
        await takeSteps(client, tally, d, steps);
      });
    } finally {
      driving = false;
      await chaos;
    }
    for (const d of driven) {
      states.set(d.caseNumber, await waitForCase(client, tally, d.caseNumber, (s) => s.stage === 'closed', 'closure'));
      timelines.set(d.caseNumber, await timelineKinds(client, tally, d.caseNumber));
    }
    seconds = (performance.now() - began) / 1000;
    restartMs = restartMs.sort((a, b) => a - b);
  },
  // The short run closes its cases in about a minute on an idle machine, but past two minutes when other builds
  // share the two cores (131 s on Node 20, over 150 s on Node 24, both at load 9): the bound is for hangs, not speed.
  (LONG ? 1_800 : 300) * 1000,
);

afterAll(async () => {
  await cluster?.stop();
  await gateway?.close();
  await archive?.close();
  if (!LONG || driven.length < CASES) return;
  const deliveries = (r: Receiver) => r.log.length;
  const repeats = (r: Receiver) => r.log.filter((a) => a.status === 208).length;
  writeSection(
    '## Worker crash',
    `${measuredOn(seconds)}

${CASES} exemption cases, started together, each driven over HTTP from submission through acceptance, opinion,
investigation, determination and feedback to the follow-up visit and closure (13 actions, two archive entries, one
notice), while the worker was killed with SIGKILL every ${KILL_EVERY[0] / 1000}–${KILL_EVERY[1] / 1000} s, left dead
for up to ${DEAD_FOR[1] / 1000} s and started again. The API bounds each request's wait on Temporal at
${CALL_TIMEOUT_MS} ms (\`TEMPORAL_CALL_TIMEOUT_MS\`); the client sends a 503 again with the same Idempotency-Key
after its Retry-After.

${table(
  ['figure', 'value'],
  [
    ['worker kills (SIGKILL)', kills],
    [
      'worker restart, spawn to polling, median / max',
      `${Math.round(restartMs[Math.floor(restartMs.length / 2)])} / ${Math.round(restartMs[restartMs.length - 1])} ms`,
    ],
    ['cases closed', `${states.size} of ${CASES}`],
    ['HTTP answers by status', JSON.stringify(tally.summary())],
    ['actions answered 2xx after one or more 503s (same key)', tally.retriedToSuccess],
    ['actions whose retry was answered 409 although applied (in the timeline)', tally.appliedBeforeRetry],
    ['answers 500 (or other 5xx but 503)', tally.serverErrors],
    [
      'cases whose timeline misses an acknowledged action, or has one twice',
      timelineMismatches(driven, timelines, steps),
    ],
    [
      'notice deliveries: attempts / records / repeats answered 208',
      `${deliveries(gateway)} / ${gateway.records.size} / ${repeats(gateway)}`,
    ],
    [
      'archive writes: attempts / records / repeats answered 208',
      `${deliveries(archive)} / ${archive.records.size} / ${repeats(archive)}`,
    ],
    ['slowest answer', `${Math.round(tally.slowestMs)} ms`],
  ],
)}

A repeat answered 208 is an activity that reached the service, lost its worker before it could report, and ran again
on the next worker under the same key: the service kept the first record. No case needed a hand. After a kill, a
case the dead worker held in its cache waits for its sticky task queue to time out before another worker takes it;
an activity attempt the dead worker held is retried once its start-to-close timeout passes, which is why those are
kept a little over a healthy attempt (10 s for the calendar, 15 s for notices and archive writes).${
      tally.serverErrors
        ? `

**Open: ${tally.serverErrors} answers were 500**, which the test refuses (the short runs in \`npm test\` saw none).
\`RELIABILITY_KEEP=1\` keeps the processes' logs in the run's directory to trace them.`
        : ''
    }`,
  );
}, 30_000);

test('the worker was killed while cases were in flight', () => {
  expect(kills).toBeGreaterThanOrEqual(LONG ? 10 : 2);
});

test('every case finishes: each one reaches closure with both archive receipts', () => {
  expect(driven).toHaveLength(CASES);
  for (const d of driven) {
    expect({ n: d.caseNumber, stage: states.get(d.caseNumber)?.stage }).toEqual({ n: d.caseNumber, stage: 'closed' });
    expect(states.get(d.caseNumber)?.archiveReceipts).toHaveLength(2);
  }
});

test('every action answered 2xx is in its case’s timeline, and no action is recorded twice', () => {
  const expected = expectedKinds(steps);
  for (const d of driven) {
    const kinds = timelines.get(d.caseNumber) ?? [];
    for (const kind of d.acknowledged)
      expect({ n: d.caseNumber, kind, found: kinds.includes(kind) }).toMatchObject({ found: true });
    expect({ n: d.caseNumber, counts: countKinds(kinds, expected) }).toEqual({ n: d.caseNumber, counts: expected });
  }
});

test('no archive entry and no notice is written twice: one record per case and file, one per notice', () => {
  const cases = driven.map((d) => d.caseNumber).sort();
  expect([...archive.records.keys()].sort()).toEqual(
    cases.flatMap((n) => [`${n}/integrityFile`, `${n}/personnelFile`]),
  );
  expect([...gateway.records.keys()].sort()).toEqual(cases.map((n) => `${n}/feedback`));
});

test('no answer was a 500: while the worker was down the API answered 503 with Retry-After, or waited', () => {
  expect(tally.serverErrors).toBe(0);
  expect(tally.missingRetryAfter).toBe(0);
});
