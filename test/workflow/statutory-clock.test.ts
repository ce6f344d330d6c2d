/**
 * The statutory clock inside a case, on the time-skipping server: the reminder ladder, pausing and resuming, and a
 * provisional deadline recomputed once the year it depends on is loaded. Expectations are relative to the server's
 * clock, so the tests hold whatever day they run on; the calendar's dates are pinned by the unit tests.
 */
import { dueAfterWorkingDaysWithPauses, fixedStatutoryHolidayDates, loadCalendar } from '../../calendar';
import {
  approveHandlingOpinionSignal,
  caseStateQuery,
  calendarLoadedSignal,
  pauseClockUpdate,
  proposeHandlingOpinionUpdate,
  resumeClockUpdate,
} from '../../workflows/messages';
import { decideAcceptanceUpdate } from '../../workflows/messages';
import { caseOfficer, decisionId, leader } from '../helpers/cases';
import { saveHistory } from '../helpers/histories';
import type { CaseHandle, WorkflowHarness } from '../helpers/workflow-env';
import { pauseClock, recordTalk, startCase, startHarness, waitFor, writeHolidayFile } from '../helpers/workflow-env';

const DAY = 24 * 3600 * 1000;
let h: WorkflowHarness;
beforeAll(async () => {
  h = await startHarness('statutory-clock');
});
afterAll(async () => {
  await h?.stop();
});

async function accepted(): Promise<CaseHandle> {
  const handle = await startCase(h);
  await handle.executeUpdate(decideAcceptanceUpdate, {
    args: [{ decision: 'accept', actor: caseOfficer, caseOfficer: caseOfficer.id }],
  });
  await waitFor(handle, (s) => s.deadlines.length === 1, 'the handling-opinion deadline');
  return handle;
}

const kinds = async (caseNumber: string) =>
  (await h.outbox.list()).filter((n) => n.caseNumber === caseNumber).map((n) => n.kind);

async function sleepUntil(iso: string, offsetMs: number): Promise<void> {
  const ms = Date.parse(iso) + offsetMs - (await h.env.currentTimeMs());
  if (ms > 0) await h.env.sleep(ms);
}

test('a reminder goes out at the start of the last working day, not before', async () => {
  const handle = await accepted();
  const [deadline] = (await waitFor(handle, () => true)).deadlines;
  expect(deadline.remindAt).toBe(new Date(Date.parse(deadline.dueAt) - DAY).toISOString());
  await sleepUntil(deadline.remindAt as string, -60_000);
  expect(await kinds(handle.workflowId)).toEqual([]);
  await sleepUntil(deadline.remindAt as string, 60_000);
  const reminded = await waitFor(handle, (s) => s.deadlines[0].reminderSent, 'the reminder');
  expect(reminded.timeline.map((e) => e.kind)).toContain('deadlineReminder');
  expect(await kinds(handle.workflowId)).toEqual(['deadlineReminder']);
});

test('a missed deadline notifies the body and its supervising level, then once more each further working day', async () => {
  const handle = await accepted();
  const [deadline] = (await waitFor(handle, () => true)).deadlines;
  await sleepUntil(deadline.dueAt, 60_000);
  const overdue = await waitFor(handle, (s) => s.deadlines[0].status === 'overdue', 'overdue');
  expect(overdue.stage).toBe('handlingOpinion');
  const next = overdue.deadlines[0].nextEscalationAt as string;
  expect(Date.parse(next) - Date.parse(deadline.dueAt)).toBeGreaterThanOrEqual(DAY);

  await sleepUntil(next, 60_000);
  const escalated = await waitFor(handle, (s) => s.deadlines[0].overdueNotices === 2, 'the second notice');
  expect(escalated.timeline.filter((e) => e.kind === 'deadlineEscalated')).toHaveLength(1);
  const overdueNotices = (await h.outbox.list()).filter(
    (n) => n.caseNumber === handle.workflowId && n.kind !== 'deadlineReminder',
  );
  expect(overdueNotices.map((n) => n.recipients)).toEqual([
    ['disciplineCommission', 'supervisingLevel'],
    ['disciplineCommission', 'supervisingLevel'],
  ]);

  // The missed deadline decided nothing; the officer's late opinion ends the ladder.
  await handle.executeUpdate(proposeHandlingOpinionUpdate, {
    args: [{ actor: caseOfficer, opinion: '拟启动调查核实', route: 'investigate' }],
  });
  await h.env.sleep('10 days');
  const done = await waitFor(handle, (s) => s.deadlines[0].status === 'met', 'met');
  expect(done.deadlines[0].overdueNotices).toBe(2);
  expect(done.stage).toBe('opinionApproval');
  await saveHistory(handle, 'handling-opinion-overdue-ladder');
});

test('a pause stops the clock and the working days left carry over after the resume', async () => {
  const handle = await accepted();
  const [before] = (await waitFor(handle, () => true)).deadlines;
  await h.env.sleep('1 day');
  const paused = await pauseClock(handle);
  expect(paused.deadlines[0].status).toBe('paused');
  expect(paused.allowedActions.map((a) => a.action)).toContain('resumeClock');

  await h.env.sleep('14 days');
  expect(await kinds(handle.workflowId)).toEqual([]);
  const resumed = await handle.executeUpdate(resumeClockUpdate, { args: [{ actor: leader }] });
  const [after] = resumed.deadlines;
  expect(after.status).toBe('running');
  const { pauses } = await handle.query(caseStateQuery);
  const pause = pauses[0] as { from: string; until: string };
  // The workflow must hand the calendar the pause it recorded; the calendar's arithmetic is pinned by unit tests.
  const expected = dueAfterWorkingDaysWithPauses(
    loadCalendar({ holidaysDir: h.holidaysDir }),
    new Date(before.triggeredAt),
    5,
    [pause],
  );
  expect(after.dueAt).toBe(expected.dueAt);
  // Thirteen whole days paused hold at least seven working days, whatever the holidays.
  expect(Date.parse(after.dueAt) - Date.parse(before.dueAt)).toBeGreaterThanOrEqual(7 * DAY);
  expect(after.changes).toEqual([
    expect.objectContaining({ reason: 'resumed', oldDueAt: before.dueAt, newDueAt: after.dueAt }),
  ]);
  expect(pauses).toEqual([
    expect.objectContaining({
      by: caseOfficer,
      reason: '等待补充材料',
      from: expect.any(String),
      until: expect.any(String),
    }),
  ]);
  await saveHistory(handle, 'clock-paused-and-resumed');
});

