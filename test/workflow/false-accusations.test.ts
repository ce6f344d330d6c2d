/**
 * 错告 and 诬告陷害 as cases run them: only a 贴牌举报 or 打击报复 is referred for pursuit, and the case stays in
 * aftercare until the referral's outcome is in; a 错告 is excluded without a referral; a report the investigation
 * found untrue (查无实据) ends with name clearing and a follow-up visit owed, as a report with no substance does.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';

import {
  clearNameUpdate,
  earlyExitSignal,
  formInvestigationTeamUpdate,
  recordConsultationUpdate,
  recordFalseReportUpdate,
  recordFollowUpVisitUpdate,
  recordReferralOutcomeUpdate,
} from '../../workflows/messages';
import { caseOfficer, decisionId, leader } from '../helpers/cases';
import { saveHistory } from '../helpers/histories';
import { entriesWithCodes } from '../helpers/timeline-words';
import type { CaseHandle, WorkflowHarness } from '../helpers/workflow-env';
import { serverToday, startCase, startHarness, throughOpinion, waitFor } from '../helpers/workflow-env';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startHarness('false-accusations');
});
afterAll(async () => {
  await h?.stop();
});

/** Consults the official, who declines a name clearing, and visits them: what every wronged official is owed. */
async function clearAndVisit(handle: CaseHandle): Promise<void> {
  await handle.executeUpdate(recordConsultationUpdate, {
    args: [{ actor: caseOfficer, partyAgrees: false, note: '本人不要求公开澄清' }],
  });
  await handle.executeUpdate(clearNameUpdate, { args: [{ actor: caseOfficer, partyWishes: 'decline' }] });
  await handle.executeUpdate(recordFollowUpVisitUpdate, {
    args: [{ actor: caseOfficer, visitedOn: await serverToday(h), note: '回访教育，放下包袱' }],
  });
}

const refer = (handle: CaseHandle) =>
  handle.executeUpdate(recordFalseReportUpdate, {
    args: [{ actor: caseOfficer, reportRef: '举报件〔2026〕9号', referredTo: '案件审理室', note: '移送查处' }],
  });

const outcome = (handle: CaseHandle, value: 'filed' | 'notFiled' | 'dealtWith', note: string) =>
  handle.executeUpdate(recordReferralOutcomeUpdate, { args: [{ actor: caseOfficer, outcome: value, note }] });

test('an exclusion for 错告 makes no referral', async () => {
  const handle = await startCase(h, { origin: 'organization' });
  const state = await throughOpinion(handle, 'exclude', { exclusionGround: 'subjectiveConjecture' });
  expect(state).toMatchObject({ stage: 'aftercare', closure: 'excluded' });
  expect(state.openObligations).toEqual(['nameClearing', 'followUpVisit']);
  expect(state.allowedActions.map((a) => a.action)).not.toContain('recordFalseReport');
  await expect(refer(handle)).rejects.toThrow(WorkflowUpdateFailedError);
  expect(state.timeline.find((e) => e.kind === 'excluded')?.summary).toBe('排除（主观臆断，属错告）：拟按程序办理');

  await clearAndVisit(handle);
  const result = await handle.result();
  expect(result.stage).toBe('closed');
  expect(result.timeline.map((e) => e.kind)).not.toContain('falseReportRecorded');
  expect(entriesWithCodes(result)).toEqual([]);
});

