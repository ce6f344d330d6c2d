/**
 * Store faults: the archive service and the messaging gateway go down (every connection cut) just as cases reach
 * their determination, stay down, then fail 30% of calls for a while, then recover. The deliveries retry on the
 * activity retry policy of workflows/activities.ts, every case completes, and each service keeps one record per key.
 */
import { performance } from 'node:perf_hooks';

import type { Attempt, Receiver } from '../helpers/receiver';
import type { Cluster } from './cluster';
import { LONG, sleep, startDeliveringCluster } from './cluster';
import type { Client, Driven } from './journey';
import { exemptionSteps, pool, submit, takeSteps, Tally, waitForCase } from './journey';
import { measuredOn, table, writeSection } from './report';

const CASES = LONG ? 100 : 6;
const DOWN_MS = LONG ? 60_000 : 3_000;
const FAILING_MS = LONG ? 120_000 : 8_000;
const FAILING_SHARE = 0.3;
const CALL_TIMEOUT_MS = 5_000;
/** The notice and archive retry policy of workflows/activities.ts. */
const POLICY = { initialMs: 5_000, coefficient: 2, maximumMs: 600_000 };
/** How late a retry may come after its backoff: the server's timer, the task queue and the worker's poll. */
const LATE_MS = LONG ? 15_000 : 5_000;

let gateway: Receiver;
let archive: Receiver;
let cluster: Cluster;
const tally = new Tally();
const driven: Driven[] = [];
const states = new Map<string, any>();
const { toDetermination, fromDetermination } = exemptionSteps();
let seconds = 0;

beforeAll(
  async () => {
    let client: Client;
    ({ gateway, archive, cluster, client } = await startDeliveringCluster(CALL_TIMEOUT_MS, LONG ? 900_000 : 90_000));
    const began = performance.now();
    await pool(CASES, CASES, async () => {
      const d = await submit(client, tally, driven);
      await takeSteps(client, tally, d, toDetermination);
    });
    // Both services go down as every case is about to be determined: its archive entries and its feedback notice
    // all meet the outage first.
    gateway.setDown(true);
    archive.setDown(true);
    const faults = (async () => {
      await sleep(DOWN_MS);
      // Down until each has cut a call (at most a minute more): from 0.5.0 a determination also issues its
      // documents, and on a loaded machine the first delivery may come after the outage's own time.
      for (const until = Date.now() + 60_000; Date.now() < until; await sleep(250)) {
        if ([gateway, archive].every((r) => r.log.some((a) => a.status === 0))) break;
      }
      for (const r of [gateway, archive]) {
        r.setDown(false);
        r.failFraction(FAILING_SHARE, { seed: r === gateway ? 7 : 11 });
      }
      await sleep(FAILING_MS);
      for (const r of [gateway, archive]) r.failFraction(0);
    })();
    await pool(CASES, CASES, async (i) => takeSteps(client, tally, driven[i], fromDetermination));
    await faults;
    for (const d of driven) {
      states.set(d.caseNumber, await waitForCase(client, tally, d.caseNumber, (s) => s.stage === 'closed', 'closure'));
    }
    seconds = (performance.now() - began) / 1000;
  },
  (LONG ? 2_400 : 150) * 1000,
);

/** Each key's attempts in order of arrival. */
function attemptsByKey(r: Receiver): Map<string, Attempt[]> {
  const byKey = new Map<string, Attempt[]>();
  for (const a of r.log) byKey.set(a.key, [...(byKey.get(a.key) ?? []), a]);
  return byKey;
}

/** The backoff before retry `n` (1 = the first retry) under the policy. */
const backoff = (n: number) => Math.min(POLICY.initialMs * POLICY.coefficient ** (n - 1), POLICY.maximumMs);

/** Every gap between two attempts of one key, with the backoff the policy sets for it. */
function gaps(r: Receiver): { gap: number; backoff: number }[] {
  return [...attemptsByKey(r).values()].flatMap((attempts) =>
    attempts.slice(1).map((a, i) => ({ gap: a.at - attempts[i].at, backoff: backoff(i + 1) })),
  );
}

