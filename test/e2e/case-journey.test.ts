/**
 * Whole cases over HTTP against a real dev server and worker, each step taken by the demo user whose role it is:
 * an exemption from submission to closure, a rectification whose provisional deadline is recomputed when an
 * operator loads next year's holiday arrangement, and the case list with its filters.
 */
import { fixedStatutoryHolidayDates } from '../../calendar';
import type { Stack } from '../helpers/api';
import { api, eventually, startStack } from '../helpers/api';
import { application, report, shanghaiToday } from '../helpers/cases';

let stack: Stack;
let http: ReturnType<typeof api>;

beforeAll(async () => {
  stack = await startStack();
  http = api(stack);
});

afterAll(async () => {
  await stack?.stop();
});

const state = (n: string, as = 'officer.dc') => http.get(`/cases/${n}`, as);
const stageOf = (n: string) => state(n).then((r) => r.body?.stage as string);
const reach = (n: string, stage: string) =>
  eventually(
    () => stageOf(n),
    (s) => s === stage,
    `stage ${stage}`,
  );

/** Submits an application of applicant.li to the discipline commission and has officer.dc accept it. */
async function acceptedCase(): Promise<string> {
  const created = await http.post('/cases', { submission: application() }, 'applicant.li');
  expect(created.status).toBe(201);
  const n: string = created.body?.caseNumber;
  const accepted = await http.post(
    `/cases/${n}/acceptance`,
    { decision: 'accept', caseOfficer: 'officer.dc' },
    'officer.dc',
  );
  expect(accepted.status).toBe(200);
  return n;
}

const exemptCase: { number?: string } = {};
const rectificationCase: { number?: string } = {};

/** The 约谈提醒 a rectification begins with. */
const RECTIFICATION_TALK = {
  talkedOn: shanghaiToday(),
  talkedBy: '纪委副书记王强',
  talkedWith: '李娜',
  ordered: '补齐容缺受理的审批材料',
};

test('an exemption, from the application to closure, each step by the user whose role it is', async () => {
  const n = await acceptedCase();
  exemptCase.number = n;
  const step = async (path: string, body: unknown, as: string, status = 200) => {
    const res = await http.post(`/cases/${n}${path}`, body, as);
    expect({ path, status: res.status, body: res.status === status ? undefined : res.body }).toEqual({
      path,
      status,
      body: undefined,
    });
    return res;
  };

  const opinion = await step('/handling-opinion', { opinion: '拟启动调查核实', route: 'investigate' }, 'officer.dc');
  expect(opinion.body?.stage).toBe('opinionApproval');
  const approval = await step('/handling-opinion/approval', { approved: true, comment: '同意' }, 'leader.dc', 202);
  expect(approval.body).toMatchObject({ caseNumber: n, action: 'approveHandlingOpinion' });
  expect(approval.body?.decisionId).toEqual(expect.any(String));
  await reach(n, 'investigation');

  await step('/investigation/team', { members: ['investigator.dc', '调查组成员乙'] }, 'officer.dc');
  await step(
    '/investigation/evidence',
    { refs: ['审批档案〔2026〕7号'], description: '调取审批档案' },
    'investigator.dc',
  );
  for (const heard of ['party', 'unit']) {
    await step(
      '/investigation/hearings',
      { heard, statementRef: `谈话笔录-${heard}`, summary: '如实说明情况' },
      'investigator.dc',
    );
  }
  const reported = await step('/investigation/report', { report: report('exempt') }, 'investigator.dc');
  expect(reported.body?.stage).toBe('reportReview');
  await step('/investigation/report/review', { approved: true, comment: '同意提交领导班子会议' }, 'leader.dc', 202);
  await reach(n, 'determination');

  await step(
    '/determination',
    {
      determination: {
        meetingDate: shanghaiToday(),
        attendees: ['书记', '副书记', '委员甲', '委员乙', '委员丙'],
        membersTotal: 7,
        outcome: 'exempt',
        reasoning: '综合六个方面察看，依纪依规依法作出决定',
        minutesRef: '会议纪要〔2026〕9号',
        reportRef: '调查报告〔2026〕1号',
      },
    },
    'secretary.dc',
    202,
  );
  await reach(n, 'feedback');
  const fed = await step('/feedback', { documentRef: '反馈书〔2026〕3号' }, 'officer.dc');
  expect(fed.body).toMatchObject({ stage: 'aftercare', outcome: 'exempt', closure: 'decided' });

  await step('/consultation', { partyAgrees: true, note: '本人同意在单位内通报' }, 'officer.dc');
  await step('/announcement', { scope: '所在单位', form: '会议通报', documentRef: '通报〔2026〕1号' }, 'officer.dc');
  await step('/follow-up-visits', { visitedOn: shanghaiToday(), note: '回访教育，干部思想稳定' }, 'officer.dc');
  const closed = await eventually(
    () => state(n),
    (r) => r.body?.stage === 'closed',
    'closure once the archive entries are written',
  );
  expect(closed.body?.archiveReceipts).toHaveLength(2);
  expect(closed.body?.allowedActions).toEqual([]);

  // Every step is recorded under the authenticated user, whatever a body might have claimed.
  const timeline = await http.get(`/cases/${n}/timeline`, 'officer.dc');
  expect(timeline.status).toBe(200);
  const actors = (timeline.body?.timeline as { kind: string; actor?: { id: string } }[])
    .filter((e) => e.actor)
    .map((e) => [e.kind, e.actor?.id]);
  expect(actors).toEqual(
    expect.arrayContaining([
      ['submitted', 'applicant.li'],
      ['accepted', 'officer.dc'],
      ['handlingOpinionApproved', 'leader.dc'],
      ['hearingRecorded', 'investigator.dc'],
      ['determined', 'secretary.dc'],
      ['feedbackDelivered', 'officer.dc'],
    ]),
  );
});

