/**
 * Every refusal the API gives, against a real dev server: each is `application/problem+json`, says what was
 * wrong precisely enough to fix, and leaves the case exactly as it was.
 */
import { randomUUID } from 'node:crypto';

import type { Stack } from '../helpers/api';
import { api, eventually, request, startStack } from '../helpers/api';
import { startCaseWorkflow } from '../../api/cases/case-start';
import { messageIdFromKey } from '../../api/cases/case-access';
import { applicant, application, shanghaiToday, submission } from '../helpers/cases';
import { assignCaseNumber } from '../../api/cases/case-numbering';

const thisYear = () => Number(shanghaiToday().slice(0, 4));
/** A case number in ASCII, for Idempotency-Keys and decision ids made from it (headers and ids are ASCII). */
const ascii = (n: string) => Buffer.from(n).toString('hex');

let stack: Stack;
let http: ReturnType<typeof api>;

beforeAll(async () => {
  stack = await startStack();
  http = api(stack);
});

afterAll(async () => {
  await stack?.stop();
});

const PROBLEM = 'application/problem+json';
const fields = (body: Record<string, any> | undefined) => (body?.errors as { field: string }[]).map((e) => e.field);

async function submitted(overrides = {}): Promise<string> {
  const res = await http.post('/cases', { submission: application(overrides) }, 'applicant.li');
  expect(res.status).toBe(201);
  return res.body?.caseNumber;
}

describe('the first slice', () => {
  test('POST /cases starts the case under its number, entered by the caller, and GET answers from it', async () => {
    const created = await http.post('/cases', { submission: application() }, 'applicant.li');
    expect(created.status).toBe(201);
    const n: string = created.body?.caseNumber;
    expect(created.headers.get('location')).toBe(`/cases/${encodeURIComponent(n)}`);
    const read = await http.get(`/cases/${n}`, 'officer.dc');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ caseNumber: n, stage: 'acceptance', applicantId: 'applicant.li' });
    expect(read.body?.timeline[0]).toMatchObject({
      kind: 'submitted',
      actor: { id: 'applicant.li', role: 'applicant' },
    });
    expect(read.body?.allowedActions).toEqual([
      { action: 'decideAcceptance', roles: ['caseOfficer', 'approvingLeader'] },
      { action: 'transfer', roles: ['approvingLeader'] },
    ]);
  });

  test('accepting arms the 5-working-day handling-opinion deadline', async () => {
    const n = await submitted();
    const accepted = await http.post(
      `/cases/${n}/acceptance`,
      { decision: 'accept', caseOfficer: 'officer.dc' },
      'officer.dc',
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body?.stage).toBe('handlingOpinion');
    expect(accepted.body?.deadlines).toEqual([
      expect.objectContaining({ id: 'handlingOpinion', workingDays: 5, status: 'running' }),
    ]);
  });

  test('GET /healthz, /openapi.json and /docs answer without a token', async () => {
    expect((await http.get('/healthz')).body).toEqual({ status: 'ok' });
    const doc = await http.get('/openapi.json');
    expect(doc.body?.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.body?.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    // Every action of messages.ts has its route: 22 updates and 8 signal routes, besides reads, submission, calendar.
    expect(operations.filter((o) => o.route.startsWith('POST /cases/{caseNumber}/'))).toHaveLength(30);
    expect(operations.map((o) => o.route)).toEqual(
      expect.arrayContaining([
        'GET /cases',
        'POST /cases',
        'GET /cases/{caseNumber}/timeline',
        'POST /calendar/years/{year}',
      ]),
    );
    // No request lets a client say who acts (the 30 action routes, the submission, the calendar and the tree).
    const requests = operations
      .map((o) => o.op.requestBody?.content['application/json'].schema.$ref as string | undefined)
      .filter((ref): ref is string => ref !== undefined)
      .map((ref) => doc.body?.components.schemas[ref.split('/').pop() as string]);
    expect(requests).toHaveLength(33);
    expect(JSON.stringify(requests)).not.toContain('"actor"');
    // Nor which message it is: the API stamps every message with its case and id (api/cases/sent-messages.ts).
    expect(JSON.stringify(requests)).not.toContain('"messageId"');
    expect((await fetch(`${stack.baseUrl}/docs`)).status).toBe(200);
  });
});

