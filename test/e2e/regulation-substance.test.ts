/**
 * Issue 14's rules over HTTP against a real dev server and worker: a meeting's date checked against the case's
 * history before the signal goes, a case officer's pause that waits for the leader, the closed list of pause grounds,
 * and the fast-track list filter.
 */
import { shanghaiDateOf } from '../../domain/dates';
import type { Stack } from '../helpers/api';
import { api, eventually, startStack } from '../helpers/api';
import { application, report, REPORT_REF, shanghaiToday } from '../helpers/cases';

let stack: Stack;
let http: ReturnType<typeof api>;

beforeAll(async () => {
  stack = await startStack();
  http = api(stack);
});

afterAll(async () => {
  await stack?.stop();
});

const DAY = 24 * 3600 * 1000;
const state = (n: string) => http.get(`/cases/${n}`, 'officer.dc');
const reach = (n: string, stage: string) =>
  eventually(
    () => state(n),
    (r) => r.body?.stage === stage,
    `stage ${stage}`,
  );

async function post(n: string, path: string, body: unknown, as: string, status = 200) {
  const res = await http.post(`/cases/${n}${path}`, body, as);
  expect({ path, status: res.status, body: res.status === status ? undefined : res.body }).toEqual({
    path,
    status,
    body: undefined,
  });
  return res;
}

async function accepted(fastTrack = false): Promise<string> {
  const created = await http.post('/cases', { submission: application() }, 'applicant.li');
  expect(created.status).toBe(201);
  const n: string = created.body?.caseNumber;
  await post(n, '/acceptance', { decision: 'accept', caseOfficer: 'officer.dc', fastTrack }, 'officer.dc');
  return n;
}

async function atTheMeeting(): Promise<string> {
  const n = await accepted();
  await post(n, '/handling-opinion', { opinion: '拟启动调查核实', route: 'investigate' }, 'officer.dc');
  await post(n, '/handling-opinion/approval', { approved: true, comment: '同意' }, 'leader.dc', 202);
  await reach(n, 'investigation');
  await post(n, '/investigation/team', { members: ['investigator.dc', '调查组成员乙'] }, 'officer.dc');
  for (const heard of ['party', 'unit']) {
    await post(
      n,
      '/investigation/hearings',
      { heard, statementRef: `笔录-${heard}`, summary: '说明' },
      'investigator.dc',
    );
  }
  await post(n, '/investigation/report', { report: report('exempt') }, 'investigator.dc');
  await post(n, '/investigation/report/review', { approved: true, comment: '同意' }, 'leader.dc', 202);
  await reach(n, 'determination');
  return n;
}

const meeting = (meetingDate: string) => ({
  determination: {
    meetingDate,
    attendees: ['书记', '副书记', '委员甲', '委员乙', '委员丙'],
    membersTotal: 7,
    outcome: 'exempt',
    reasoning: '综合六个方面察看',
    minutesRef: '会议纪要〔2026〕9号',
    reportRef: REPORT_REF,
  },
});

test('a meeting dated in the future or before the report was accepted is refused before the signal', async () => {
  const n = await atTheMeeting();
  const tomorrow = shanghaiDateOf(new Date(Date.now() + DAY).toISOString());
  const future = await http.post(`/cases/${n}/determination`, meeting(tomorrow), 'secretary.dc');
  expect(future.status).toBe(409);
  expect(future.body?.detail).toBe(
    `领导班子会议日期 ${tomorrow} 晚于今天（${shanghaiToday()}），不能记录尚未召开的会议`,
  );
  const yesterday = shanghaiDateOf(new Date(Date.now() - DAY).toISOString());
  const early = await http.post(`/cases/${n}/determination`, meeting(yesterday), 'secretary.dc');
  expect(early.status).toBe(409);
  expect(early.body?.detail).toContain('早于调查核实报告审核通过之日');
  // Nothing reached the case: no ignored decision in its timeline.
  const before = await state(n);
  expect(before.body?.timeline.map((e: { kind: string }) => e.kind)).not.toContain('decisionIgnored');

  await post(n, '/determination', meeting(shanghaiToday()), 'secretary.dc', 202);
  // The stage moves with the decision; the feedback period is armed once the calendar has answered, a moment later.
  const decided = await eventually(
    () => state(n),
    (r) => r.body?.stage === 'feedback' && r.body.deadlines.some((d: { id: string }) => d.id === 'feedback'),
    'the feedback period armed',
  );
  expect(decided.body?.deadlines.find((d: { id: string }) => d.id === 'feedback').triggeredAt).toBe(
    new Date(Date.parse(`${shanghaiToday()}T00:00:00+08:00`) + DAY - 1).toISOString(),
  );
});

test("a case officer's pause waits for the approving leader's consent", async () => {
  const n = await accepted();
  const asked = await post(n, '/clock/pause', { ground: 'expertAssessment', reason: '委托审计' }, 'officer.dc');
  expect(asked.body?.clockPaused).toBe(false);
  expect(asked.body?.allowedActions).toContainEqual({ action: 'approveClockPause', roles: ['approvingLeader'] });
  await post(n, '/clock/pause/approval', { approved: true, comment: '同意' }, 'leader.dc', 202);
  const paused = await eventually(
    () => state(n),
    (r) => r.body?.clockPaused === true,
    'the pause',
  );
  expect(paused.body?.pauses[0]).toMatchObject({ ground: 'expertAssessment', by: { id: 'officer.dc' } });
});

test('a pause without a reason from the list is refused', async () => {
  const n = await accepted();
  const res = await http.post(`/cases/${n}/clock/pause`, { reason: '等待补充材料' }, 'leader.dc');
  expect(res.status).toBe(400);
  expect(res.body?.errors.map((e: { field: string }) => e.field)).toEqual(['ground']);
  const other = await http.post(`/cases/${n}/clock/pause`, { ground: 'other' }, 'leader.dc');
  expect(other.status).toBe(400);
  expect(other.body?.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
});

test('fastTrack=true lists the cases the accepting officer found fast-track, and only those', async () => {
  const [fast, ordinary] = [await accepted(true), await accepted(false)];
  const listed = await eventually(
    () => http.get('/cases?fastTrack=true&limit=100', 'officer.dc'),
    (r) => r.body?.cases.some((c: { caseNumber: string }) => c.caseNumber === fast),
    'the fast-track case listed',
  );
  const numbers = listed.body?.cases.map((c: { caseNumber: string }) => c.caseNumber);
  expect(numbers).not.toContain(ordinary);
  expect(listed.body?.cases.find((c: { caseNumber: string }) => c.caseNumber === fast)).toMatchObject({
    fastTrack: true,
  });
});