test('the applicant reads their submission, stage, deadlines and conclusion, never the investigation file', async () => {
  const n = exemptCase.number;
  if (!n) throw new Error('runs after the exemption above');
  const officers = await http.get(`/cases/${n}`, 'officer.dc');
  const read = await http.get(`/cases/${n}`, 'applicant.li');
  expect(read.status).toBe(200);
  expect(read.body).toMatchObject({ caseNumber: n, stage: 'closed', outcome: 'exempt', closure: 'decided' });
  for (const field of ['report', 'hearings', 'determination', 'handlingOpinion', 'investigationTeam', 'caseOfficer']) {
    expect(officers.body).toHaveProperty(field);
    expect(read.body).not.toHaveProperty(field);
  }
  // Nothing of the file leaks through another field: statements, the meeting's members, opinions, comments.
  const text = JSON.stringify(read.body);
  for (const internal of ['谈话笔录', '委员甲', '拟启动调查核实', '同意提交领导班子会议', 'investigator.dc']) {
    expect(officers.body && JSON.stringify(officers.body)).toContain(internal);
    expect(text).not.toContain(internal);
  }
  const timeline = await http.get(`/cases/${n}/timeline`, 'applicant.li');
  const kinds = (timeline.body?.timeline as { kind: string }[]).map((e) => e.kind);
  expect(kinds).toEqual(expect.arrayContaining(['submitted', 'accepted', 'feedbackDelivered', 'closed']));
  expect(kinds).not.toContain('hearingRecorded');
  expect(kinds).not.toContain('determined');
  expect(JSON.stringify(timeline.body)).not.toContain('谈话笔录');
});

/** A 2027 arrangement with exactly the fixed statutory holidays, as an operator would transcribe the notice. */
function arrangement2027() {
  return {
    year: 2027,
    notice: '国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕N号）',
    holidays: fixedStatutoryHolidayDates(2027),
    workdays: [],
  };
}

