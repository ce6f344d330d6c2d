/**
 * The authorisation matrix over HTTP: every demo user (each officer role in each body, two applicants, the
 * operator) against every route, on a discipline commission case applied for by applicant.li. The expectations
 * are written from the procedure's rules (ACTION_ROLES and who reads what), not from the policy module under test.
 */
import { DEMO_USERS } from '../../api/auth';
import type { CaseAction } from '../../domain/procedure';
import { ACTION_ROLES, CASE_ACTIONS } from '../../domain/procedure';
import type { Stack } from '../helpers/api';
import { api, eventually, startStack } from '../helpers/api';
import { application, report, shanghaiToday } from '../helpers/cases';

let stack: Stack;
let http: ReturnType<typeof api>;
let caseNumber: string;

beforeAll(async () => {
  stack = await startStack();
  http = api(stack);
  const created = await http.post('/cases', { submission: application() }, 'applicant.li');
  expect(created.status).toBe(201);
  caseNumber = created.body?.caseNumber;
});

afterAll(async () => {
  await stack?.stop();
});

const OFFICERS_OF_CASE = ['officer.dc', 'investigator.dc', 'leader.dc', 'secretary.dc'];
const READERS = [...OFFICERS_OF_CASE, 'applicant.li'];
const USERS = DEMO_USERS.map((u) => u.sub);

/** One valid request for each action, whatever the stage. */
const ACTION_REQUESTS: readonly (readonly [CaseAction, string, unknown])[] = [
  ['decideAcceptance', '/acceptance', { decision: 'decline', reason: '不属于受理范围' }],
  ['proposeHandlingOpinion', '/handling-opinion', { opinion: '拟启动调查', route: 'investigate' }],
  ['approveHandlingOpinion', '/handling-opinion/approval', { approved: true, comment: '同意' }],
  [
    'recordRectificationTalk',
    '/rectification/talk',
    { talkedOn: shanghaiToday(), talkedBy: '王强', talkedWith: '李娜', ordered: '补齐材料' },
  ],
  ['verifyRectification', '/rectification/verification', { fixed: true, note: '已整改' }],
  ['approveRectification', '/rectification/approval', { approved: true, comment: '同意' }],
  ['formInvestigationTeam', '/investigation/team', { members: ['甲', '乙'] }],
  ['handOver', '/hand-over', { to: 'organizationDepartment', reason: '按干部管理权限分办' }],
  // To the body and level already handling it: refused by the case (409), so the matrix leaves the case where it is.
  ['transfer', '/transfer', { to: 'disciplineCommission', toLevel: 'city', reason: '按干部管理权限移送' }],
  ['reassign', '/reassignment', { caseOfficer: 'officer.dc', reason: '原承办人回避' }],
  ['recordEvidence', '/investigation/evidence', { refs: ['档案1'], description: '证据' }],
  ['recordHearing', '/investigation/hearings', { heard: 'party', statementRef: '笔录', summary: '说明' }],
  ['submitInvestigationReport', '/investigation/report', { report: report('exempt') }],
  ['reviewInvestigationReport', '/investigation/report/review', { approved: true, comment: '同意' }],
  ['exclude', '/investigation/early-exit', { exit: 'exclude', exclusionGround: 'retaliation', reason: '打击报复' }],
  ['closeDirectly', '/investigation/early-exit', { exit: 'closeDirectly', closureGround: 'noSubstance', reason: '无' }],
  ['findUnfounded', '/investigation/early-exit', { exit: 'findUnfounded', reason: '查无实据' }],
  [
    'recordDetermination',
    '/determination',
    {
      determination: {
        meetingDate: '2026-12-10',
        attendees: ['甲', '乙', '丙'],
        membersTotal: 5,
        outcome: 'exempt',
        reasoning: '集体研究',
        minutesRef: '纪要1',
        reportRef: '调查报告〔2026〕1号',
      },
    },
  ],
  [
    'deferDetermination',
    '/determination/deferral',
    { meetingDate: '2026-12-01', deferredTo: '2026-12-15', reason: '待补充说明', minutesRef: '纪要2' },
  ],
  [
    'orderSupplementaryInvestigation',
    '/determination/supplementary-investigation',
    { meetingDate: '2026-12-01', questions: '补充核实挽损情况', minutesRef: '纪要3' },
  ],
  ['deliverFeedback', '/feedback', { documentRef: '反馈书1' }],
  ['recordConsultation', '/consultation', { partyAgrees: true, note: '同意' }],
  ['announce', '/announcement', { scope: '本单位', form: '会议通报', documentRef: '通报1' }],
  ['waiveAnnouncement', '/announcement/waiver', { reason: '本人不同意通报' }],
  ['replyIntegrityReview', '/integrity-review-reply', { reply: '无问题', documentRef: '复函1' }],
  ['recordFollowUpVisit', '/follow-up-visits', { visitedOn: '2026-12-20', note: '回访' }],
  ['clearName', '/name-clearing', { partyWishes: 'decline' }],
  ['recordFalseReport', '/false-report', { reportRef: '举报1', referredTo: '纪委', note: '移送' }],
  ['recordReferralOutcome', '/false-report/outcome', { outcome: 'filed', note: '已立案' }],
  ['pauseClock', '/clock/pause', { ground: 'supplementaryMaterial', reason: '等待补充材料' }],
  ['approveClockPause', '/clock/pause/approval', { approved: true, comment: '同意' }],
  ['resumeClock', '/clock/resume', {}],
];

