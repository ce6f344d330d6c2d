/**
 * The API's bound on Temporal calls (api/http/temporal-deadline.ts): a request that cannot get its answer from Temporal
 * in time (here: no worker polls its task queue) is answered 503 with Retry-After within the bound, never left
 * hanging and never 500; the 503 is not kept as the Idempotency-Key's answer, and the same request sent again once
 * a worker polls is applied once. The run's shared dev server; API and worker processes from `dist/`. A server that
 * is gone altogether is server-crash.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { TestWorkflowEnvironment } from '@temporalio/testing';

import { application } from '../helpers/cases';
import { startDevServer } from '../helpers/temporal';
import type { Proc } from './cluster';
import { demoTokens, deploymentEnv, freePort, spawnApi, spawnWorker } from './cluster';

const BOUND_MS = 1_500;

let env: TestWorkflowEnvironment | undefined;
const procs: Proc[] = [];
const dir = mkdtempSync(path.join(tmpdir(), 'reliability-deadline-'));

/** An API process over `address` whose task queue no worker polls until the test starts one. */
async function startApi(address: string) {
  const shared = deploymentEnv(address, `deadline-${randomUUID()}`, path.join(dir, randomUUID()));
  const port = await freePort();
  procs.push(await spawnApi(shared, port, BOUND_MS));
  const url = `http://127.0.0.1:${port}`;
  return { shared, url, tokens: await demoTokens(shared) };
}

async function post(
  api: { url: string; tokens: Record<string, string> },
  url: string,
  body: unknown,
  as: string,
  key: string,
) {
  const started = Date.now();
  const res = await fetch(`${api.url}${url}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.tokens[as]}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json()) as any,
    ms: Date.now() - started,
  };
}

/** First answers the API keeps for Idempotency-Keys, one file each. */
const kept = (shared: Record<string, string>) => {
  try {
    return readdirSync(path.join(shared.DATA_DIR, 'idempotency')).filter((f) => f.endsWith('.json')).length;
  } catch {
    return 0;
  }
};

beforeAll(async () => {
  const address = process.env.E2E_TEMPORAL_ADDRESS;
  env = address ? await TestWorkflowEnvironment.createFromExistingServer({ address }) : await startDevServer();
});

afterAll(async () => {
  for (const p of procs) await p.stop();
  await env?.teardown();
  rmSync(dir, { recursive: true, force: true });
});

describe('while no worker polls the case’s task queue', () => {
  const s = application();
  let n = '';
  const key = randomUUID();
  const acceptance = { decision: 'accept', caseOfficer: 'officer.dc' };
  let api: Awaited<ReturnType<typeof startApi>>;

  beforeAll(async () => {
    api = await startApi(env!.address);
  }, 60_000);

  test('an officer’s action answers 503 with Retry-After within the bound, and is not kept as the key’s answer', async () => {
    // The office numbers the case in a workflow a worker runs: one polls for the submission and is gone before the
    // action.
    const numbering = await spawnWorker(api.shared);
    const created = await post(api, '/cases', { submission: s }, 'applicant.li', randomUUID());
    expect(created.status).toBe(201);
    n = created.body.caseNumber;
    await numbering.stop();
    const before = kept(api.shared);
    const answer = await post(api, `/cases/${n}/acceptance`, acceptance, 'officer.dc', key);
    expect(answer).toMatchObject({ status: 503, retryAfter: '5', body: { status: 503, retryAfter: 5 } });
    expect(answer.ms).toBeLessThan(BOUND_MS + 1_000);
    expect(kept(api.shared)).toBe(before);
  }, 60_000);

  test('the same request sent again once a worker polls is applied once and answered', async () => {
    procs.push(await spawnWorker(api.shared));
    const again = await post(api, `/cases/${n}/acceptance`, acceptance, 'officer.dc', key);
    expect(again).toMatchObject({ status: 200, body: { stage: 'handlingOpinion' } });
    const read = await fetch(`${api.url}/cases/${n}/timeline`, {
      headers: { authorization: `Bearer ${api.tokens['officer.dc']}` },
    });
    const { timeline } = (await read.json()) as { timeline: { kind: string }[] };
    expect(timeline.filter((e) => e.kind === 'accepted')).toHaveLength(1);
  }, 60_000);
});