test('loading next year’s holidays recomputes the provisional deadline of a running case', async () => {
  const n = await acceptedCase();
  rectificationCase.number = n;
  await http.post(
    `/cases/${n}/handling-opinion`,
    { opinion: '情节轻微，约谈提醒、督促整改', route: 'rectification', fixWithinWorkingDays: 60 },
    'officer.dc',
  );
  await http.post(`/cases/${n}/handling-opinion/approval`, { approved: true, comment: '同意' }, 'leader.dc');
  await eventually(
    () => state(n),
    (r) => r.body?.stage === 'rectification',
    'the rectification',
  );
  await http.post(`/cases/${n}/rectification/talk`, RECTIFICATION_TALK, 'officer.dc');
  const provisional = await eventually(
    () => state(n),
    (r) => r.body?.deadlines?.some((d: any) => d.id === 'rectification' && d.provisional),
    'a provisional rectification deadline',
  );
  expect(provisional.body?.stage).toBe('rectification');
  // The list reads visibility, which trails the workflow a little.
  await eventually(
    () => http.get('/cases?stage=rectification', 'officer.dc'),
    (r) => r.body?.cases.some((c: any) => c.caseNumber === n && c.provisionalDeadline === true),
    'the provisional case in the list',
  );

  expect((await http.post('/calendar/years/2027', arrangement2027(), 'officer.dc')).status).toBe(403);
  // The preview's version confirms the load, whatever other cases on the shared server it would touch.
  const preview = await http.post('/calendar/years/2027?dryRun=true', arrangement2027(), 'operator');
  expect(preview.status).toBe(200);
  const loaded = await http.post(
    `/calendar/years/2027?confirm=${preview.body?.calendarVersion}`,
    arrangement2027(),
    'operator',
  );
  expect(loaded.status).toBe(202);
  expect(loaded.body).toMatchObject({ year: 2027, calendarVersion: expect.stringMatching(/^cal-/) });
  expect(loaded.body?.casesSignalled).toBeGreaterThanOrEqual(1);

  const recomputed = await eventually(
    () => state(n),
    (r) => r.body?.deadlines?.some((d: any) => d.id === 'rectification' && !d.provisional),
    'the recomputed deadline',
  );
  const deadline = recomputed.body?.deadlines.find((d: any) => d.id === 'rectification');
  expect(deadline.calendarVersion).toBe(loaded.body?.calendarVersion);
  expect(deadline.changes).toEqual([expect.objectContaining({ reason: 'calendarLoaded' })]);
});

test('a bad holiday file is refused naming each bad entry, and nothing is written', async () => {
  const file = arrangement2027();
  const bad = {
    ...file,
    holidays: [...file.holidays.slice(1), { date: '2027-02-30', name: '春节' }],
    workdays: [{ date: '2027-03-03', name: '调休' }],
  };
  const res = await http.post('/calendar/years/2028', bad, 'operator');
  expect(res.status).toBe(400);
  expect(res.body?.errors).toEqual([expect.objectContaining({ field: 'year' })]);

  const again = await http.post('/calendar/years/2027', bad, 'operator');
  expect(again.status).toBe(400);
  expect(again.body?.errors).toEqual(
    expect.arrayContaining([
      { field: `holidays.${bad.holidays.length - 1}`, message: expect.stringContaining('2027-02-30') },
      { field: 'workdays.0', message: expect.stringContaining('Wednesday') },
    ]),
  );
});

