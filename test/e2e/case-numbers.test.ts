/**
 * 案件编号 from the office: the accepting office numbers its cases per body and year in its documents' form
 * (宛纪容〔2026〕N号), without gaps or duplicates under concurrent submissions and across restarts, and the
 * applicant reads the number in the 201 answer. The office's default numbering, which no other e2e file uses.
 */
import { randomUUID } from 'node:crypto';

import { DEFAULT_NUMBERING } from '../../domain/case-numbers';
import type { Stack } from '../helpers/api';
import { api, startStack } from '../helpers/api';
import { application, shanghaiToday } from '../helpers/cases';

const taskQueue = `e2e-numbers-${randomUUID()}`;
const year = Number(shanghaiToday().slice(0, 4));
const dc = (n: number) => `宛纪容〔${year}〕${n}号`;
let stack: Stack;
let http: ReturnType<typeof api>;

beforeAll(async () => {
  stack = await startStack({ taskQueue, numbering: DEFAULT_NUMBERING });
  http = api(stack);
});

afterAll(() => stack?.stop());

test('a client that chooses a case number is refused, the field named: the office numbers', async () => {
  const chosen = { ...application(), caseNumber: 'NY-2026-0001' };
  const res = await http.post('/cases', { submission: chosen }, 'applicant.li');
  expect(res.status).toBe(400);
  expect(res.body?.errors.map((e: { field: string }) => e.field)).toEqual(['submission.caseNumber']);
});

test('200 submissions to one office at once get 200 distinct consecutive numbers', async () => {
  const answers = await Promise.all(
    Array.from({ length: 200 }, () => http.post('/cases', { submission: application() }, 'applicant.li')),
  );
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
  stack = await startStack({ taskQueue, numbering: DEFAULT_NUMBERING });
  http = api(stack);
  const res = await http.post('/cases', { submission: application() }, 'applicant.li');
  expect(res.status).toBe(201);
  expect(res.body?.caseNumber).toBe(dc(201));
}, 120_000);
