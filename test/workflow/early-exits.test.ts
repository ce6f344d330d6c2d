/**
 * Every way a case ends before a decision: declined, excluded, closed directly, rectified in time; and a
 * rectification that fails going on to investigation.
 */
import {
  approveRectificationSignal,
  clearNameUpdate,
  decideAcceptanceUpdate,
  earlyExitSignal,
  formInvestigationTeamUpdate,
  recordConsultationUpdate,
  recordFalseReportUpdate,
  recordFollowUpVisitUpdate,
  recordReferralOutcomeUpdate,
  verifyRectificationUpdate,
} from '../../workflows/messages';
import { caseOfficer, decisionId, leader } from '../helpers/cases';
import { saveHistory } from '../helpers/histories';
import type { WorkflowHarness } from '../helpers/workflow-env';
import { recordTalk, serverToday, startCase, startHarness, throughOpinion, waitFor } from '../helpers/workflow-env';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startHarness('early-exits');
});
afterAll(async () => {
  await h?.stop();
});

const notices = async (caseNumber: string) => (await h.outbox.list()).filter((n) => n.caseNumber === caseNumber);

test('a declined case ends with its reason recorded', async () => {
  const handle = await startCase(h);
  await handle.executeUpdate(decideAcceptanceUpdate, {
    args: [{ decision: 'decline', actor: caseOfficer, reason: '不属于本机关管辖' }],
  });
  const result = await handle.result();
  expect(result.stage).toBe('declined');
  // Its last step: the decline with its reason, then (from release 0.5.0) the notice issued in writing.
  expect(result.timeline.slice(-2)).toEqual([
    expect.objectContaining({ kind: 'declined', summary: '不予受理：不属于本机关管辖' }),
    expect.objectContaining({ kind: 'documentIssued' }),
  ]);
  await saveHistory(handle, 'declined');
});

test('a plainly malicious report is excluded, the official’s name cleared, the false report kept for pursuit', async () => {
  const handle = await startCase(h, { origin: 'organization' });
  const state = await throughOpinion(handle, 'exclude', { exclusionGround: 'retaliation' });
  expect(state).toMatchObject({ stage: 'aftercare', closure: 'excluded' });
  expect(state.openObligations).toEqual(['nameClearing', 'falseReportRecord', 'followUpVisit']);

  await handle.executeUpdate(recordConsultationUpdate, {
    args: [{ actor: caseOfficer, partyAgrees: true, note: '本人希望在单位内澄清' }],
  });
  await handle.executeUpdate(clearNameUpdate, {
    args: [
      {
        actor: caseOfficer,
        partyWishes: 'clear',
        scope: '所在单位',
        method: '会议通报',
        documentRef: '澄清〔2026〕1号',
      },
    ],
  });
  await handle.executeUpdate(recordFalseReportUpdate, {
    args: [{ actor: caseOfficer, reportRef: '举报件〔2026〕77号', referredTo: '信访室', note: '打击报复' }],
  });
  await handle.executeUpdate(recordReferralOutcomeUpdate, {
    args: [{ actor: caseOfficer, outcome: 'dealtWith', note: '举报人已受党纪处分' }],
  });
  await handle.executeUpdate(recordFollowUpVisitUpdate, {
    args: [{ actor: caseOfficer, visitedOn: await serverToday(h), note: '回访教育' }],
  });
  const result = await handle.result();
  expect(result.stage).toBe('closed');
  expect(result.timeline.map((e) => e.kind)).toEqual(
    expect.arrayContaining(['excluded', 'nameClearing', 'falseReportRecorded', 'followUpVisited', 'closed']),
  );
  expect((await notices(handle.workflowId)).map((n) => n.kind)).toContain('conclusion');
  await saveHistory(handle, 'excluded-name-cleared');
});

test('an investigation may be ended by leadership as closed directly when the report has no substance', async () => {
  const handle = await startCase(h, { origin: 'organization' });
  await throughOpinion(handle, 'investigate');
  await handle.executeUpdate(formInvestigationTeamUpdate, { args: [{ actor: caseOfficer, members: ['甲', '乙'] }] });
  await handle.signal(earlyExitSignal, {
    decisionId: decisionId(),
    actor: leader,
    exit: 'closeDirectly',
    closureGround: 'repeatWithoutNewFacts',
    reason: '重复举报，已有明确结论且无新情况',
  });
  const result = await handle.result();
  expect(result).toMatchObject({ stage: 'closed', closure: 'closedDirectly' });
  await saveHistory(handle, 'closed-directly-during-investigation');
});

test('a minor error fixed in time closes with no liability', async () => {
  const handle = await startCase(h);
  await throughOpinion(handle, 'rectification', { fixWithinWorkingDays: 10 });
  await recordTalk(handle);
  const state = await waitFor(handle, (s) => s.deadlines.some((d) => d.id === 'rectification'), 'the fix deadline');
  expect(state.stage).toBe('rectification');
  expect(state.deadlines.find((d) => d.id === 'rectification')).toMatchObject({ workingDays: 10, status: 'running' });
  expect((await notices(handle.workflowId)).map((n) => n.kind)).toContain('rectificationOrder');

  await handle.executeUpdate(verifyRectificationUpdate, {
    args: [{ actor: caseOfficer, fixed: true, note: '已整改' }],
  });
  await handle.signal(approveRectificationSignal, {
    decisionId: decisionId(),
    actor: leader,
    approved: true,
    comment: '同意不予追责',
  });
  const result = await handle.result();
  expect(result).toMatchObject({ stage: 'closed', closure: 'rectified' });
  expect(result.deadlines.find((d) => d.id === 'rectification')?.status).toBe('met');
  await saveHistory(handle, 'rectified');
});

test('a rectification not fixed goes on to investigation', async () => {
  const handle = await startCase(h);
  await throughOpinion(handle, 'rectification', { fixWithinWorkingDays: 3 });
  await recordTalk(handle);
  const state = await handle.executeUpdate(verifyRectificationUpdate, {
    args: [{ actor: caseOfficer, fixed: false, note: '未按期整改' }],
  });
  expect(state.stage).toBe('investigation');
  expect(state.allowedActions.map((a) => a.action)).toContain('formInvestigationTeam');
});
