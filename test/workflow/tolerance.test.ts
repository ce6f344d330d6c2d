/**
 * 不该容的坚决不容 on the time-skipping server: a report that finds an item of the negative list or an unmet condition
 * of its situation cannot recommend tolerance, nor can the meeting decide it; refusal is always possible; the
 * meeting decides on the current report only; 从轻/减轻 and the measure kept reach the timeline, the feedback notice
 * and the archive; related officials are cleared; and a unit's case files nothing in the personal files.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';

import type { CaseState, Determination, InvestigationReport } from '../../domain/case';
import {
  caseStateQuery,
  formInvestigationTeamUpdate,
  recordDeterminationSignal,
  recordHearingUpdate,
  reviewInvestigationReportSignal,
  submitInvestigationReportUpdate,
} from '../../workflows/messages';
import { caseOfficer, decisionId, investigator, leader, report, REPORT_REF, secretary } from '../helpers/cases';
import { saveHistory } from '../helpers/histories';
import type { CaseHandle, WorkflowHarness } from '../helpers/workflow-env';
import {
  deliverFeedback,
  determine,
  serverToday,
  startCase,
  startHarness,
  throughOpinion,
  waitFor,
  lastStep,
} from '../helpers/workflow-env';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startHarness('tolerance');
});
afterAll(async () => {
  await h?.stop();
});

/** Forms the team and hears both sides, so that a report may be submitted. */
async function readyToReport(handle: CaseHandle): Promise<void> {
  await throughOpinion(handle);
  await handle.executeUpdate(formInvestigationTeamUpdate, {
    args: [{ actor: caseOfficer, members: ['investigator.dc', 'investigator2.dc'] }],
  });
  for (const heard of ['party', 'unit'] as const) {
    await handle.executeUpdate(recordHearingUpdate, {
      args: [{ actor: investigator, heard, statementRef: `谈话笔录-${heard}`, summary: '如实说明情况' }],
    });
  }
}

const submit = (handle: CaseHandle, r: InvestigationReport) =>
  handle.executeUpdate(submitInvestigationReportUpdate, { args: [{ actor: investigator, report: r }] });

async function review(handle: CaseHandle, approved: boolean): Promise<CaseState> {
  await handle.signal(reviewInvestigationReportSignal, {
    decisionId: decisionId(),
    actor: leader,
    approved,
    comment: approved ? '同意提交领导班子会议' : '补充调查',
  });
  return waitFor(handle, (s) => s.stage === (approved ? 'determination' : 'investigation'));
}

async function refusalOf(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  return (err as WorkflowUpdateFailedError).cause?.message ?? '';
}

const found = (r: InvestigationReport, item: string): InvestigationReport => ({
  ...r,
  negativeFindings: r.negativeFindings?.map((f) => (f.item === item ? { ...f, found: true, finding: '查实' } : f)),
});
const unmet = (r: InvestigationReport, condition: string): InvestigationReport => ({
  ...r,
  conditions: r.conditions?.map((c) => (c.condition === condition ? { ...c, met: false, finding: '不符合' } : c)),
});

/** The day the meetings below sit: the test server's today, on or after the report's acceptance. */
let meetingDay = '';
beforeEach(async () => {
  meetingDay = await serverToday(h);
});

/** The meeting's record, deciding on the standard report unless told otherwise. */
function meeting(over: Partial<Determination>): Determination {
  return {
    meetingDate: meetingDay,
    attendees: ['书记', '副书记', '委员甲', '委员乙', '委员丙'],
    membersTotal: 7,
    outcome: 'exempt',
    reasoning: '综合六个方面察看，依纪依规依法作出决定',
    minutesRef: '会议纪要〔2026〕9号',
    reportRef: REPORT_REF,
    ...over,
  };
}

async function decide(handle: CaseHandle, d: Determination): Promise<CaseState> {
  const before = (await handle.query(caseStateQuery)).timeline.length;
  await handle.signal(recordDeterminationSignal, { decisionId: decisionId(), actor: secretary, determination: d });
  return waitFor(handle, (s) => s.timeline.length > before, 'the meeting recorded');
}

