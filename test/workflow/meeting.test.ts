/**
 * The leadership meeting's record on the time-skipping server, with exact instants: the periods that follow it
 * count from the meeting's date, not from when its secretary recorded it; dates the case's history contradicts are
 * refused; the meeting may also defer, return the case for supplementary investigation, or record its vote.
 *
 * The server is moved to Thursday 12 December 2030, 10:00 Shanghai (a December without holidays, in a year far
 * enough ahead that the run never starts after it), where the reports are accepted; the meetings are recorded on
 * Monday 16 December.
 */
import type { Determination } from '../../domain/case';
import { shanghaiDateOf } from '../../domain/dates';
import {
  caseStateQuery,
  deferDeterminationSignal,
  orderSupplementaryInvestigationSignal,
  recordDeterminationSignal,
  recordFollowUpVisitUpdate,
  submitInvestigationReportUpdate,
} from '../../workflows/messages';
import { caseOfficer, decisionId, investigator, report, REPORT_REF, secretary } from '../helpers/cases';
import { saveHistory } from '../helpers/histories';
import type { CaseHandle, WorkflowHarness } from '../helpers/workflow-env';
import {
  refusal,
  deliverFeedback,
  determine,
  startCase,
  startHarness,
  throughInvestigation,
  throughOpinion,
  waitFor,
  lastStep,
} from '../helpers/workflow-env';

const REPORTS_ACCEPTED = Date.parse('2030-12-12T10:00:00+08:00');
const MEETINGS_RECORDED = Date.parse('2030-12-16T10:00:00+08:00');

let h: WorkflowHarness;
/** Exempt, reduce and supplementary cases, their reports accepted on 12 December; a fourth accepted on the 16th. */
let exempt: CaseHandle, reduce: CaseHandle, supplementary: CaseHandle, late: CaseHandle;

async function sleepUntil(ms: number): Promise<void> {
  const now = await h.env.currentTimeMs();
  if (now > ms) throw new Error(`the test server is already past ${new Date(ms).toISOString()}`);
  await h.env.sleep(ms - now);
}

async function toDetermination(outcome: 'exempt' | 'reduce'): Promise<CaseHandle> {
  const handle = await startCase(h);
  await throughOpinion(handle);
  await throughInvestigation(handle, outcome);
  return handle;
}

const meeting = (overrides: Partial<Determination> = {}): Determination => ({
  meetingDate: '2030-12-16',
  attendees: ['书记', '副书记', '委员甲', '委员乙', '委员丙'],
  membersTotal: 7,
  outcome: 'exempt',
  reasoning: '综合六个方面察看，依纪依规依法作出决定',
  minutesRef: '会议纪要〔2030〕9号',
  reportRef: REPORT_REF,
  ...overrides,
});

async function recordMeeting(handle: CaseHandle, determination: Determination) {
  await handle.signal(recordDeterminationSignal, { decisionId: decisionId(), actor: secretary, determination });
}

const lastEntry = (handle: CaseHandle) =>
  waitFor(handle, (s) => lastStep(s.timeline)?.kind !== 'reportAccepted', 'the meeting recorded').then((s) =>
    lastStep(s.timeline)!,
  );

beforeAll(async () => {
  h = await startHarness('meeting');
  await sleepUntil(REPORTS_ACCEPTED);
  [exempt, reduce, supplementary] = await Promise.all([
    toDetermination('exempt'),
    toDetermination('reduce'),
    toDetermination('exempt'),
  ]);
  await sleepUntil(MEETINGS_RECORDED);
  late = await toDetermination('exempt');
  // Four cases walked to the meeting, each issuing its notices and forms as PDFs in the background (0.5.0 on).
}, 180_000);
afterAll(async () => {
  await h?.stop();
});

test('feedback is due 5 working days after the meeting date, not after it was recorded', async () => {
  const state = await determine(exempt, 'exempt', '2030-12-12');
  const feedback = state.deadlines.find((d) => d.id === 'feedback')!;
  // The meeting's day (Thursday 12th) is not counted: 13, 16, 17, 18, 19 December; from the recording on Monday
  // 16th it would have run to Monday 23rd.
  expect(feedback.triggeredAt).toBe('2030-12-12T15:59:59.999Z');
  expect(feedback.dueAt).toBe('2030-12-19T16:00:00.000Z');
  const recorded = state.timeline.find((e) => e.kind === 'determined')!;
  expect(shanghaiDateOf(recorded.at)).toBe('2030-12-16');
});

test('the impact period counts from the meeting date, not from when it was recorded', async () => {
  await determine(reduce, 'reduce', '2030-12-12');
  await deliverFeedback(reduce);
  const state = await waitFor(reduce, (s) => s.impactPeriodEndsAt !== undefined, 'the impact period');
  expect(state.impactPeriodEndsAt).toBe('2031-06-12T16:00:00.000Z');
});

