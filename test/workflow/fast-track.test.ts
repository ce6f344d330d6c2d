/**
 * 快查快结 on the time-skipping server: the shorter periods local policy gives a fast-track case, the FastTrack search
 * attribute set at acceptance at no extra history event, and the integrity review reply given at any stage.
 */
import { temporal } from '@temporalio/proto';

import { dueAfterWorkingDays, loadCalendar } from '../../calendar';
import { FastTrack } from '../../domain/search-attributes';
import { decideAcceptanceUpdate, replyIntegrityReviewUpdate } from '../../workflows/messages';
import { caseOfficer, leader } from '../helpers/cases';
import { saveHistory } from '../helpers/histories';
import type { CaseHandle, WorkflowHarness } from '../helpers/workflow-env';
import {
  deliverFeedback,
  determine,
  startCase,
  startHarness,
  throughInvestigation,
  throughOpinion,
  waitFor,
  lastStep,
} from '../helpers/workflow-env';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startHarness('fast-track');
});
afterAll(async () => {
  await h?.stop();
});

async function accepted(fastTrack: boolean): Promise<CaseHandle> {
  const handle = await startCase(h);
  await handle.executeUpdate(decideAcceptanceUpdate, {
    args: [{ decision: 'accept', actor: caseOfficer, caseOfficer: caseOfficer.id, fastTrack }],
  });
  return handle;
}

/** The case's history events but its workflow tasks, by type, once nothing is pending. */
async function settledEvents(handle: CaseHandle): Promise<string[]> {
  for (;;) {
    const { raw } = await handle.describe();
    if (!raw.pendingWorkflowTask && !raw.pendingActivities?.length) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const events = (await handle.fetchHistory()).events ?? [];
  return events
    .map((e) => temporal.api.enums.v1.EventType[e.eventType ?? 0])
    .filter((type) => !type.startsWith('EVENT_TYPE_WORKFLOW_TASK_'));
}

const upserts = async (handle: CaseHandle) =>
  (await handle.fetchHistory()).events?.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes).length;

test("a fast-track case's handling opinion is due in 3 working days", async () => {
  const handle = await accepted(true);
  const [deadline] = (await waitFor(handle, (s) => s.deadlines.length === 1)).deadlines;
  expect(deadline).toMatchObject({ id: 'handlingOpinion', workingDays: 3 });
  expect(deadline.clause).toBe('快查快结：受理后3个工作日内提出拟办意见（本地规定）');
  const calendar = loadCalendar({ holidaysDir: h.holidaysDir });
  expect(deadline.dueAt).toBe(dueAfterWorkingDays(calendar, new Date(deadline.triggeredAt), 3).dueAt);
});

test('the accepting officer’s finding of fast track is published as FastTrack with the acceptance, at no extra event', async () => {
  const [fast, ordinary] = await Promise.all([accepted(true), accepted(false)]);
  expect((await fast.describe()).typedSearchAttributes.get(FastTrack)).toBe(true);
  expect((await ordinary.describe()).typedSearchAttributes.get(FastTrack)).toBe(false);
  const before = await startCase(h);
  expect((await before.describe()).typedSearchAttributes.get(FastTrack)).toBeUndefined();
  expect(await upserts(fast)).toBe(await upserts(ordinary));
  // Compared once each has issued its acceptance notice (release 0.5.0 on), which it does in the background, and
  // has no task or activity left; workflow tasks are left out, since a slow register write may take one more.
  for (const handle of [fast, ordinary]) await waitFor(handle, (s) => (s.documents ?? []).length === 1, 'the notice');
  expect(await settledEvents(fast)).toEqual(await settledEvents(ordinary));
});

test("a fast-track case's feedback is due in 3 working days of the meeting", async () => {
  const handle = await accepted(true);
  await throughOpinion(handle, 'investigate', {}, { accepted: true });
  await throughInvestigation(handle, 'refuse');
  await determine(handle, 'refuse');
  // The feedback period is armed once the calendar has answered, in a task after the decision's.
  const state = await waitFor(handle, (s) => s.deadlines.some((d) => d.id === 'feedback'), 'the feedback period');
  const feedback = state.deadlines.find((d) => d.id === 'feedback')!;
  expect(feedback.workingDays).toBe(3);
  const calendar = loadCalendar({ holidaysDir: h.holidaysDir });
  expect(feedback.dueAt).toBe(dueAfterWorkingDays(calendar, new Date(feedback.triggeredAt), 3).dueAt);
});

test('the integrity review of a fast-track case is answered at any stage, with its status then, and is not owed again', async () => {
  const handle = await accepted(true);
  const replied = await handle.executeUpdate(replyIntegrityReviewUpdate, {
    args: [{ actor: leader, reply: '正在调查核实，暂未发现影响提拔使用的问题', documentRef: '廉政意见〔2026〕7号' }],
  });
  expect(replied.stage).toBe('handlingOpinion');
  expect(replied.allowedActions.map((a) => a.action)).not.toContain('replyIntegrityReview');
  const state = await waitFor(handle, (s) => lastStep(s.timeline)?.kind === 'integrityReviewReplied');
  expect(lastStep(state.timeline)?.summary).toContain('案件处于“拟办意见”阶段');

  await throughOpinion(handle, 'investigate', {}, { accepted: true });
  await throughInvestigation(handle, 'refuse');
  await determine(handle, 'refuse');
  const closed = await deliverFeedback(handle);
  expect(closed).toMatchObject({ stage: 'closed', openObligations: [] });
  await saveHistory(handle, 'fast-track-integrity-reply-early');
});

test('an ordinary case has no integrity review to answer', async () => {
  const handle = await accepted(false);
  const state = await waitFor(handle, (s) => s.stage === 'handlingOpinion');
  expect(state.allowedActions.map((a) => a.action)).not.toContain('replyIntegrityReview');
});