test('an exclusion for 打击报复 is referred, and the case stays in aftercare until the referral’s outcome is in', async () => {
  const handle = await startCase(h, { origin: 'organization' });
  const state = await throughOpinion(handle, 'exclude', { exclusionGround: 'retaliation' });
  expect(state.openObligations).toEqual(['nameClearing', 'falseReportRecord', 'followUpVisit']);
  expect(state.timeline.find((e) => e.kind === 'excluded')?.summary).toBe(
    '排除（打击报复，属诬告陷害，线索须移送查处）：拟按程序办理',
  );
  await clearAndVisit(handle);

  const referred = await refer(handle);
  expect(referred).toMatchObject({ stage: 'aftercare', openObligations: ['referralOutcome'] });
  const filed = await outcome(handle, 'filed', '已立案审查');
  expect(filed).toMatchObject({ stage: 'aftercare', openObligations: ['referralOutcome'] });
  const dealtWith = await outcome(handle, 'dealtWith', '诬告者已受党纪处分，所获利益已予纠正');
  expect(dealtWith).toMatchObject({ stage: 'closed', openObligations: [] });

  const result = await handle.result();
  expect(result.timeline.filter((e) => e.kind === 'referralOutcomeRecorded').map((e) => e.summary)).toEqual([
    '移送的诬告陷害线索处理结果：已立案。已立案审查',
    '移送的诬告陷害线索处理结果：已处理。诬告者已受党纪处分，所获利益已予纠正',
  ]);
  expect(entriesWithCodes(result)).toEqual([]);
  await saveHistory(handle, 'false-accusation-referred');
});

test('a filed referral is not recorded as filed again, nor as not filed', async () => {
  const handle = await startCase(h, { origin: 'organization' });
  await throughOpinion(handle, 'exclude', { exclusionGround: 'proxyReport' });
  await refer(handle);
  await outcome(handle, 'filed', '已立案');
  await expect(outcome(handle, 'filed', '再次立案')).rejects.toMatchObject({
    cause: { message: '移送的线索已登记立案，不能重复登记立案' },
  });
  await expect(outcome(handle, 'notFiled', '不予立案')).rejects.toMatchObject({
    cause: { message: '移送的线索已立案，处理结果应登记为已处理，而非不予立案' },
  });
  const refused = await outcome(handle, 'dealtWith', '已处理');
  expect(refused.openObligations).toEqual(['nameClearing', 'followUpVisit']);
});

test('a referral the receiving body declines to file (不予立案) has come to its end', async () => {
  const handle = await startCase(h, { origin: 'organization' });
  await throughOpinion(handle, 'exclude', { exclusionGround: 'proxyReport' });
  await refer(handle);
  const state = await outcome(handle, 'notFiled', '经审查不予立案');
  expect(state.openObligations).toEqual(['nameClearing', 'followUpVisit']);
});

test('an investigation may find a report untrue (查无实据): name clearing and a follow-up visit follow, no referral', async () => {
  const handle = await startCase(h, { origin: 'organization' });
  await throughOpinion(handle, 'investigate');
  await handle.executeUpdate(formInvestigationTeamUpdate, { args: [{ actor: caseOfficer, members: ['甲', '乙'] }] });
  await handle.signal(earlyExitSignal, {
    decisionId: decisionId(),
    actor: leader,
    exit: 'findUnfounded',
    reason: '经核查，反映的违规审批问题不存在',
  });
  const state = await waitFor(handle, (s) => s.stage === 'aftercare', 'aftercare');
  expect(state).toMatchObject({ closure: 'unfounded', openObligations: ['nameClearing', 'followUpVisit'] });
  expect(state.timeline.find((e) => e.kind === 'reportUnfounded')?.summary).toBe(
    '经调查核实，反映问题查无实据：经核查，反映的违规审批问题不存在',
  );
  expect(state.allowedActions.map((a) => a.action)).toEqual(['recordFollowUpVisit', 'recordConsultation', 'reassign']);
  await clearAndVisit(handle);
  const result = await handle.result();
  expect(result).toMatchObject({ stage: 'closed', closure: 'unfounded' });
  expect(entriesWithCodes(result)).toEqual([]);
  await saveHistory(handle, 'found-unfounded');
});

test('a report closed directly for no substance owes name clearing and a follow-up visit', async () => {
  const handle = await startCase(h, { origin: 'organization' });
  const state = await throughOpinion(handle, 'closeDirectly', { closureGround: 'noSubstance' });
  expect(state).toMatchObject({ stage: 'aftercare', closure: 'closedDirectly' });
  expect(state.openObligations).toEqual(['nameClearing', 'followUpVisit']);
  expect(state.timeline.find((e) => e.kind === 'closedDirectly')?.summary).toBe(
    '直接了结（反映问题无实质内容）：拟按程序办理',
  );
  expect(entriesWithCodes(state)).toEqual([]);
});