test('a follow-up visit dated before the conclusion or in the future is refused', async () => {
  await deliverFeedback(exempt);
  const visit = (visitedOn: string) =>
    exempt.executeUpdate(recordFollowUpVisitUpdate, { args: [{ actor: caseOfficer, visitedOn, note: '回访' }] });
  expect(await refusal(visit('2030-12-11'))).toBe('日期 2030-12-11 早于案件作出结论之日（2030-12-12）');
  expect(await refusal(visit('2030-12-17'))).toBe('日期 2030-12-17 晚于今天（2030-12-16）');
  const visited = await visit('2030-12-16');
  expect(visited.openObligations).not.toContain('followUpVisit');
});

test('a meeting dated in the future is refused', async () => {
  await recordMeeting(late, meeting({ meetingDate: '2030-12-17' }));
  const entry = await lastEntry(late);
  expect(entry.kind).toBe('decisionIgnored');
  expect(entry.summary).toContain('领导班子会议日期 2030-12-17 晚于今天（2030-12-16）');
  const state = await late.query(caseStateQuery);
  expect(state.stage).toBe('determination');
  expect(state.outcome).toBeUndefined();
});

test('a meeting dated before the report was accepted is refused', async () => {
  await recordMeeting(late, meeting({ meetingDate: '2030-12-13' }));
  const state = await waitFor(late, (s) => s.timeline.filter((e) => e.kind === 'decisionIgnored').length === 2);
  expect(lastStep(state.timeline)?.summary).toContain('早于调查核实报告审核通过之日（2030-12-16）');
  expect(state.stage).toBe('determination');
});

test('the meeting may defer its decision to a later date, but not to one before it', async () => {
  await late.signal(deferDeterminationSignal, {
    decisionId: decisionId(),
    actor: secretary,
    meetingDate: '2030-12-16',
    deferredTo: '2030-12-16',
    reason: '需进一步听取意见',
    minutesRef: '会议纪要〔2030〕10号',
  });
  await waitFor(late, (s) => s.timeline.filter((e) => e.kind === 'decisionIgnored').length === 3, 'ignored');
  await late.signal(deferDeterminationSignal, {
    decisionId: decisionId(),
    actor: secretary,
    meetingDate: '2030-12-16',
    deferredTo: '2030-12-20',
    reason: '需进一步听取意见',
    minutesRef: '会议纪要〔2030〕10号',
  });
  const state = await waitFor(late, (s) => s.deferredTo !== undefined, 'the deferral');
  expect(state.deferredTo).toBe('2030-12-20');
  expect(state.stage).toBe('determination');
  expect(lastStep(state.timeline)).toMatchObject({ kind: 'determinationDeferred', actor: secretary });
  expect(state.allowedActions.map((a) => a.action)).toContain('recordDetermination');
});

test('a vote without more than half of all members for it decides nothing', async () => {
  await recordMeeting(late, meeting({ votesFor: 3, votesAgainst: 2 }));
  const state = await waitFor(late, (s) => s.timeline.filter((e) => e.kind === 'decisionIgnored').length === 4);
  expect(lastStep(state.timeline)?.summary).toContain('同意票未超过应到会成员半数：7 名成员中同意 3 票');
  expect(state.stage).toBe('determination');
});

test('the meeting records its vote with the decision', async () => {
  await recordMeeting(late, meeting({ votesFor: 5, votesAgainst: 0 }));
  const state = await waitFor(late, (s) => s.stage === 'feedback', 'the decision');
  expect(state.determination).toMatchObject({ votesFor: 5, votesAgainst: 0 });
  expect(state.deferredTo).toBeUndefined();
  expect(state.timeline.find((e) => e.kind === 'determined')?.summary).toContain('表决同意 5 票、不同意 0 票');
  await saveHistory(late, 'meeting-refused-deferred-voted');
});

test('a case returned for supplementary investigation needs a new report within 15 working days of the meeting', async () => {
  await supplementary.signal(orderSupplementaryInvestigationSignal, {
    decisionId: decisionId(),
    actor: secretary,
    meetingDate: '2030-12-12',
    questions: '补充核实挽损情况',
    minutesRef: '会议纪要〔2030〕11号',
  });
  const returned = await waitFor(
    supplementary,
    (s) => s.stage === 'investigation' && s.deadlines.some((d) => d.id === 'supplementaryInvestigation'),
    'the investigation again',
  );
  expect(returned.report).toBeUndefined();
  expect(lastStep(returned.timeline)?.kind).toBe('deadlineArmed');
  const period = returned.deadlines.find((d) => d.id === 'supplementaryInvestigation')!;
  // 15 working days after Thursday 12 December 2030, New Year's Day 2031 left out.
  expect(period).toMatchObject({
    workingDays: 15,
    triggeredAt: '2030-12-12T15:59:59.999Z',
    dueAt: '2031-01-03T16:00:00.000Z',
    status: 'running',
  });
  expect(returned.allowedActions.map((a) => a.action)).toContain('submitInvestigationReport');

  const reported = await supplementary.executeUpdate(submitInvestigationReportUpdate, {
    args: [{ actor: investigator, report: report('exempt') }],
  });
  expect(reported.stage).toBe('reportReview');
  expect(reported.deadlines.find((d) => d.id === 'supplementaryInvestigation')?.status).toBe('met');
  await saveHistory(supplementary, 'supplementary-investigation');
});
