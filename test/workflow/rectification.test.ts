/**
 * 约谈提醒、督促整改 as cases of release 0.4.0 run it: the talk is recorded and sends an order that states its due
 * date, the party is reminded before it, a fix is 及时到位 only by that date, and closing without liability is the
 * approving leader's decision on the officer's verification.
 */
import { shanghaiDateOf } from '../../domain/dates';
import { WorkflowUpdateFailedError } from '@temporalio/client';

import type { CaseState } from '../../domain/case';
import { approveRectificationSignal, caseStateQuery, verifyRectificationUpdate } from '../../workflows/messages';
import { caseOfficer, decisionId, leader } from '../helpers/cases';
import { saveHistory } from '../helpers/histories';
import { entriesWithCodes } from '../helpers/timeline-words';
import type { CaseHandle, WorkflowHarness } from '../helpers/workflow-env';
import { recordTalk, startCase, startHarness, throughOpinion, waitFor, lastStep } from '../helpers/workflow-env';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startHarness('rectification');
});
afterAll(async () => {
  await h?.stop();
});

const notices = async (caseNumber: string) => (await h.outbox.list()).filter((n) => n.caseNumber === caseNumber);

async function sleepUntil(iso: string, offsetMs: number): Promise<void> {
  const ms = Date.parse(iso) + offsetMs - (await h.env.currentTimeMs());
  if (ms > 0) await h.env.sleep(ms);
}

/** A case on the rectification path, its talk recorded with three working days to fix. */
async function talked(): Promise<{ handle: CaseHandle; state: CaseState; dueAt: string }> {
  const handle = await startCase(h);
  await throughOpinion(handle, 'rectification', { fixWithinWorkingDays: 3 });
  const state = await recordTalk(handle);
  const dueAt = state.deadlines.find((d) => d.id === 'rectification')?.dueAt as string;
  return { handle, state, dueAt };
}

const verify = (handle: CaseHandle, fixed: boolean) =>
  handle.executeUpdate(verifyRectificationUpdate, { args: [{ actor: caseOfficer, fixed, note: '已补齐审批材料' }] });

test('a rectification is verified only after its talk is recorded', async () => {
  const handle = await startCase(h);
  const state = await throughOpinion(handle, 'rectification', { fixWithinWorkingDays: 3 });
  expect(state.stage).toBe('rectification');
  expect(state.deadlines.map((d) => d.id)).toEqual(['handlingOpinion', 'opinionApproval']);
  expect(state.allowedActions.map((a) => a.action)).toEqual(['recordRectificationTalk', 'reassign']);
  await expect(verify(handle, true)).rejects.toThrow(WorkflowUpdateFailedError);
});

test('the talk is recorded with its date, who held it, with whom and what it ordered; the order states its due date', async () => {
  const { handle, state, dueAt } = await talked();
  const approvedOn = shanghaiDateOf(state.timeline.find((e) => e.kind === 'handlingOpinionApproved')?.at ?? '');
  expect(state.timeline.find((e) => e.kind === 'rectificationTalked')?.summary).toBe(
    `约谈提醒（${approvedOn}，约谈人：纪委副书记王强，约谈对象：李娜），督促整改：补齐容缺受理的审批材料`,
  );
  expect(state.deadlines.find((d) => d.id === 'rectification')).toMatchObject({ workingDays: 3, status: 'running' });
  const order = (await notices(handle.workflowId)).find((n) => n.kind === 'rectificationOrder');
  expect(order?.recipients).toEqual(['party', 'partyUnit']);
  const due = state.timeline.find((e) => e.kind === 'deadlineArmed' && e.summary.startsWith('约谈提醒后'));
  const dueText = /期限至 (\d{4}年\d{1,2}月\d{1,2}日24时)/.exec(due?.summary ?? '')?.[1];
  expect(dueText).toBeDefined();
  expect(order?.text).toContain(`请于 ${dueText} 前整改到位`);
  expect(order?.text).toContain('补齐容缺受理的审批材料');
  expect(dueAt).toBeDefined();
  expect(state.allowedActions.map((a) => a.action)).toEqual(['verifyRectification', 'reassign', 'pauseClock']);
});

