/**
 * Pausing the statutory clock on the time-skipping server: a ground from the closed list, the approving leader's
 * consent to a case officer's pause, and a pause that lasts longer than its bound escalated like a missed deadline.
 * The bound is lowered to 2 working days here (PAUSE_LIMIT_WORKING_DAYS, 30 by default).
 */
import { dueAfterWorkingDays, loadCalendar } from '../../calendar';
import type { PauseGround } from '../../domain/case';
import {
  approveClockPauseSignal,
  caseStateQuery,
  decideAcceptanceUpdate,
  pauseClockUpdate,
  resumeClockUpdate,
} from '../../workflows/messages';
import { caseOfficer, decisionId, leader } from '../helpers/cases';
import { saveHistory } from '../helpers/histories';
import type { CaseHandle, WorkflowHarness } from '../helpers/workflow-env';
import { pauseClock, refusal, startCase, startHarness, waitFor, lastStep } from '../helpers/workflow-env';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startHarness('clock-consent', { deadlines: { pauseLimitWorkingDays: 2 } });
});
afterAll(async () => {
  await h?.stop();
});

async function accepted(): Promise<CaseHandle> {
  const handle = await startCase(h);
  await handle.executeUpdate(decideAcceptanceUpdate, {
    args: [{ decision: 'accept', actor: caseOfficer, caseOfficer: caseOfficer.id }],
  });
  return handle;
}

const notices = async (caseNumber: string) => (await h.outbox.list()).filter((n) => n.caseNumber === caseNumber);

async function sleepUntil(iso: string, offsetMs: number): Promise<void> {
  const ms = Date.parse(iso) + offsetMs - (await h.env.currentTimeMs());
  if (ms > 0) await h.env.sleep(ms);
}

test("a case officer's pause waits for the approving leader's consent", async () => {
  const handle = await accepted();
  const asked = await handle.executeUpdate(pauseClockUpdate, {
    args: [{ actor: caseOfficer, ground: 'supplementaryMaterial', reason: '当事人补充审批材料' }],
  });
  expect(asked.clockPaused).toBe(false);
  expect(asked.deadlines[0].status).toBe('running');
  const open = asked.allowedActions.map((a) => a.action);
  expect(open).toContain('approveClockPause');
  expect(open).not.toContain('pauseClock');

  await handle.signal(approveClockPauseSignal, {
    decisionId: decisionId(),
    actor: leader,
    approved: true,
    comment: '同意',
  });
  const paused = await waitFor(handle, (s) => s.clockPaused, 'the pause');
  expect(paused.pauseRequest).toBeUndefined();
  expect(paused.deadlines[0].status).toBe('paused');
  expect(paused.pauses[0]).toMatchObject({ by: caseOfficer, approvedBy: leader, ground: 'supplementaryMaterial' });
  expect(lastStep(paused.timeline)).toMatchObject({ kind: 'clockPaused', actor: leader });
  expect(lastStep(paused.timeline)?.summary).toContain('经审批领导同意');
  expect(lastStep(paused.timeline)?.summary).toContain('等待当事人或所在单位补充材料：当事人补充审批材料');
  await handle.executeUpdate(resumeClockUpdate, { args: [{ actor: caseOfficer }] });
  await saveHistory(handle, 'pause-asked-and-approved');
});

test('a pause the approving leader refuses leaves the clock running', async () => {
  const handle = await accepted();
  await handle.executeUpdate(pauseClockUpdate, { args: [{ actor: caseOfficer, ground: 'expertAssessment' }] });
  await handle.signal(approveClockPauseSignal, {
    decisionId: decisionId(),
    actor: leader,
    approved: false,
    comment: '无需暂停',
  });
  const state = await waitFor(handle, (s) => s.pauseRequest === undefined, 'the refusal');
  expect(state.clockPaused).toBe(false);
  expect(state.pauses).toEqual([]);
  expect(state.deadlines[0].status).toBe('running');
  expect(lastStep(state.timeline)).toMatchObject({ kind: 'clockPauseRefused', actor: leader });
  expect(state.allowedActions.map((a) => a.action)).toContain('pauseClock');
});