test('an exemption is refused while the report finds 谋取私利', async () => {
  const handle = await startCase(h);
  await readyToReport(handle);
  const message = await refusalOf(submit(handle, found(report('exempt'), 'privateGain')));
  expect(message).toBe('调查核实报告查实“谋取私利或者局部利益”，属于不该容的情形，不能建议容错免责');
  const state = await handle.query(caseStateQuery);
  expect(state.stage).toBe('investigation');
  expect(state.report).toBeUndefined();
});

test('a reduction is refused while the condition 风险可控 is unmet', async () => {
  const handle = await startCase(h, { situation: 'innovation' });
  await readyToReport(handle);
  const message = await refusalOf(submit(handle, unmet(report('reduce', 'innovation'), 'riskControlled')));
  expect(message).toContain('“创新探索”情形的条件');
  expect(message).toContain('风险可控');
  expect(message).toContain('不能建议减责');
});

test('a report that leaves an item of the negative list or a condition of its situation unrecorded is refused', async () => {
  const handle = await startCase(h);
  await readyToReport(handle);
  const r = report('refuse');
  const short = { ...r, negativeFindings: r.negativeFindings?.filter((f) => f.item !== 'obstructingInvestigation') };
  expect(await refusalOf(submit(handle, short))).toContain('对抗组织调查');
  expect(await refusalOf(submit(handle, report('refuse', 'emergency')))).toContain('“优化营商环境”情形的条件');
});

test('refuse is always possible: recommended and decided while the report finds 谋取私利 and a condition is unmet', async () => {
  const handle = await startCase(h);
  await readyToReport(handle);
  await submit(handle, unmet(found(report('refuse'), 'privateGain'), 'cleanRelations'));
  const submitted = await handle.query(caseStateQuery);
  expect(submitted.timeline.find((e) => e.kind === 'reportSubmitted')?.summary).toContain(
    '负面清单查实：谋取私利或者局部利益',
  );
  await review(handle, true);
  const ignored = await decide(handle, meeting({ outcome: 'exempt' }));
  expect(ignored.stage).toBe('determination');
  expect(lastStep(ignored.timeline)).toMatchObject({
    kind: 'decisionIgnored',
    summary: '领导班子会议决定未予采纳：调查核实报告查实“谋取私利或者局部利益”，属于不该容的情形，不能决定容错免责',
  });
  const decided = await decide(handle, meeting({ outcome: 'refuse' }));
  expect(decided).toMatchObject({ stage: 'feedback', outcome: 'refuse' });
});

test('a determination naming a report sent back is stale and decides nothing; a new report needs a new number', async () => {
  const handle = await startCase(h);
  await readyToReport(handle);
  await submit(handle, report('exempt'));
  await review(handle, false);
  expect(await refusalOf(submit(handle, report('exempt')))).toBe(
    `调查核实报告 ${REPORT_REF} 已被退回，重新提交的报告须使用新的文号`,
  );
  await submit(handle, { ...report('exempt'), reportRef: '调查报告〔2026〕2号' });
  await review(handle, true);
  const stale = await decide(handle, meeting({}));
  expect(stale.stage).toBe('determination');
  expect(lastStep(stale.timeline)?.summary).toContain(`调查核实报告 ${REPORT_REF} 已被退回，不能据此作出决定`);
  const decided = await decide(handle, meeting({ reportRef: '调查报告〔2026〕2号' }));
  expect(decided).toMatchObject({ stage: 'feedback', outcome: 'exempt' });
});

test('the report may correct the situation: the correction is in the timeline and its conditions are the ones weighed', async () => {
  const handle = await startCase(h, { situation: 'businessEnvironment' });
  await readyToReport(handle);
  await submit(handle, { ...report('exempt', 'innovation'), situation: 'innovation' });
  const state = await handle.query(caseStateQuery);
  expect(state.submission.situation).toBe('innovation');
  expect(state.timeline.find((e) => e.kind === 'situationCorrected')).toMatchObject({
    kind: 'situationCorrected',
    summary: '调查核实认定所属情形为“创新探索”，更正提出时的“优化营商环境”',
  });
});

