/**
 * Who is assigned is who acts: once a case officer is named at acceptance only they act as its case officer, only
 * members of the investigation team act as investigators, and a leader who reassigns the case is recorded. Office
 * findings (快查快结, 事前申请) are the accepting office's, never the applicant's. Over HTTP, through the workflow.
 */
import type { Stack } from '../helpers/api';
import { api, eventually, startStack } from '../helpers/api';
import { application } from '../helpers/cases';

let stack: Stack;
let http: ReturnType<typeof api>;
let otherOfficer: string;
let otherInvestigator: string;

beforeAll(async () => {
  stack = await startStack();
  http = api(stack);
  otherOfficer = await stack.dev.mint({ sub: 'officer2.dc', role: 'caseOfficer', body: 'disciplineCommission' });
  otherInvestigator = await stack.dev.mint({
    sub: 'investigator2.dc',
    role: 'investigator',
    body: 'disciplineCommission',
  });
}, 60_000);

afterAll(() => stack?.stop());

const as = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const state = (n: string) => http.get(`/cases/${n}`, 'officer.dc');

async function acceptedFor(caseOfficer: string): Promise<string> {
  const created = await http.post('/cases', { submission: application() }, 'applicant.li');
  expect(created.status).toBe(201);
  const n: string = created.body?.caseNumber;
  const res = await http.post(`/cases/${n}/acceptance`, { decision: 'accept', caseOfficer }, 'officer.dc');
  expect(res.status).toBe(200);
  return n;
}

test('an officer of the same body who is not the assigned case officer cannot propose the handling opinion', async () => {
  const n = await acceptedFor('some.other.officer');
  const res = await http.post(
    `/cases/${n}/handling-opinion`,
    { opinion: '拟调查', route: 'investigate' },
    'officer.dc',
  );
  expect(res.status).toBe(403);
  expect(res.body?.detail).toContain('不是本案承办人');
  expect((await state(n)).body?.stage).toBe('handlingOpinion');
});

test('an investigator who is not on the team cannot record a hearing; a team member can', async () => {
  const n = await acceptedFor('officer.dc');
  await http.post(`/cases/${n}/handling-opinion`, { opinion: '拟调查', route: 'investigate' }, 'officer.dc');
  await http.post(`/cases/${n}/handling-opinion/approval`, { approved: true, comment: '同意' }, 'leader.dc');
  await eventually(
    () => state(n),
    (r) => r.body?.stage === 'investigation',
    'investigation',
  );
  await http.post(`/cases/${n}/investigation/team`, { members: ['investigator.dc', '调查组成员乙'] }, 'officer.dc');
  const hearing = { heard: 'party', statementRef: '笔录', summary: '说明' };
  const outsider = await http.post(`/cases/${n}/investigation/hearings`, hearing, 'officer.dc', as(otherInvestigator));
  expect(outsider.status).toBe(403);
  expect(outsider.body?.detail).toContain('不是本案调查组成员');
  expect((await http.post(`/cases/${n}/investigation/hearings`, hearing, 'investigator.dc')).status).toBe(200);
});

test('a leader reassigns the case officer; the new officer acts, the former cannot, the timeline keeps both', async () => {
  const n = await acceptedFor('officer.dc');
  const moved = await http.post(
    `/cases/${n}/reassignment`,
    { caseOfficer: 'officer2.dc', reason: '原承办人回避' },
    'leader.dc',
  );
  expect(moved.status).toBe(200);
  expect(moved.body?.caseOfficer).toBe('officer2.dc');
  const opinion = { opinion: '拟调查', route: 'investigate' };
  expect((await http.post(`/cases/${n}/handling-opinion`, opinion, 'officer.dc')).status).toBe(403);
  expect((await http.post(`/cases/${n}/handling-opinion`, opinion, 'officer.dc', as(otherOfficer))).status).toBe(200);
  const timeline = (await state(n)).body?.timeline as { kind: string; summary: string }[];
  expect(timeline.find((e) => e.kind === 'accepted')?.summary).toContain('officer.dc');
  expect(timeline.find((e) => e.kind === 'reassigned')?.summary).toContain('由 officer.dc 改为 officer2.dc');
});

test('a case officer cannot reassign the case: only a leader may', async () => {
  const n = await acceptedFor('officer.dc');
  const res = await http.post(
    `/cases/${n}/reassignment`,
    { caseOfficer: 'officer2.dc', reason: '自行调整' },
    'officer.dc',
  );
  expect(res.status).toBe(403);
});

test('an applicant cannot claim the fast track or pre-filing; the accepting officer establishes them', async () => {
  const claimed = application({ fastTrack: true, preFiling: true });
  const refused = await http.post('/cases', { submission: claimed }, 'applicant.li');
  expect(refused.status).toBe(400);
  expect(refused.body?.errors.map((e: { field: string }) => e.field).sort()).toEqual([
    'submission.fastTrack',
    'submission.preFiling',
  ]);

  const n: string = (await http.post('/cases', { submission: application() }, 'applicant.li')).body?.caseNumber;
  const accepted = await http.post(
    `/cases/${n}/acceptance`,
    { decision: 'accept', caseOfficer: 'officer.dc', fastTrack: true, preFiling: true },
    'officer.dc',
  );
  expect(accepted.status).toBe(200);
  const read = await http.get(`/cases/${n}`, 'officer.dc');
  expect(read.body?.submission).toMatchObject({ fastTrack: true, preFiling: true });
});