describe('the case list', () => {
  const numbers: Record<string, string> = {};

  beforeAll(async () => {
    const waiting = application();
    const other = application(
      { liability: 'organizationalHandling', handlingBody: 'organizationDepartment' },
      'applicant.wang',
    );
    numbers.waiting = (await http.post('/cases', { submission: waiting }, 'applicant.li')).body?.caseNumber;
    numbers.other = (await http.post('/cases', { submission: other }, 'applicant.wang')).body?.caseNumber;
  });

  const list = (query: string, as = 'officer.dc') => http.get(`/cases${query}`, as);
  // Other e2e files share the dev server, so a list is judged on this file's cases only.
  const listed = (query: string, as: string, ok: (numbers: string[]) => boolean) =>
    eventually(
      () =>
        list(query, as).then((r) =>
          (r.body?.cases as { caseNumber: string }[]).map((c) => c.caseNumber).filter((n) => stack.numberedHere(n)),
        ),
      ok,
      `the list ${query} for ${as}`,
    );

  test('filters by stage and outcome, within the caller’s own body', async () => {
    const waiting = await listed('?stage=acceptance', 'officer.dc', (ns) => ns.includes(numbers.waiting));
    expect(waiting).not.toContain(numbers.other);
    expect(waiting).not.toContain(exemptCase.number);

    const exempt = await listed('?outcome=exempt', 'leader.dc', (ns) => ns.includes(exemptCase.number as string));
    expect(exempt).toEqual([exemptCase.number]);

    // A filter on another body cannot widen the caller's scope.
    expect(await listed('?handlingBody=organizationDepartment', 'officer.dc', () => true)).toEqual([]);
    const od = await listed('', 'officer.od', (ns) => ns.includes(numbers.other));
    expect(od).toEqual([numbers.other]);
  });

  test('filters by deadline: overdue, and due before an instant', async () => {
    const due = await listed(`?overdue=false&dueBefore=2099-01-01T00:00:00Z`, 'officer.dc', (ns) =>
      ns.includes(rectificationCase.number as string),
    );
    expect(due).not.toContain(numbers.waiting); // no deadline runs before acceptance
    expect(await listed('?overdue=true', 'officer.dc', () => true)).toEqual([]);
    expect(await listed('?dueBefore=2026-01-01T00:00:00%2B08:00', 'officer.dc', () => true)).toEqual([]);
  });

  test('applicants see their own applications, operators case numbers only', async () => {
    const mine = await listed('', 'applicant.wang', (ns) => ns.includes(numbers.other));
    expect(mine).toEqual([numbers.other]);
    const all = await eventually(
      () => list('', 'operator'),
      (r) => r.body?.total >= 4,
      'every case for the operator',
    );
    for (const c of all.body?.cases ?? []) expect(Object.keys(c)).toEqual(['caseNumber']);
  });

  test('pages with limit and the visibility cursor, and counts every match', async () => {
    const first = await eventually(
      () => list('?limit=1'),
      (r) => r.body?.total >= 3,
      'three discipline commission cases',
    );
    expect(first.body?.cases).toHaveLength(1);
    expect(first.body?.nextCursor).toEqual(expect.stringMatching(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/));
    const second = await list(`?limit=1&cursor=${first.body?.nextCursor}`);
    expect(second.body?.cases).toHaveLength(1);
    expect(second.body?.cases[0].caseNumber).not.toBe(first.body?.cases[0].caseNumber);
    const last = await list(`?limit=100`);
    expect(last.body?.cases).toHaveLength(last.body?.total);
    expect(last.body?.nextCursor).toBeUndefined();
  });

  test('bad filters are refused naming each', async () => {
    const res = await list('?stage=nowhere&overdue=maybe&colour=red');
    expect(res.status).toBe(400);
    expect(res.body?.errors.map((e: { field: string }) => e.field).sort()).toEqual(['colour', 'overdue', 'stage']);
  });
});

