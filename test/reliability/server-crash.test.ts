/**
 * Server crash: the Temporal dev server killed with SIGKILL while whole cases are driven through the API, and
 * started again on the same port and SQLite file. No case and no acknowledged action is lost; while the server is
 * gone the API answers 503 with Retry-After (never 500, never a hang), and it recovers by itself.
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

const CASES = LONG ? 100 : 6;
const CRASHES = LONG ? 3 : 1;
/** How long the server stays dead each time, and the pause before each crash, in ms. */
const OUTAGE_MS = LONG ? 20_000 : 5_000;
const BEFORE_CRASH: [number, number] = LONG ? [5_000, 20_000] : [2_000, 4_000];
const CALL_TIMEOUT_MS = 3_000;
/**
 * How much later than the bound an answer may come: a call the client holds in its backoff between two attempts at
 * an unreachable server ends when its next attempt starts, and the API's event loop shares two saturated cores.
 */
const ANSWER_SLACK_MS = LONG ? 5_000 : 4_000;

let gateway: Receiver;
let archive: Receiver;
let cluster: Cluster;
const tally = new Tally();
const driven: Driven[] = [];
const states = new Map<string, any>();
const timelines = new Map<string, string[]>();
const steps = [...exemptionSteps().toDetermination, ...exemptionSteps().fromDetermination];
/** Answers to probes sent while the server was dead: status, Retry-After, and how long each took. */
const outage: { status: number; retryAfter: string | null; ms: number }[] = [];
/** From each restart to the API's first 200 from Temporal again, in ms. */
const recoveries: number[] = [];
let apiPid = 0;
let workerPid = 0;
let seconds = 0;

/** One GET through the API, timed, never retried. */
async function probe(url: string): Promise<{ status: number; retryAfter: string | null; ms: number }> {
  const t = performance.now();
  try {
    const res = await fetch(`${cluster.apiUrl}${url}`, {
      headers: { authorization: `Bearer ${cluster.tokens['officer.dc']}` },
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS + 10_000),
    });
    await res.arrayBuffer();
    return { status: res.status, retryAfter: res.headers.get('retry-after'), ms: performance.now() - t };
  } catch {
    return { status: 0, retryAfter: null, ms: performance.now() - t };
  }
}

beforeAll(
  async () => {
    let client: Client;
    ({ gateway, archive, cluster, client } = await startDeliveringCluster(CALL_TIMEOUT_MS, LONG ? 600_000 : 90_000));
    apiPid = cluster.api.pid;
    workerPid = cluster.worker.pid;
    const began = performance.now();
    const crashes = (async () => {
      for (let i = 0; i < CRASHES; i++) {
        await sleep(randomInt(...BEFORE_CRASH));
        await cluster.server.kill();
        const down = performance.now();
        // Probes of a case the API has seen (the case list and a case read both need the server).
        const seen = driven[0]?.caseNumber ?? 'NY-2026-0001';
        while (performance.now() - down < OUTAGE_MS) {
          outage.push(await probe(`/cases/${seen}`));
          await sleep(250);
        }
        await cluster.restartServer();
        const up = performance.now();
        while ((await probe(`/cases/${seen}`)).status !== 200) {
          if (performance.now() - up > 60_000)
            throw new Error('the API did not read a case within 60 s of the restart');
          await sleep(100);
        }
        recoveries.push(performance.now() - up);
      }
    })();
    await pool(CASES, CASES, async () => {
      const d = await submit(client, tally, driven);
      await takeSteps(client, tally, d, steps);
    });
    await crashes;
    for (const d of driven) {
      states.set(d.caseNumber, await waitForCase(client, tally, d.caseNumber, (s) => s.stage === 'closed', 'closure'));
      timelines.set(d.caseNumber, await timelineKinds(client, tally, d.caseNumber));
    }
    seconds = (performance.now() - began) / 1000;
  },
  (LONG ? 1_800 : 150) * 1000,
);