describe('400: bad input names each bad field and starts nothing', () => {
  test('several bad fields at once, each named', async () => {
    const s = application();
    const res = await http.post(
      '/cases',
      { submission: { ...s, situation: 'ninth', liability: 'both', handlingBody: 'organizationDepartment', extra: 1 } },
      'applicant.li',
    );
    expect(res.status).toBe(400);
    expect(res.contentType).toContain(PROBLEM);
    expect(fields(res.body)).toEqual(expect.arrayContaining(['submission.situation', 'submission.extra']));
  });

  test('a matter touching both sanctions and organisational handling must go to the party committee', async () => {
    const res = await http.post(
      '/cases',
      { submission: application({ liability: 'both', handlingBody: 'disciplineCommission' }) },
      'applicant.li',
    );
    expect(res.status).toBe(400);
    expect(fields(res.body)).toContain('submission.handlingBody');
  });

  test('unknown fields are refused by name; an actor in the body is one of them', async () => {
    const n = await submitted();
    const res = await http.post(
      `/cases/${n}/acceptance`,
      { decision: 'accept', caseOfficer: 'officer.dc', actor: { id: 'leader.dc', role: 'approvingLeader' } },
      'officer.dc',
    );
    expect(res.status).toBe(400);
    expect(res.body?.errors).toEqual([{ field: 'actor', message: '未知字段' }]);
    expect((await http.get(`/cases/${n}`, 'officer.dc')).body?.stage).toBe('acceptance');
  });

  test('a meeting without quorum is refused before the signal, which the workflow could only ignore', async () => {
    const n = await submitted();
    const res = await http.post(
      `/cases/${n}/determination`,
      {
        determination: {
          meetingDate: '2026-12-10',
          attendees: ['书记', '副书记'],
          membersTotal: 7,
          outcome: 'reduce',
          reduction: 'lighter',
          residualMeasure: '诫勉谈话',
          reasoning: '研究',
          minutesRef: '纪要',
          reportRef: '调查报告〔2026〕1号',
        },
      },
      'secretary.dc',
    );
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(['determination.attendees', 'determination.impactPeriodMonths']);
  });

  test('broken JSON', async () => {
    const res = await http.post('/cases', '{"submission":', 'applicant.li');
    expect(res.status).toBe(400);
    expect(res.contentType).toContain(PROBLEM);
  });

  test('a name with a lone surrogate is refused, no case starts, and the corrected request may use the same key', async () => {
    const s = application();
    const key = `surrogate-${randomUUID()}`;
    // Sent as JSON escapes: JSON.stringify would replace the lone surrogate before it left the client.
    const raw = JSON.stringify({ submission: s }).replace(JSON.stringify(s.party.name), '"李\\ud800娜"');
    const refused = await http.post('/cases', raw, 'applicant.li', { key });
    expect(refused.status).toBe(400);
    expect(fields(refused.body)).toEqual(['submission.party.name']);
    const corrected = await http.post('/cases', { submission: s }, 'applicant.li', { key });
    expect(corrected.status).toBe(201);
    expect(corrected.headers.get('idempotent-replayed')).toBeNull();
  });

  test('a POST without an Idempotency-Key', async () => {
    const res = await http.post('/cases', { submission: application() }, 'applicant.li', { key: null });
    expect(res.status).toBe(400);
    expect(res.body?.errors).toEqual([{ field: 'Idempotency-Key', message: 'required' }]);
  });
});

describe('401, 404, 413, 415', () => {
  test('401 without a token, or with a bad one, with a Bearer challenge', async () => {
    const missing = await request(stack, 'GET', '/cases');
    expect(missing.status).toBe(401);
    expect(missing.contentType).toContain(PROBLEM);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer /);
    const bad = await request(stack, 'GET', '/cases', undefined, { headers: { authorization: 'Bearer abc.def.ghi' } });
    expect(bad.status).toBe(401);
    const expired = await stack.dev.mint(
      { sub: 'officer.dc', role: 'caseOfficer', body: 'disciplineCommission' },
      {
        expiresIn: '-1m',
      },
    );
    const old = await request(stack, 'GET', '/cases', undefined, { headers: { authorization: `Bearer ${expired}` } });
    expect(old.status).toBe(401);
    expect(old.body?.detail).toBe('token expired');
  });

  test('404 for an unknown case, a malformed number and an unknown route', async () => {
    const unknown = await http.get('/cases/NY-2026-999999', 'officer.dc');
    expect(unknown.status).toBe(404);
    expect(unknown.body?.title).toBe('Case not found');
    expect((await http.post('/cases/NY-2026-999999/feedback', { documentRef: '文' }, 'officer.dc')).status).toBe(404);
    expect((await http.get('/cases/not-a-number', 'officer.dc')).status).toBe(404);
    expect((await http.get('/nowhere', 'officer.dc')).status).toBe(404);
  });

  test('415 for a body that is not JSON', async () => {
    const res = await http.post('/cases', 'submission=1', 'applicant.li', {
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(415);
    expect(res.contentType).toContain(PROBLEM);
  });

  test('413 for an oversized body', async () => {
    const s = application({ facts: '事'.repeat(300_000) });
    const res = await http.post('/cases', { submission: s }, 'applicant.li');
    expect(res.status).toBe(413);
    expect(res.contentType).toContain(PROBLEM);
  });
});

describe('409', () => {
  test('a number taken outside the API is refused by Temporal’s workflow-ID policy, never started twice', async () => {
    const key = `taken-${randomUUID()}`;
    // The number the API will draw for this request, taken first by a start of someone else's.
    const n = await assignCaseNumber(
      stack.env.client,
      stack.taskQueue,
      stack.numbering,
      'disciplineCommission',
      thisYear(),
      messageIdFromKey('applicant.li', key),
    );
    await startCaseWorkflow(stack.env.client, 'taken', {
      submission: { ...submission(), caseNumber: n },
      submittedBy: applicant,
    });
    const again = await http.post('/cases', { submission: application() }, 'applicant.li', { key });
    expect(again.status).toBe(409);
    expect(again.contentType).toContain(PROBLEM);
    expect(again.body?.title).toBe('Case already exists');
  });

  test('an update the stage does not allow: 409 with the stage and the actions allowed now', async () => {
    const n = await submitted();
    const res = await http.post(
      `/cases/${n}/handling-opinion`,
      { opinion: '拟启动调查', route: 'investigate' },
      'officer.dc',
    );
    expect(res.status).toBe(409);
    expect(res.contentType).toContain(PROBLEM);
    expect(res.body).toMatchObject({
      stage: 'acceptance',
      allowedActions: [{ action: 'decideAcceptance' }, { action: 'transfer' }],
    });
  });

  test('a signal the stage does not allow: 409 from the route, and nothing is delivered', async () => {
    const n = await submitted();
    const res = await http.post(
      `/cases/${n}/handling-opinion/approval`,
      { approved: true, comment: '同意' },
      'leader.dc',
    );
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      stage: 'acceptance',
      allowedActions: [{ action: 'decideAcceptance' }, { action: 'transfer' }],
    });
    const timeline = (await http.get(`/cases/${n}/timeline`, 'leader.dc')).body?.timeline;
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual(['submitted']);
  });
});