describe('the other paths of the procedure', () => {
  const post = async (n: string, path: string, body: unknown, as: string, status = 200) => {
    const res = await http.post(`/cases/${n}${path}`, body, as);
    expect([path, res.status, res.status === status ? undefined : res.body]).toEqual([path, status, undefined]);
    return res;
  };

  test('an exclusion during the investigation: name clearing, announcement, false report, integrity review', async () => {
    const n: string = (await http.post('/cases', { submission: application() }, 'applicant.li')).body?.caseNumber;
    // 快查快结 is the office's finding at acceptance, not the applicant's claim.
    await post(n, '/acceptance', { decision: 'accept', caseOfficer: 'officer.dc', fastTrack: true }, 'officer.dc');
    await post(n, '/handling-opinion', { opinion: '拟启动调查核实', route: 'investigate' }, 'officer.dc');
    await post(n, '/handling-opinion/approval', { approved: true, comment: '同意' }, 'leader.dc', 202);
    await reach(n, 'investigation');
    await post(n, '/investigation/team', { members: ['调查组甲', '调查组乙'] }, 'leader.dc');
    const exit = { exit: 'exclude', exclusionGround: 'retaliation', reason: '举报系打击报复' };
    await post(n, '/investigation/early-exit', exit, 'leader.dc', 202);
    const after = await eventually(
      () => state(n),
      (r) => r.body?.stage === 'aftercare',
      'aftercare',
    );
    expect(after.body?.openObligations.sort()).toEqual(
      ['falseReportRecord', 'followUpVisit', 'integrityReviewReply', 'nameClearing'].sort(),
    );

    await post(n, '/consultation', { partyAgrees: true, note: '本人同意澄清并通报' }, 'officer.dc');
    const cleared = { partyWishes: 'clear', scope: '本单位', method: '会议说明', documentRef: '澄清函〔2026〕1号' };
    await post(n, '/name-clearing', cleared, 'officer.dc');
    await post(n, '/announcement', { scope: '本单位', form: '会议说明', documentRef: '通报〔2026〕2号' }, 'officer.dc');
    await post(
      n,
      '/false-report',
      { reportRef: '举报〔2026〕5号', referredTo: '案件审理室', note: '移送' },
      'officer.dc',
    );
    await post(n, '/false-report/outcome', { outcome: 'notFiled', note: '经审查不予立案' }, 'officer.dc');
    await post(
      n,
      '/integrity-review-reply',
      { reply: '无影响使用的问题', documentRef: '复函〔2026〕1号' },
      'leader.dc',
    );
    const closed = await post(n, '/follow-up-visits', { visitedOn: shanghaiToday(), note: '回访' }, 'officer.dc');
    expect(closed.body).toMatchObject({ stage: 'closed', closure: 'excluded', openObligations: [] });
  });

  test('a rectification fixed in time closes the case without liability', async () => {
    const n = await acceptedCase();
    const opinion = { opinion: '约谈提醒、督促整改', route: 'rectification', fixWithinWorkingDays: 3 };
    await post(n, '/handling-opinion', opinion, 'officer.dc');
    await post(n, '/handling-opinion/approval', { approved: true, comment: '同意' }, 'leader.dc', 202);
    await reach(n, 'rectification');
    await post(n, '/rectification/talk', RECTIFICATION_TALK, 'officer.dc');
    const fixed = await post(n, '/rectification/verification', { fixed: true, note: '已按期整改' }, 'officer.dc');
    expect(fixed.body).toMatchObject({ stage: 'rectificationReview' });
    await post(n, '/rectification/approval', { approved: true, comment: '同意不予追责' }, 'leader.dc', 202);
    await reach(n, 'closed');
    expect((await state(n)).body).toMatchObject({ stage: 'closed', closure: 'rectified' });
  });

  test('the clock pauses and resumes, and the running deadline moves with it', async () => {
    const n = await acceptedCase();
    const paused = await post(
      n,
      '/clock/pause',
      { ground: 'supplementaryMaterial', reason: '等待当事人补充材料' },
      'leader.dc',
    );
    expect(paused.body?.clockPaused).toBe(true);
    expect(paused.body?.allowedActions).toContainEqual(expect.objectContaining({ action: 'resumeClock' }));
    const resumed = await post(n, '/clock/resume', {}, 'leader.dc');
    expect(resumed.body?.clockPaused).toBe(false);
    expect(resumed.body?.deadlines[0].changes).toEqual([expect.objectContaining({ reason: 'resumed' })]);
  });

  test('a declined case is over: any action is a 409 with nothing allowed', async () => {
    const n: string = (await http.post('/cases', { submission: application() }, 'applicant.li')).body?.caseNumber;
    const declined = await post(n, '/acceptance', { decision: 'decline', reason: '不属于受理范围' }, 'leader.dc');
    expect(declined.body?.stage).toBe('declined');
    const late = await http.post(`/cases/${n}/clock/pause`, { ground: 'other', reason: '迟到的操作' }, 'officer.dc');
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ stage: 'declined', allowedActions: [] });
    expect((await http.get(`/cases/${n}`, 'applicant.li')).body?.stage).toBe('declined');
  });
});