test('a deadline armed while the clock is paused waits, and its working days start at the resume', async () => {
  const handle = await accepted();
  await pauseClock(handle);
  await handle.executeUpdate(proposeHandlingOpinionUpdate, {
    args: [{ actor: caseOfficer, opinion: '约谈提醒，限期整改', route: 'rectification', fixWithinWorkingDays: 3 }],
  });
  await handle.signal(approveHandlingOpinionSignal, {
    decisionId: decisionId(),
    actor: leader,
    approved: true,
    comment: '同意',
  });
  await waitFor(handle, (s) => s.stage === 'rectification', 'the rectification');
  const armed = (await recordTalk(handle)).deadlines.find((d) => d.id === 'rectification')!;
  expect(armed.status).toBe('paused');

  // Longer than the three working days: paused, nothing may fall due.
  await h.env.sleep('14 days');
  expect((await kinds(handle.workflowId)).filter((k) => k !== 'rectificationOrder')).toEqual([]);
  const resumed = await handle.executeUpdate(resumeClockUpdate, { args: [{ actor: leader }] });
  const after = resumed.deadlines.find((d) => d.id === 'rectification')!;
  const { pauses } = await handle.query(caseStateQuery);
  const pause = pauses[0] as { from: string; until: string };
  expect(after.status).toBe('running');
  const expected = dueAfterWorkingDaysWithPauses(
    loadCalendar({ holidaysDir: h.holidaysDir }),
    new Date(armed.triggeredAt),
    3,
    [pause],
  );
  expect(after.dueAt).toBe(expected.dueAt);
  expect(Date.parse(after.dueAt)).toBeGreaterThan(Date.parse(pause.until) + 2 * DAY);
  await saveHistory(handle, 'deadline-armed-during-pause');
});

test('a pause is refused on a case whose clock is not running', async () => {
  const handle = await startCase(h);
  await expect(
    handle.executeUpdate(pauseClockUpdate, {
      args: [{ actor: caseOfficer, ground: 'supplementaryMaterial', reason: '等待材料' }],
    }),
  ).rejects.toThrow();
  const state = await waitFor(handle, () => true);
  expect(state.pauses).toEqual([]);
});

// A year of server time drives every open case of this file through its daily escalations, each task also
// projecting into the register through a scheduled activity: about ten minutes on this machine.
test('a deadline crossing into a year with no arrangement is provisional and recomputed when the year is loaded', async () => {
  // 10:00 Shanghai on the next 28 December: five working days from there always reach into the next year.
  const now = await h.env.currentTimeMs();
  let year = new Date(now).getUTCFullYear();
  if (Date.UTC(year, 11, 28, 2) <= now) year += 1;
  await h.env.sleep(Date.UTC(year, 11, 28, 2) - now);
  const next = year + 1;
  // Only the next year may be unknown: a year the built-in data lacks gets its fixed holidays from an operator file.
  if (!loadCalendar({ holidaysDir: h.holidaysDir }).isKnownYear(year)) {
    writeHolidayFile(h, year, { year, notice: '测试用安排', holidays: fixedStatutoryHolidayDates(year), workdays: [] });
    h.reloadCalendar();
  }
  if (loadCalendar({ holidaysDir: h.holidaysDir }).isKnownYear(next)) throw new Error(`${next} is already known`);

  const handle = await accepted();
  const [provisional] = (await waitFor(handle, () => true)).deadlines;
  expect(provisional.provisional).toBe(true);

  // An operator's file for the next year that also gives 4 and 5 January off (a test arrangement, not a notice).
  const extra = [`${next}-01-04`, `${next}-01-05`].filter(
    (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
  );
  writeHolidayFile(h, next, {
    year: next,
    notice: '测试用安排，不是真实通知 (test arrangement, not a real notice)',
    holidays: [
      ...fixedStatutoryHolidayDates(next),
      ...extra
        .filter((d) => !fixedStatutoryHolidayDates(next).some((f) => f.date === d))
        .map((date) => ({ date, name: '测试假日' })),
    ],
    workdays: [],
  });
  const calendar = h.reloadCalendar();
  await h.env.client.workflow.getHandle(handle.workflowId).signal(calendarLoadedSignal, {
    year: next,
    calendarVersion: calendar.version,
  });
  const recomputed = await waitFor(handle, (s) => s.deadlines[0].changes.length === 1, 'the recomputation');
  const [after] = recomputed.deadlines;
  expect(after.provisional).toBe(false);
  expect(after.calendarVersion).toBe(calendar.version);
  expect(Date.parse(after.dueAt)).toBeGreaterThan(Date.parse(provisional.dueAt));
  expect(after.changes[0]).toMatchObject({
    reason: 'calendarLoaded',
    oldDueAt: provisional.dueAt,
    newDueAt: after.dueAt,
    calendarVersion: calendar.version,
  });
  await saveHistory(handle, 'provisional-deadline-recomputed');
}, 1_200_000);