describe('Idempotency-Key', () => {
  test('a replay returns the first answer, marked, and changes nothing', async () => {
    const n = await submitted();
    const body = { decision: 'accept', caseOfficer: 'officer.dc' };
    const first = await http.post(`/cases/${n}/acceptance`, body, 'officer.dc', { key: `accept-${ascii(n)}` });
    expect(first.status).toBe(200);
    const again = await http.post(`/cases/${n}/acceptance`, body, 'officer.dc', { key: `accept-${ascii(n)}` });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const timeline = (await http.get(`/cases/${n}/timeline`, 'officer.dc')).body?.timeline;
    expect(timeline.filter((e: { kind: string }) => e.kind === 'accepted')).toHaveLength(1);
  });

  test('a repeated signal carries the same decision id, so the case applies it once', async () => {
    const n = await submitted();
    await http.post(`/cases/${n}/acceptance`, { decision: 'accept', caseOfficer: 'officer.dc' }, 'officer.dc');
    await http.post(`/cases/${n}/handling-opinion`, { opinion: '拟启动调查', route: 'investigate' }, 'officer.dc');
    const approval = { approved: true, comment: '同意' };
    const first = await http.post(`/cases/${n}/handling-opinion/approval`, approval, 'leader.dc', {
      key: `ok-${ascii(n)}`,
    });
    expect(first.status).toBe(202);
    const again = await http.post(`/cases/${n}/handling-opinion/approval`, approval, 'leader.dc', {
      key: `ok-${ascii(n)}`,
    });
    expect(again.body?.decisionId).toBe(first.body?.decisionId);
    await eventually(
      () => http.get(`/cases/${n}`, 'leader.dc'),
      (r) => r.body?.stage === 'investigation',
      'the approved opinion',
    );
    const timeline = (await http.get(`/cases/${n}/timeline`, 'leader.dc')).body?.timeline;
    expect(timeline.filter((e: { kind: string }) => e.kind === 'handlingOpinionApproved')).toHaveLength(1);
  });

  test('a submission retried after its start went through (the answer lost) gets its case, not a 409', async () => {
    const s = application();
    const key = `lost-answer-${randomUUID()}`;
    const requestKey = messageIdFromKey('applicant.li', key);
    // The number and the start the lost attempt made, as the route makes them; the API never stored an answer.
    const n = await assignCaseNumber(
      stack.env.client,
      stack.taskQueue,
      stack.numbering,
      'disciplineCommission',
      thisYear(),
      requestKey,
    );
    await startCaseWorkflow(
      stack.env.client,
      'lost-answer',
      { submission: { ...s, caseNumber: n }, submittedBy: applicant },
      requestKey,
    );
    const retried = await http.post('/cases', { submission: s }, 'applicant.li', { key });
    expect(retried.status).toBe(201);
    expect(retried.body?.caseNumber).toBe(n);
    // The retry consumed no second number: the next request gets the one after.
    const other = await http.post('/cases', { submission: s }, 'applicant.li');
    expect(other.status).toBe(201);
    expect(other.body?.caseNumber).toBe(
      n.replace(/〔(\d{4})〕(\d+)号$/, (_m, y: string, k: string) => `〔${y}〕${Number(k) + 1}号`),
    );
  });

  test('a decision retried after it was applied (the answer lost) gets its 202, not a 409', async () => {
    const n = await submitted();
    await http.post(`/cases/${n}/acceptance`, { decision: 'accept', caseOfficer: 'officer.dc' }, 'officer.dc');
    const opinion = { opinion: '拟按程序调查核实', route: 'investigate' };
    expect((await http.post(`/cases/${n}/handling-opinion`, opinion, 'officer.dc')).status).toBe(200);
    const approval = { approved: true, comment: '同意', decisionId: `approval-${ascii(n)}` };
    expect((await http.post(`/cases/${n}/handling-opinion/approval`, approval, 'leader.dc')).status).toBe(202);
    await eventually(
      () => http.get(`/cases/${n}`, 'officer.dc'),
      (r) => r.body?.stage === 'investigation',
      'investigation',
    );
    // Another key, as a client that lost the first answer and its key would send: the decision id is the same.
    const again = await http.post(`/cases/${n}/handling-opinion/approval`, approval, 'leader.dc');
    expect(again.status).toBe(202);
    expect(again.body?.decisionId).toBe(`approval-${ascii(n)}`);
    const otherDecision = { ...approval, decisionId: `another-${ascii(n)}` };
    expect((await http.post(`/cases/${n}/handling-opinion/approval`, otherDecision, 'leader.dc')).status).toBe(409);
  });

  test('the same key with a different body is refused', async () => {
    const n = await submitted();
    const key = `decline-${ascii(n)}`;
    expect(
      (
        await http.post(`/cases/${n}/acceptance`, { decision: 'decline', reason: '不属于受理范围' }, 'officer.dc', {
          key,
        })
      ).status,
    ).toBe(200);
    const other = await http.post(`/cases/${n}/acceptance`, { decision: 'decline', reason: '另一理由' }, 'officer.dc', {
      key,
    });
    expect(other.status).toBe(422);
    expect(other.contentType).toContain(PROBLEM);
  });
});