afterAll(async () => {
  await cluster?.stop();
  await gateway?.close();
  await archive?.close();
  if (!LONG || states.size < CASES) return;
  const describe = (r: Receiver) => {
    const byKey = attemptsByKey(r);
    const failed = r.log.filter((a) => a.status === 0 || a.status >= 500).length;
    const most = Math.max(...[...byKey.values()].map((a) => a.length));
    const g = gaps(r);
    const late = Math.max(...g.map((x) => x.gap - x.backoff));
    const early = Math.min(...g.map((x) => x.gap - x.backoff));
    return [
      `${r.log.length} / ${failed} / ${r.records.size}`,
      most,
      `${(early / 1000).toFixed(2)} s / ${(late / 1000).toFixed(1)} s`,
    ];
  };
  writeSection(
    '## Store faults',
    `${measuredOn(seconds)}

${CASES} exemption cases driven over HTTP to their determination; then the archive service and the messaging
gateway went down (every connection cut) for ${DOWN_MS / 1000} s while the determinations, feedback and follow-up
visits were sent, then failed ${FAILING_SHARE * 100}% of calls (503, seeded draw) for ${FAILING_MS / 1000} s, then
recovered. Each case files two archive entries and sends one feedback notice; the feedback Update waits for its
notice, so the client sees 503 (the API's ${CALL_TIMEOUT_MS / 1000} s bound on Temporal calls) and sends it again
with the same key until the notice is through.

${table(
  ['service', 'calls / failed / records', 'most calls for one key', 'retry gap minus policy backoff: min / max'],
  [
    ['archive service', ...describe(archive)],
    ['messaging gateway', ...describe(gateway)],
  ],
)}

${table(
  ['figure', 'value'],
  [
    ['cases closed', `${states.size} of ${CASES}`],
    ['client answers by status', JSON.stringify(tally.summary())],
    ['answers 500 (or other 5xx but 503)', tally.serverErrors],
  ],
)}

The retry policy (workflows/activities.ts) is 5 s, doubling, at most 10 min between attempts, without end: a gap is
never shorter than its backoff (the minimum above is the clock's and the dispatch's noise) and late by the time
the server's retry timer, the task queue and the worker's poll take under load.`,
  );
}, 30_000);

test('every case completes despite the outage and the failures', () => {
  expect(driven).toHaveLength(CASES);
  expect(driven.map((d) => states.get(d.caseNumber)?.stage)).toEqual(driven.map(() => 'closed'));
  expect(driven.map((d) => states.get(d.caseNumber)?.archiveReceipts.length)).toEqual(driven.map(() => 2));
});

test('the faults happened: both services cut calls while down, and failed calls after', () => {
  for (const r of [archive, gateway]) expect(r.log.filter((a) => a.status === 0).length).toBeGreaterThan(0);
  expect([...archive.log, ...gateway.log].filter((a) => a.status === 503).length).toBeGreaterThan(0);
});

test('one record per key: each archive entry and each notice is kept once, under its own key', () => {
  const cases = driven.map((d) => d.caseNumber).sort();
  expect([...archive.records.keys()].sort()).toEqual(
    cases.flatMap((n) => [`${n}/integrityFile`, `${n}/personnelFile`]),
  );
  expect([...gateway.records.keys()].sort()).toEqual(cases.map((n) => `${n}/feedback`));
});

test('retries follow the activity retry policy: 5 s, doubling, never sooner', () => {
  for (const r of [archive, gateway]) {
    for (const { gap, backoff } of gaps(r)) {
      expect(gap).toBeGreaterThanOrEqual(backoff - 250);
      expect(gap).toBeLessThanOrEqual(backoff + LATE_MS);
    }
  }
});

test('no answer was a 500', () => {
  expect(tally.serverErrors).toBe(0);
});
