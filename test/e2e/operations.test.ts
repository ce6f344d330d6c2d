/**
 * What operators and their tools read from the API: readiness (Temporal reachable, a worker polling) apart from
 * liveness, and Prometheus metrics by route and by stage.
 */
import { createApp } from '../../api/app';
import { loadHttpConfig } from '../../config/http';
import { createLogger } from '../../api/http/logger';
import type { Stack } from '../helpers/api';
import { api, startStack } from '../helpers/api';
import { application } from '../helpers/cases';
import type { Listening } from '../helpers/listen';
import { listen } from '../helpers/listen';

let stack: Stack;
let http: ReturnType<typeof api>;

beforeAll(async () => {
  stack = await startStack();
  http = api(stack);
});

afterAll(async () => {
  await stack?.stop();
});

/** An API over the same Temporal server whose task queue no worker polls. */
async function apiWithoutWorker(): Promise<Listening> {
  const app = createApp({
    client: stack.env.client,
    taskQueue: 'no-worker-polls-this-queue',
    authentication: { mode: 'development', verifier: stack.dev.verifier, development: stack.dev },
    http: loadHttpConfig({}),
    logger: createLogger({ level: 'silent' }),
  });
  return listen(app);
}

test('the API is ready when Temporal answers and a worker polls the case task queue', async () => {
  const res = await fetch(`${stack.baseUrl}/readyz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ready', workers: 1 });
});

test('the API is not ready, with Retry-After, while no worker polls its task queue; it is still alive', async () => {
  const lonely = await apiWithoutWorker();
  try {
    const ready = await fetch(`${lonely.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toBe('5');
    expect(ready.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await ready.json()) as { detail: string }).detail).toMatch(/暂无 worker 在线/);
    expect((await fetch(`${lonely.baseUrl}/healthz`)).status).toBe(200);
  } finally {
    await lonely.close();
  }
});

test('metrics count requests by route pattern, never by case number', async () => {
  const created = await http.post('/cases', { submission: application() }, 'applicant.li');
  expect(created.status).toBe(201);
  const n: string = created.body?.caseNumber;
  await http.get(`/cases/${n}`, 'applicant.li');
  const text = await (await fetch(`${stack.baseUrl}/metrics`)).text();
  expect(text).toMatch(/^http_requests_total\{method="POST",route="\/cases",status="201"\} [1-9]/m);
  expect(text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/cases\/:caseNumber"\} [1-9]/m);
  expect(text).not.toContain(n);
});

test('metrics give the cases by stage and the overdue count from Temporal visibility', async () => {
  const text = await (await fetch(`${stack.baseUrl}/metrics`)).text();
  const acceptance = Number(/^cases_by_stage\{stage="acceptance"\} (\d+)/m.exec(text)?.[1]);
  expect(acceptance).toBeGreaterThanOrEqual(1);
  expect(text).toMatch(/^cases_by_stage\{stage="closed"\} \d+/m);
  expect(text).toMatch(/^cases_overdue \d+/m);
});

test('with METRICS_TOKEN set, metrics answer only to that bearer token', async () => {
  const token = 'metrics-token-of-this-test';
  const app = createApp({
    client: stack.env.client,
    taskQueue: 'any',
    authentication: { mode: 'development', verifier: stack.dev.verifier, development: stack.dev },
    http: loadHttpConfig({}),
    logger: createLogger({ level: 'silent' }),
    metricsToken: token,
  });
  const served = await listen(app);
  try {
    expect((await fetch(`${served.baseUrl}/metrics`)).status).toBe(401);
    const res = await fetch(`${served.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
  } finally {
    await served.close();
  }
});