test("the approving leader's own pause stops the clock at once", async () => {
  const handle = await accepted();
  const paused = await handle.executeUpdate(pauseClockUpdate, { args: [{ actor: leader, ground: 'forceMajeure' }] });
  expect(paused.clockPaused).toBe(true);
  expect(paused.deadlines[0].status).toBe('paused');
});

test('a pause without a reason from the list is refused', async () => {
  const handle = await accepted();
  const listed =
    '暂停计时须注明所属情形：等待当事人或所在单位补充材料、涉及其他调查或司法程序，须待其结论、' +
    '当事人因病等客观原因无法配合调查、委托鉴定、审计或评估、不可抗力、其他';
  expect(await refusal(handle.executeUpdate(pauseClockUpdate, { args: [{ actor: leader, reason: '等待材料' }] }))).toBe(
    listed,
  );
  const unlisted = { actor: leader, ground: 'holiday' as PauseGround, reason: '放假' };
  expect(await refusal(handle.executeUpdate(pauseClockUpdate, { args: [unlisted] }))).toBe(listed);
  expect((await handle.query(caseStateQuery)).clockPaused).toBe(false);
});

test('a pause on the ground “other” without its reason is refused', async () => {
  const handle = await accepted();
  const blank = { actor: leader, ground: 'other' as const, reason: '  ' };
  expect(await refusal(handle.executeUpdate(pauseClockUpdate, { args: [blank] }))).toBe(
    '以“其他”情形暂停计时须写明理由',
  );
  const paused = await handle.executeUpdate(pauseClockUpdate, {
    args: [{ actor: leader, ground: 'other', reason: '当事人所在单位撤并' }],
  });
  expect(paused.clockPaused).toBe(true);
});

test('a pause longer than its bound is escalated to the handling body and its supervising level, then each further working day until the clock resumes', async () => {
  const handle = await accepted();
  const paused = await pauseClock(handle, leader, 'otherInvestigation', '待审计结论');
  const pause = (await waitFor(handle, (s) => s.pauses[0]?.limitAt !== undefined, 'the bound')).pauses[0];
  expect(pause.limitAt).toBe(
    dueAfterWorkingDays(loadCalendar({ holidaysDir: h.holidaysDir }), new Date(paused.pauses[0].from), 2).dueAt,
  );

  await sleepUntil(pause.limitAt!, -60_000);
  expect(await notices(handle.workflowId)).toEqual([]);
  await sleepUntil(pause.limitAt!, 60_000);
  const overdue = await waitFor(handle, (s) => s.pauses[0].overdueNotices === 1, 'the first escalation');
  expect(lastStep(overdue.timeline)).toMatchObject({ kind: 'clockPauseOverdue' });
  expect(lastStep(overdue.timeline)?.summary).toContain('暂停计时超过规定时限仍未恢复');
  const next = overdue.pauses[0].nextEscalationAt!;
  expect(Date.parse(next) - Date.parse(pause.limitAt!)).toBeGreaterThanOrEqual(24 * 3600 * 1000);

  await sleepUntil(next, 60_000);
  await waitFor(handle, (s) => s.pauses[0].overdueNotices === 2, 'the second escalation');
  const sent = await notices(handle.workflowId);
  expect(sent.map((n) => [n.kind, n.recipients])).toEqual([
    ['pauseOverdue', ['disciplineCommission', 'supervisingLevel']],
    ['pauseEscalated', ['disciplineCommission', 'supervisingLevel']],
  ]);

  await handle.executeUpdate(resumeClockUpdate, { args: [{ actor: leader }] });
  await h.env.sleep('10 days');
  expect((await notices(handle.workflowId)).filter((n) => n.kind.startsWith('pause'))).toHaveLength(2);
  await saveHistory(handle, 'pause-escalated');
});