describe('found by the fuzzer (npm run test:fuzz)', () => {
  test('status_code_conformance: a POST without a body (Content-Length: 0) is told what is missing, not 415', async () => {
    const n = await submitted();
    const res = await http.post(`/cases/${n}/acceptance`, undefined, 'officer.dc');
    expect(res.status).toBe(400);
    expect(res.contentType).toContain(PROBLEM);
    expect(fields(res.body)).toEqual(['(body)']);
  });

  test('not_a_server_error: a deadline armed while the clock is paused waits for the resume, the worker stays up', async () => {
    const n = await submitted();
    await http.post(`/cases/${n}/acceptance`, { decision: 'accept', caseOfficer: 'officer.dc' }, 'officer.dc');
    expect((await http.post(`/cases/${n}/clock/pause`, { ground: 'supplementaryMaterial' }, 'leader.dc')).status).toBe(
      200,
    );
    const opinion = { opinion: '约谈提醒，限期整改', route: 'rectification', fixWithinWorkingDays: 3 };
    expect((await http.post(`/cases/${n}/handling-opinion`, opinion, 'officer.dc')).status).toBe(200);
    const approval = { approved: true, comment: '同意' };
    expect((await http.post(`/cases/${n}/handling-opinion/approval`, approval, 'leader.dc')).status).toBe(202);
    await eventually(
      () => http.get(`/cases/${n}`, 'officer.dc'),
      (r) => r.body?.stage === 'rectification',
      'the rectification',
    );
    const talk = { talkedOn: shanghaiToday(), talkedBy: '纪委副书记王强', talkedWith: '李娜', ordered: '补齐审批材料' };
    expect((await http.post(`/cases/${n}/rectification/talk`, talk, 'officer.dc')).status).toBe(200);
    // The rectification deadline is armed while the clock is paused; its supervisor used to spin on that, which
    // aborted the worker's process ("async hook stack has become corrupted") and took every case with it.
    await eventually(
      () => http.get(`/cases/${n}`, 'officer.dc'),
      (r) => r.body?.deadlines.some((d: { id: string }) => d.id === 'rectification'),
      'the rectification deadline',
    );
    const resumed = await http.post(`/cases/${n}/clock/resume`, {}, 'officer.dc');
    expect(resumed.status).toBe(200);
    expect(resumed.body?.stage).toBe('rectification');
    const verified = await http.post(
      `/cases/${n}/rectification/verification`,
      { fixed: true, note: '已整改' },
      'officer.dc',
    );
    expect(verified.status).toBe(200);
  });
});