test('the party and its unit are reminded before the fix is due', async () => {
  const { handle, state } = await talked();
  const remindAt = state.deadlines.find((d) => d.id === 'rectification')?.remindAt as string;
  expect(remindAt).toBeTruthy();
  await sleepUntil(remindAt, 60_000);
  await waitFor(handle, (s) => s.deadlines.some((d) => d.id === 'rectification' && d.reminderSent), 'the reminder');
  const reminder = (await notices(handle.workflowId)).find((n) => n.kind === 'deadlineReminder');
  expect(reminder?.recipients).toEqual(['disciplineCommission', 'party', 'partyUnit']);
});

test('a fix verified after its due date is not 及时到位 and goes on to investigation', async () => {
  const { handle, dueAt } = await talked();
  await sleepUntil(dueAt, 3_600_000);
  const state = await verify(handle, true);
  expect(state.stage).toBe('investigation');
  const { timeline } = await handle.query(caseStateQuery);
  expect(lastStep(timeline)).toMatchObject({ kind: 'rectificationFailed' });
  expect(lastStep(timeline)?.summary).toContain('整改到位晚于整改期限');
  expect(lastStep(timeline)?.summary).toContain('不属于整改及时到位，转入调查核实');
  await saveHistory(handle, 'rectification-late');
});

test('a fix verified in time waits for the approving leader, who closes it without liability', async () => {
  const { handle } = await talked();
  const verified = await verify(handle, true);
  expect(verified.stage).toBe('rectificationReview');
  expect(verified.deadlines.find((d) => d.id === 'rectification')?.status).toBe('met');
  expect(verified.allowedActions.map((a) => a.action)).toEqual(['approveRectification', 'reassign']);

  // The officer who verified cannot close it themselves: the signal is recorded and ignored.
  await handle.signal(approveRectificationSignal, {
    decisionId: decisionId(),
    actor: caseOfficer,
    approved: true,
    comment: '自行同意',
  });
  const ignored = await waitFor(handle, (s) => s.timeline.some((e) => e.kind === 'decisionIgnored'), 'the refusal');
  expect(ignored.stage).toBe('rectificationReview');
  expect(lastStep(ignored.timeline)?.summary).toContain('未采纳的决定（领导审批整改情况）');

  await handle.signal(approveRectificationSignal, {
    decisionId: decisionId(),
    actor: leader,
    approved: true,
    comment: '同意',
  });
  const result = await handle.result();
  expect(result).toMatchObject({ stage: 'closed', closure: 'rectified' });
  expect(result.timeline.find((e) => e.kind === 'rectified')?.summary).toBe(
    '领导审批同意：整改及时到位，依纪依规依法不予追责问责。同意',
  );
  expect((await notices(handle.workflowId)).map((n) => n.kind)).toContain('conclusion');
  expect(entriesWithCodes(result)).toEqual([]);
  await saveHistory(handle, 'rectification-approved');
});

test('a leader who does not agree to close without liability sends the case on to investigation', async () => {
  const { handle } = await talked();
  await verify(handle, true);
  await handle.signal(approveRectificationSignal, {
    decisionId: decisionId(),
    actor: leader,
    approved: false,
    comment: '损失较大，需调查核实',
  });
  const state = await waitFor(handle, (s) => s.stage === 'investigation', 'the investigation');
  expect(lastStep(state.timeline)?.summary).toBe('领导审批未同意不予追责：损失较大，需调查核实，转入调查核实');
});

test('a fix not done goes on to investigation', async () => {
  const { handle } = await talked();
  const state = await verify(handle, false);
  expect(state.stage).toBe('investigation');
});