test('a reduction records 从轻 or 减轻 and the measure it keeps: timeline, view, feedback notice and archive entry', async () => {
  const handle = await startCase(h);
  await readyToReport(handle);
  await submit(handle, { ...report('reduce'), reduction: 'mitigated', residualMeasure: '诫勉谈话' });
  await review(handle, true);
  const decided = await decide(
    handle,
    meeting({ outcome: 'reduce', impactPeriodMonths: 6, reduction: 'mitigated', residualMeasure: '诫勉谈话' }),
  );
  expect(decided.determination).toMatchObject({ reduction: 'mitigated', residualMeasure: '诫勉谈话' });
  expect(decided.timeline.find((e) => e.kind === 'determined')?.summary).toContain(
    '集体研究决定：减责（减轻追究责任，仍需承担：诫勉谈话）',
  );
  await deliverFeedback(handle);
  const notice = (await h.outbox.list()).find((n) => n.caseNumber === handle.workflowId && n.kind === 'feedback');
  expect(notice?.text).toContain('决定减责（减轻追究责任，仍需承担：诫勉谈话）');
  await waitFor(handle, (s) => s.archiveReceipts.length === 2, 'both archive entries');
  const entry = (await h.archive.list('personnelFile')).find((e) => e.entry.caseNumber === handle.workflowId)?.entry;
  expect(entry).toMatchObject({
    party: { kind: 'official', name: '李娜' },
    outcome: 'reduce',
    reduction: 'mitigated',
    residualMeasure: '诫勉谈话',
    reasoning: '综合六个方面察看，依纪依规依法作出决定',
    documentNumbers: { minutes: '会议纪要〔2026〕9号', report: REPORT_REF },
  });
  expect(entry?.decision).toContain('决定减责（减轻追究责任，仍需承担：诫勉谈话）');
  await saveHistory(handle, 'reduce-mitigated-archived');
});

test('a tolerating decision clears the related officials’ responsibilities, each recorded', async () => {
  const handle = await startCase(h);
  await readyToReport(handle);
  await submit(handle, report('exempt'));
  await review(handle, true);
  const relatedOfficials = [
    { name: '王某', post: '某区营商环境服务中心主任', responsibilities: ['primary', 'leadership'] as const },
    { name: '赵某', post: '某区行政审批局局长', responsibilities: ['oversight'] as const },
  ];
  const decided = await decide(handle, meeting({ relatedOfficials }));
  expect(decided.determination?.relatedOfficials).toEqual(relatedOfficials);
  expect(decided.timeline.filter((e) => e.kind === 'responsibilityCleared').map((e) => e.summary)).toEqual([
    '予以容错，不再追究王某（某区营商环境服务中心主任）的主体责任、领导责任',
    '予以容错，不再追究赵某（某区行政审批局局长）的监督责任',
  ]);
});

test('a refusal cannot clear related officials', async () => {
  const handle = await startCase(h);
  await readyToReport(handle);
  await submit(handle, report('refuse'));
  await review(handle, true);
  const ignored = await decide(
    handle,
    meeting({ outcome: 'refuse', relatedOfficials: [{ name: '王某', post: '主任', responsibilities: ['primary'] }] }),
  );
  expect(ignored.stage).toBe('determination');
  expect(lastStep(ignored.timeline)?.summary).toContain('不予容错的，不能决定不再追究相关人员');
});

test('a unit’s case files no personal-file entry', async () => {
  const handle = await startCase(h, {
    party: { kind: 'unit', name: '某区营商环境服务中心', unit: '某区营商环境服务中心' },
  });
  await readyToReport(handle);
  await submit(handle, report('exempt'));
  await review(handle, true);
  const decided = await determine(handle, 'exempt');
  expect(decided.openObligations).toEqual(['followUpVisit', 'announcement']);
  const after = await deliverFeedback(handle);
  expect(after.archiveReceipts).toEqual([]);
  for (const file of ['personnelFile', 'integrityFile'] as const) {
    expect((await h.archive.list(file)).filter((e) => e.entry.caseNumber === handle.workflowId)).toEqual([]);
  }
  await saveHistory(handle, 'unit-exempt-no-personal-file');
});
