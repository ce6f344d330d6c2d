/**
 * 案件编号 from the office: the accepting office numbers its cases per body and year in its documents' form
 * (宛纪容〔2026〕N号), without gaps or duplicates under concurrent submissions and across restarts, and the
 * applicant reads the number in the 201 answer. The office's default numbering, on a dev server of this file's own
 * (its 200 cases would crowd the shared server's lists).
 */
import { randomUUID } from 'node:crypto';

import { TestWorkflowEnvironment } from '@temporalio/testing';

import { CASE_CLIENT_INTERCEPTORS } from '../../api/cases/sent-messages';
import { DEFAULT_NUMBERING } from '../../domain/case-numbers';
import type { Answer, Stack } from '../helpers/api';
import { api, startStack } from '../helpers/api';
import { application, shanghaiToday } from '../helpers/cases';
import { testDataConverter } from '../helpers/payload-keys';
import { startDevServer } from '../helpers/temporal';

const taskQueue = `e2e-numbers-${randomUUID()}`;
const year = Number(shanghaiToday().slice(0, 4));
const dc = (n: number) => `宛纪容〔${year}〕${n}号`;
let server: TestWorkflowEnvironment;
let stack: Stack;
let http: ReturnType<typeof api>;

/** The worker and the API over this file's server, which outlives them. */
async function startOnServer(): Promise<Stack> {
  const env = await TestWorkflowEnvironment.createFromExistingServer({
    address: server.address,
    client: { dataConverter: testDataConverter, interceptors: CASE_CLIENT_INTERCEPTORS },
  });
  return startStack({ env, taskQueue, numbering: DEFAULT_NUMBERING });
}

beforeAll(async () => {
  server = await startDevServer();
  stack = await startOnServer();
  http = api(stack);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await server?.teardown();
});

/** A submission as a careful client sends it: a 503 (the API's bound on Temporal) is sent again under its key. */
async function submitted(): Promise<Answer> {
  const key = randomUUID();
  const body = { submission: application() };
  for (;;) {
    const res = await http.post('/cases', body, 'applicant.li', { key });
    if (res.status !== 503) return res;
    await new Promise((r) => setTimeout(r, 500));
  }
}

test('a client that chooses a case number is refused, the field named: the office numbers', async () => {
  const chosen = { ...application(), caseNumber: 'NY-2026-0001' };
  const res = await http.post('/cases', { submission: chosen }, 'applicant.li');
  expect(res.status).toBe(400);
  expect(res.body?.errors.map((e: { field: string }) => e.field)).toEqual(['submission.caseNumber']);
});

test('200 submissions to one office at once get 200 distinct consecutive numbers', async () => {
  const answers = await Promise.all(Array.from({ length: 200 }, submitted));
  expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
  const numbers = answers.map((a) => a.body?.caseNumber as string);
  expect(new Set(numbers).size).toBe(200);
  expect([...numbers].sort()).toEqual(Array.from({ length: 200 }, (_, i) => dc(i + 1)).sort());
  // The number is the case's address, percent-encoded in the URL.
  const read = await http.get(`/cases/${encodeURIComponent(dc(200))}`, 'applicant.li');
  expect(read.status).toBe(200);
  expect(read.body?.caseNumber).toBe(dc(200));
}, 180_000);

test('another body numbers its own series', async () => {
  const other = application({ liability: 'organizationalHandling', handlingBody: 'organizationDepartment' });
  const res = await http.post('/cases', { submission: other }, 'applicant.li');
  expect(res.body?.caseNumber).toBe(`宛组容〔${year}〕1号`);
});

test('numbers continue after the worker and the API restart', async () => {
  await stack.stop();
  stack = await startOnServer();
  http = api(stack);
  const res = await submitted();
  expect(res.status).toBe(201);
  expect(res.body?.caseNumber).toBe(dc(201));
}, 120_000);