/** What the rules say `user` gets for `action` on the case while it waits for acceptance. */
function expected(user: string, action: CaseAction): number | 'allowed' {
  if (!READERS.includes(user)) return 404;
  const roles: readonly string[] = ACTION_ROLES[action];
  const demo = DEMO_USERS.find((u) => u.sub === user);
  if (!demo || demo.body !== 'disciplineCommission' || !roles.includes(demo.role)) return 403;
  return action === 'decideAcceptance' ? 'allowed' : 409;
}

/** Runs `task` over `items` a few at a time: one workflow answers its updates one after another anyway. */
async function inBatches<T, R>(items: readonly T[], task: (item: T) => Promise<R>, size = 8): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(task))));
  return results;
}

test('the matrix names every action of the procedure', () => {
  expect(ACTION_REQUESTS.map(([action]) => action).sort()).toEqual([...CASE_ACTIONS].sort());
});

test('every user against every action: 404 unless they may read, 403 unless their role acts, else the stage decides', async () => {
  const rows = USERS.flatMap((user) => ACTION_REQUESTS.map(([action, path, body]) => ({ user, action, path, body })));
  const testable = rows.filter((r) => expected(r.user, r.action) !== 'allowed');
  const answers = await inBatches(testable, async (r) => {
    const res = await http.post(`/cases/${caseNumber}${r.path}`, r.body, r.user);
    return `${r.user} ${r.action} ${res.status}`;
  });
  expect(answers).toEqual(testable.map((r) => `${r.user} ${r.action} ${expected(r.user, r.action)}`));

  // Nothing above changed the case; the one action open now goes through for those whose role it is.
  const before = await http.get(`/cases/${caseNumber}`, 'officer.dc');
  expect(before.body?.timeline).toHaveLength(1);
  const allowed = rows.filter((r) => expected(r.user, r.action) === 'allowed').map((r) => r.user);
  expect(allowed.sort()).toEqual(['leader.dc', 'officer.dc']);
  const accepted = await http.post(
    `/cases/${caseNumber}/acceptance`,
    { decision: 'accept', caseOfficer: 'officer.dc' },
    'leader.dc',
  );
  expect(accepted.status).toBe(200);
});

test('reading a case: its body’s officers and its applicant; anyone else gets the unknown-case answer', async () => {
  const unknown = await http.get('/cases/NY-2026-999999', 'officer.od');
  for (const user of USERS) {
    for (const path of [`/cases/${caseNumber}`, `/cases/${caseNumber}/timeline`]) {
      const res = await http.get(path, user);
      if (READERS.includes(user)) expect([user, path, res.status]).toEqual([user, path, 200]);
      else {
        expect([user, path, res.status]).toEqual([user, path, 404]);
        // Guessing another body's case number reveals nothing: the answer is that of a case that does not exist.
        expect({ ...res.body, instance: undefined }).toEqual({ ...unknown.body, instance: undefined });
      }
    }
  }
});

test('listing: officers see their body’s cases, applicants their own, the operator case numbers only', async () => {
  const listOf = (user: string) => http.get('/cases', user).then((r) => r.body?.cases as { caseNumber: string }[]);
  const visible = (user: string) => listOf(user).then((cs) => cs.some((c) => c.caseNumber === caseNumber));
  await eventually(() => visible('applicant.li'), Boolean, 'the case in the visibility store');
  for (const user of USERS) {
    expect([user, await visible(user)]).toEqual([user, READERS.includes(user) || user === 'operator']);
  }
  for (const item of await listOf('operator')) expect(Object.keys(item)).toEqual(['caseNumber']);
});

test('submitting: applicants apply, case officers and leaders raise organisation cases for their own body', async () => {
  for (const user of USERS) {
    const applied = await http.post('/cases', { submission: application({}, user) }, user);
    expect([user, 'application', applied.status]).toEqual([
      user,
      'application',
      user.startsWith('applicant.') ? 201 : 403,
    ]);
    const organisation = await http.post('/cases', { submission: application({ origin: 'organization' }) }, user);
    expect([user, 'organization', organisation.status]).toEqual([
      user,
      'organization',
      ['officer.dc', 'leader.dc'].includes(user) ? 201 : 403,
    ]);
  }
});

test('loading a holiday arrangement is for the operator alone', async () => {
  for (const user of USERS) {
    const res = await http.post('/calendar/years/2030', {}, user);
    // The operator passes authorisation and meets validation of the empty file.
    expect([user, res.status]).toEqual([user, user === 'operator' ? 400 : 403]);
  }
});
