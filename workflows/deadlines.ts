/**
 * Statutory deadlines inside the workflow. Every instant is computed by an activity and kept in history; the
 * workflow only waits. Each deadline runs a reminder ladder: a reminder before it is due, an overdue notice to the
 * handling body and its supervising level at the due instant, then one more each further working day until the
 * step is done, each recorded for 责任倒查. A missed deadline never decides or approves anything by itself.
 */
import { condition } from '@temporalio/workflow';

import type { Notice } from '../activities/notify';
import type { Deadline, HandlingBody } from '../domain/case';
import type { TimelyPeriod } from '../domain/periods';
import { PERIODS, periodFor, periodMet } from '../domain/periods';
import type { LadderStep } from '../domain/texts';
import { DEADLINE_TEXTS } from '../domain/texts';
import type { CaseContext } from './context';
import { sendNotice } from './delivery';
import { msUntil, workflowNow } from './clock';

export interface DeadlineSpec {
  readonly id: string;
  readonly clause: string;
  readonly workingDays: number;
}

/**
 * Patches of 0.2.0 (release 0.1.0 let a deadline armed or recomputed during a pause run as if the clock were
 * going, so the paused days counted against the officer): cases that began on 0.1.0 replay the old way.
 */
const PAUSED_ARMING = 'deadline-armed-during-pause-is-paused';
const PAUSED_RECOMPUTE = 'deadline-recomputed-during-pause-stays-paused';

/**
 * Computes a statutory period, in an activity, and keeps the result in the case. It runs from now, or from
 * `triggeredAt` when the triggering event happened before it was recorded (a meeting's decision); the Asia/Shanghai
 * day of the trigger is not counted.
 */
export async function armDeadline(
  c: CaseContext,
  spec: DeadlineSpec,
  triggeredAt = workflowNow().toISOString(),
): Promise<Deadline> {
  const computed = await c.calendar((cal) => cal.computeDeadline({ workingDays: spec.workingDays, triggeredAt }));
  // Armed while the clock is paused, the deadline waits for the resume, which recomputes it without the pause.
  const paused = c.clockPaused() && c.patched(PAUSED_ARMING);
  const deadline: Deadline = {
    ...spec,
    triggeredAt,
    ...computed,
    status: paused ? 'paused' : 'running',
    reminderSent: false,
    overdueNotices: 0,
    changes: [],
  };
  c.putDeadline(deadline);
  c.record('deadlineArmed', DEADLINE_TEXTS.armed(spec.clause, computed.dueAt, computed.provisional));
  return deadline;
}

/** Recomputes a deadline with the clock's pauses (after a resume, or a newly loaded year) and records any change. */
export async function recomputeDeadline(
  c: CaseContext,
  id: string,
  reason: 'resumed' | 'calendarLoaded',
): Promise<void> {
  const before = c.deadline(id);
  if (!before) return;
  const pauses = c.data.pauses.filter((p) => p.until !== undefined && p.until > before.triggeredAt);
  const computed = await c.calendar((cal) =>
    cal.computeDeadline({
      workingDays: before.workingDays,
      triggeredAt: before.triggeredAt,
      pauses: pauses.map((p) => ({ from: p.from, until: p.until })),
    }),
  );
  const current = c.deadline(id) ?? before;
  const unchanged =
    computed.dueAt === current.dueAt &&
    computed.provisional === current.provisional &&
    computed.calendarVersion === current.calendarVersion;
  if (unchanged && reason === 'calendarLoaded') return;
  const change = {
    at: workflowNow().toISOString(),
    reason,
    oldDueAt: current.dueAt,
    newDueAt: computed.dueAt,
    calendarVersion: computed.calendarVersion,
  };
  c.putDeadline({
    ...current,
    ...computed,
    // A pause that came while the calendar was asked keeps the deadline paused until its own resume.
    status:
      current.status === 'paused' && !(c.clockPaused() && c.patched(PAUSED_RECOMPUTE)) ? 'running' : current.status,
    reminderSent: current.reminderSent && computed.remindAt === current.remindAt,
    changes: [...current.changes, change],
  });
  c.record(
    'deadlineRecomputed',
    DEADLINE_TEXTS.recomputed(current.clause, current.dueAt, computed.dueAt, reason, computed.calendarVersion),
  );
}

type Step = { readonly kind: LadderStep; readonly at: string };

