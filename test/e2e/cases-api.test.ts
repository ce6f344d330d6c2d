/**
 * The first slice through HTTP against a real dev server: a case is submitted, answers from its workflow, and is
 * accepted with its statutory deadline armed; every refusal is problem+json.
 */
import { applicant, caseOfficer, submission } from '../helpers/cases';
import type { Stack } from '../helpers/api';
import { request, startStack } from '../helpers/api';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

const submit = (s = submission()) => request(stack, 'POST', '/cases', { submission: s, submittedBy: applicant });

test('POST /cases starts the case workflow under the case number and GET answers from it', async () => {
  const s = submission();
  const created = await submit(s);
  expect(created.status).toBe(201);
  expect(created.headers.get('location')).toBe(`/cases/${s.caseNumber}`);

  const read = await request(stack, 'GET', `/cases/${s.caseNumber}`);
  expect(read.status).toBe(200);
  expect(read.body).toMatchObject({
    caseNumber: s.caseNumber,
    stage: 'acceptance',
    handlingBody: 'disciplineCommission',
  });
  expect(read.body?.timeline[0]).toMatchObject({ kind: 'submitted', actor: applicant });
  expect(read.body?.allowedActions).toEqual([
    { action: 'decideAcceptance', roles: ['caseOfficer', 'approvingLeader'] },
  ]);
});

test('accepting a case over HTTP arms the 5-working-day handling-opinion deadline', async () => {
  const s = submission();
  await submit(s);
  const accepted = await request(stack, 'POST', `/cases/${s.caseNumber}/acceptance`, {
    decision: 'accept',
    actor: caseOfficer,
    caseOfficer: caseOfficer.id,
  });
  expect(accepted.status).toBe(200);
  expect(accepted.body?.stage).toBe('handlingOpinion');
  expect(accepted.body?.deadlines).toEqual([
    expect.objectContaining({ id: 'handlingOpinion', workingDays: 5, status: 'running' }),
  ]);
});

test('a second case under the same number is refused by Temporal with 409', async () => {
  const s = submission();
  expect((await submit(s)).status).toBe(201);
  const again = await submit({ ...s, facts: '重复提交' });
  expect(again.status).toBe(409);
  expect(again.contentType).toContain('application/problem+json');
});

test('bad input gets 400 problem+json naming each bad field, and starts nothing', async () => {
  const s = submission();
  const res = await request(stack, 'POST', '/cases', {
    submission: { ...s, situation: 'nineth', liability: 'both', handlingBody: 'organizationDepartment', extra: 1 },
    submittedBy: applicant,
  });
  expect(res.status).toBe(400);
  expect(res.contentType).toContain('application/problem+json');
  const fields = (res.body?.errors as { field: string }[]).map((e) => e.field);
  expect(fields).toEqual(expect.arrayContaining(['submission.situation', 'submission']));
  expect((await request(stack, 'GET', `/cases/${s.caseNumber}`)).status).toBe(404);
});

test('a submission touching both sanctions and organisational handling must go to the party committee', async () => {
  const res = await submit(submission({ liability: 'both', handlingBody: 'disciplineCommission' }));
  expect(res.status).toBe(400);
  expect(res.body?.errors).toContainEqual(expect.objectContaining({ field: 'submission.handlingBody' }));
});

test('broken JSON gets 400 problem+json', async () => {
  const res = await request(stack, 'POST', '/cases', '{"submission":');
  expect(res.status).toBe(400);
  expect(res.contentType).toContain('application/problem+json');
});

test('an unknown case number gets 404', async () => {
  const res = await request(stack, 'GET', '/cases/NY-2026-999999');
  expect(res.status).toBe(404);
  expect(res.body?.title).toBe('Case not found');
});

test('an action the current stage does not allow gets 409 with the stage and the actions allowed now', async () => {
  const s = submission();
  await submit(s);
  const res = await request(stack, 'POST', `/cases/${s.caseNumber}/handling-opinion`, {
    actor: caseOfficer,
    opinion: '拟启动调查核实',
  });
  expect(res.status).toBe(409);
  expect(res.body).toMatchObject({ stage: 'acceptance', allowedActions: [{ action: 'decideAcceptance' }] });
});

test('GET /healthz answers while the stack runs', async () => {
  expect((await request(stack, 'GET', '/healthz')).body).toEqual({ status: 'ok' });
});