afterAll(async () => {
  const workerSurvived = cluster?.worker.running() && cluster.worker.pid === workerPid;
  await cluster?.stop();
  await gateway?.close();
  await archive?.close();
  if (!LONG || states.size < CASES) return;
  const statuses = outage.reduce<Record<string, number>>((m, o) => ({ ...m, [o.status]: (m[o.status] ?? 0) + 1 }), {});
  const slowest = Math.max(...outage.map((o) => o.ms));
  writeSection(
    '## Server crash',
    `${measuredOn(seconds)}

${CASES} exemption cases driven over HTTP as in the worker crash run, while the dev server (SQLite file via
\`--db-filename\`) was killed with SIGKILL ${CRASHES} times, ${BEFORE_CRASH[0] / 1000}–${BEFORE_CRASH[1] / 1000} s
apart, each time left dead for ${OUTAGE_MS / 1000} s and started again on the same port and file. The API and the
worker were not restarted. While the server was dead a probe read a case through the API every 250 ms.

${table(
  ['figure', 'value'],
  [
    ['server kills (SIGKILL)', CRASHES],
    ['cases closed', `${states.size} of ${CASES}`],
    [
      'cases whose timeline misses an acknowledged action, or has one twice',
      timelineMismatches(driven, timelines, steps),
    ],
    ['probe answers while the server was dead', JSON.stringify(statuses)],
    ['probe answers without Retry-After', outage.filter((o) => !o.retryAfter).length],
    ['slowest probe answer while dead', `${Math.round(slowest)} ms (TEMPORAL_CALL_TIMEOUT_MS ${CALL_TIMEOUT_MS})`],
    [
      'restart to the API’s first case read, each crash',
      recoveries.map((r) => `${(r / 1000).toFixed(1)} s`).join(', '),
    ],
    ['client answers by status over the whole run', JSON.stringify(tally.summary())],
    ['actions answered 2xx after one or more 503s (same key)', tally.retriedToSuccess],
    ['actions whose retry was answered 409 although applied (in the timeline)', tally.appliedBeforeRetry],
    ['answers 500 (or other 5xx but 503)', tally.serverErrors],
    ['API process restarted', 'no'],
    ['worker process restarted', workerSurvived ? 'no: it reconnected by itself' : 'yes'],
    ['archive records / notice records', `${archive.records.size} / ${gateway.records.size}`],
  ],
)}

An answer can come later than the bound (the slowest probe above) when the API's event loop is busy: 100 clients
retrying share the two cores with the server, the worker and the test. A retried \`POST /cases\` whose first attempt
started the case before the server died finds its own start (the workflow's memo names the request's key) and is
answered 201, and a retried leadership decision whose first attempt was delivered finds its decision id among those
the case applied and is answered 202: the client gets the first answer, the case applied each once. Acknowledged
Updates retried with their key are answered 200 (the Update ID derives from the key).`,
  );
}, 30_000);

test('no case is lost: every case submitted reaches closure', () => {
  expect(driven).toHaveLength(CASES);
  expect(driven.map((d) => states.get(d.caseNumber)?.stage)).toEqual(driven.map(() => 'closed'));
});

test('no acknowledged action is lost or applied twice: each is in the timeline exactly as often as it was taken', () => {
  const expected = expectedKinds(steps);
  for (const d of driven) {
    const counts = countKinds(timelines.get(d.caseNumber) ?? [], expected);
    for (const kind of d.acknowledged)
      expect({ n: d.caseNumber, kind, count: counts[kind] }).not.toMatchObject({ count: 0 });
    expect({ n: d.caseNumber, counts }).toEqual({ n: d.caseNumber, counts: expected });
  }
});

test('while the server is gone the API answers 503 with Retry-After within its deadline, never 500', () => {
  expect(outage.length).toBeGreaterThan(0);
  expect(outage.map((o) => [o.status, o.retryAfter])).toEqual(outage.map(() => [503, '5']));
  expect(Math.max(...outage.map((o) => o.ms))).toBeLessThan(CALL_TIMEOUT_MS + ANSWER_SLACK_MS);
  expect(tally.serverErrors).toBe(0);
});

test('the API recovers by itself once the server is back, without a restart', () => {
  expect(recoveries).toHaveLength(CRASHES);
  expect(cluster.api.pid).toBe(apiPid);
});

test('no archive entry and no notice is written twice', () => {
  const cases = driven.map((d) => d.caseNumber).sort();
  expect([...archive.records.keys()].sort()).toEqual(
    cases.flatMap((n) => [`${n}/integrityFile`, `${n}/personnelFile`]),
  );
  expect([...gateway.records.keys()].sort()).toEqual(cases.map((n) => `${n}/feedback`));
});