function nextStep(d: Deadline): Step | undefined {
  if (d.status === 'running' && !d.reminderSent && d.remindAt && d.remindAt < d.dueAt) {
    return { kind: 'reminder', at: d.remindAt };
  }
  if (d.status === 'running') return { kind: 'due', at: d.dueAt };
  if (d.status === 'overdue' && d.nextEscalationAt) return { kind: 'escalation', at: d.nextEscalationAt };
  return undefined;
}

/**
 * Watches one deadline until `isMet`: waits for the next step of the ladder, stops while the clock is paused, and
 * starts over whenever the deadline is recomputed. Safe to start again on a new run from the saved state.
 */
export async function superviseDeadline(c: CaseContext, id: string, isMet: () => boolean): Promise<void> {
  for (;;) {
    const d = c.deadline(id);
    if (!d || d.status === 'met') return;
    if (isMet()) {
      c.putDeadline({ ...d, status: 'met', metAt: workflowNow().toISOString() });
      return;
    }
    if (c.clockPaused() || d.status === 'paused') {
      // Waits for exactly the negation of the test above: a deadline still running while the clock is paused (armed
      // during the pause, or set running again by a recompute the next pause overtook) would otherwise pass the
      // wait at once and spin here forever, which takes the worker process down.
      await condition(() => isMet() || (!c.clockPaused() && c.deadline(id)?.status !== 'paused'));
      continue;
    }
    const step = nextStep(d);
    if (!step) {
      await condition(isMet);
      continue;
    }
    const revision = d.changes.length;
    const interrupted = await condition(
      () => isMet() || c.clockPaused() || c.deadline(id)?.changes.length !== revision,
      msUntil(step.at),
      { summary: DEADLINE_TEXTS.stepTimer(d.clause, step.kind) },
    );
    if (!interrupted) await c.bg.effect(() => fire(c, d, step));
  }
}

async function fire(c: CaseContext, d: Deadline, step: Step): Promise<void> {
  const body = c.data.submission.handlingBody;
  const caseNumber = c.caseNumber;
  if (step.kind === 'reminder') {
    c.putDeadline({ ...d, reminderSent: true });
    c.record('deadlineReminder', DEADLINE_TEXTS.reminder(d.clause, d.dueAt));
    await sendNotice(c, {
      key: `${caseNumber}/${d.id}/${d.changes.length}/reminder`,
      caseNumber,
      kind: 'deadlineReminder',
      recipients: remindedOf(c, d, body),
      text: DEADLINE_TEXTS.reminderNotice(caseNumber, d.clause, d.dueAt),
    });
    return;
  }
  const count = d.overdueNotices + 1;
  const { at: nextEscalationAt } = await c.calendar((cal) => cal.nextEscalation(step.at));
  c.putDeadline({ ...d, status: 'overdue', overdueNotices: count, nextEscalationAt });
  c.record(
    step.kind === 'due' ? 'deadlineOverdue' : 'deadlineEscalated',
    DEADLINE_TEXTS.overdue(step.kind, count, d.clause, body),
  );
  await sendNotice(c, {
    key: `${caseNumber}/${d.id}/overdue/${count}`,
    caseNumber,
    kind: step.kind === 'due' ? 'deadlineOverdue' : 'deadlineEscalated',
    recipients: [body, 'supervisingLevel'],
    text: DEADLINE_TEXTS.overdueNotice(caseNumber, d.clause, d.dueAt, count),
  });
}

/**
 * Who a reminder goes to: the handling body; for the fix of a rectification also the party and its unit, who must
 * fix it (release 0.4.0 on).
 */
function remindedOf(c: CaseContext, d: Deadline, body: HandlingBody): Notice['recipients'] {
  return c.current && d.id === PERIODS.rectification.id ? [body, 'party', 'partyUnit'] : [body];
}

export { PERIODS };

/** Starts (or, on a new run, restarts) the ladder of a deadline in the background. */
export function watchDeadline(c: CaseContext, id: keyof typeof PERIODS): void {
  c.bg.run(() => superviseDeadline(c, id, () => periodMet(id, c.data)));
}

/**
 * Starts the 及时 period of a step (local policy, `domain/periods.ts`) on a case of the current revision, and
 * answers the work to await; cases begun earlier had none, and get undefined so that a synchronous effect stays
 * synchronous for them, as their histories recorded it.
 */
export function startTimelyPeriod(c: CaseContext, id: TimelyPeriod): Promise<void> | undefined {
  if (!c.current) return undefined;
  return armDeadline(c, periodFor(id, c.data.submission.fastTrack)).then(() => watchDeadline(c, id));
}
