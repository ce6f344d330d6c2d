/**
 * 不该容的坚决不容 over HTTP: the API refuses, before the signal, a meeting's decision the case would only ignore (an
 * exemption the report's findings forbid, a decision on a report sent back), and a report recommending tolerance
 * while it finds an item of the negative list, each with the Chinese reason.
 */
import type { InvestigationReport } from '../../domain/case';
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

const state = (n: string) => http.get(`/cases/${n}`, 'officer.dc');
const reach = (n: string, stage: string) =>
  eventually(
    () => state(n),
    (r) => r.body?.stage === stage,
    stage,
  );

const knowingly = (r: InvestigationReport): InvestigationReport => ({
  ...r,
  negativeFindings: r.negativeFindings?.map((f) =>
    f.item === 'knowingViolation' ? { ...f, found: true, finding: '明知违规仍执意办理' } : f,
  ),
});

const meeting = (outcome: string, reportRef = REPORT_REF) => ({
  determination: {
    meetingDate: shanghaiToday(),
    attendees: ['书记', '副书记', '委员甲', '委员乙', '委员丙'],
    membersTotal: 7,
    outcome,
    reasoning: '综合六个方面察看，依纪依规依法作出决定',
    minutesRef: '会议纪要〔2026〕9号',
    reportRef,
  },
});

/** A case taken through the API to where its report is due. */
async function caseReadyToReport(): Promise<string> {
  const created = await http.post('/cases', { submission: application() }, 'applicant.li');
  expect(created.status).toBe(201);
  const n: string = created.body?.caseNumber;
  const step = async (p: string, body: unknown, as: string, status = 200) =>
    expect((await http.post(`/cases/${n}${p}`, body, as)).status).toBe(status);
  await step('/acceptance', { decision: 'accept', caseOfficer: 'officer.dc' }, 'officer.dc');
  await step('/handling-opinion', { opinion: '拟启动调查核实', route: 'investigate' }, 'officer.dc');
  await step('/handling-opinion/approval', { approved: true, comment: '同意' }, 'leader.dc', 202);
  await reach(n, 'investigation');
  await step('/investigation/team', { members: ['investigator.dc', '调查组成员乙'] }, 'officer.dc');
  for (const heard of ['party', 'unit']) {
    await step('/investigation/hearings', { heard, statementRef: heard, summary: '说明' }, 'investigator.dc');
  }
  return n;
}

test('an exemption is refused while the report finds 明知故犯: the report’s recommendation and the meeting’s decision, each before anything is recorded', async () => {
  const n = await caseReadyToReport();
  const recommended = await http.post(
    `/cases/${n}/investigation/report`,
    { report: knowingly(report('exempt')) },
    'investigator.dc',
  );
  expect(recommended.status).toBe(409);
  expect(recommended.body?.detail).toBe('调查核实报告查实“明知故犯”，属于不该容的情形，不能建议容错免责');

  const reported = await http.post(
    `/cases/${n}/investigation/report`,
    { report: knowingly(report('refuse')) },
    'investigator.dc',
  );
  expect(reported.status).toBe(200);
  await http.post(`/cases/${n}/investigation/report/review`, { approved: true, comment: '同意' }, 'leader.dc');
  await reach(n, 'determination');

  const timeline = (await state(n)).body?.timeline.length;
  const decided = await http.post(`/cases/${n}/determination`, meeting('exempt'), 'secretary.dc');
  expect(decided.status).toBe(409);
  expect(decided.body?.detail).toBe('调查核实报告查实“明知故犯”，属于不该容的情形，不能决定容错免责');
  expect((await state(n)).body?.timeline.length).toBe(timeline);

  const unknown = await http.post(
    `/cases/${n}/determination`,
    meeting('refuse', '调查报告〔2026〕0号'),
    'secretary.dc',
  );
  expect(unknown.status).toBe(409);
  expect(unknown.body?.detail).toContain('本案没有调查核实报告 调查报告〔2026〕0号');

  expect((await http.post(`/cases/${n}/determination`, meeting('refuse'), 'secretary.dc')).status).toBe(202);
  await reach(n, 'feedback');
});
