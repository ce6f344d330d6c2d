import { CalendarInputError } from './errors';
import { hasUnpausedMoment, normalizePauses, openPauseStart, type PauseSpan } from './pauses';
import {
  assertSupportedDay,
  dayStartMs,
  describe,
  formatLocalDate,
  requireInstant,
  shanghaiDayOf,
  yearOf,
  type DayNumber,
} from './shanghai';
import type { Deadline, Pause, PeriodStatus, SuspendedDeadline, WorkingCalendar, WorkingDaysUsed } from './types';

/** Statutory periods are a few working days; anything beyond a year of them is a caller's mistake. */
export const MAX_WORKING_DAYS = 366;

/**
 * The end of a period of `n` working days starting after `triggeredAt`.
 *
 * The triggering day (the Asia/Shanghai civil date of `triggeredAt`, whatever kind of day it is) is not
 * counted; counting starts at 00:00 of the next civil day, and the period ends at 24:00 of its n-th
 * working day. `provisional` is true when any day from the first counted day to the last working day
 * lies in a year without a known arrangement.
 *
 * @throws CalendarInputError for an invalid Date, an `n` that isn't an integer in 1..366, or a period
 *   reaching outside 2004–2099.
 */
export function dueAfterWorkingDays(cal: WorkingCalendar, triggeredAt: Date, n: number): Deadline {
  const result = countForward(cal, triggeredAt, n, []);
  if (result.dueAt === null) throw new Error('a period without pauses cannot be suspended');
  return result;
}

/**
 * Like {@link dueAfterWorkingDays}, with the clock stopped during `pauses`.
 *
 * Rule: a working day counts only if some part of its 24 hours (Asia/Shanghai) lies outside every
 * pause. A working day wholly inside a pause (or inside back-to-back pauses) is skipped and the days left
 * carry over past the resumption; a working day on which a pause starts or ends counts in full.
 *
 * While a pause has no `until`, no due instant exists once the counting reaches it: the result then has
 * `dueAt: null`, the working days used before it and those left to run after resumption. If the period
 * is used up before the open pause starts, the ordinary deadline is returned.
 *
 * @throws CalendarInputError as dueAfterWorkingDays, and for a pause that isn't an ISO instant with an
 *   offset or ends before it starts.
 */
export function dueAfterWorkingDaysWithPauses(
  cal: WorkingCalendar,
  triggeredAt: Date,
  n: number,
  pauses: readonly Pause[],
): Deadline | SuspendedDeadline {
  return countForward(cal, triggeredAt, n, normalizePauses(pauses));
}

/**
 * The working days used between two instants, with paused spans taken out.
 *
 * Days examined are the civil days after the one containing `from`, up to the one containing `to`. A
 * working day counts as used when some part of it that lies before `to` is outside every pause: the
 * current day counts as soon as an unpaused moment of it has passed, and a day wholly inside a pause
 * never counts. `to` at exactly 00:00 Asia/Shanghai does not start that day, so the used days at a
 * deadline's `dueAt` equal the period's length.
 *
 * @throws CalendarInputError for an invalid Date, `to` before `from`, a bad pause, or dates outside 2004–2099.
 */
export function workingDaysBetween(
  cal: WorkingCalendar,
  from: Date,
  to: Date,
  pauses: readonly Pause[],
): WorkingDaysUsed {
  const fromMs = requireInstant(from, 'from');
  const toMs = requireInstant(to, 'to');
  if (toMs < fromMs) {
    throw new CalendarInputError(`to (${to.toISOString()}) is before from (${from.toISOString()})`);
  }
  const spans = normalizePauses(pauses);
  const firstDay = shanghaiDayOf(fromMs);
  assertSupportedDay(firstDay, 'from');
  let used = 0;
  let provisional = false;
  for (let day = firstDay + 1; dayStartMs(day) < toMs; day++) {
    assertSupportedDay(day, 'to reaches');
    provisional ||= !cal.isKnownYear(yearOf(day));
    if (countsAsUsed(cal, spans, day, toMs)) used++;
  }
  return { used, provisional, calendarVersion: cal.version };
}

/**
 * Where a period of `n` working days triggered at `triggeredAt` stands at `now`, with `pauses` taken out:
 * the working days used (rule of {@link workingDaysBetween}), those left after the current day, the due
 * instant (rule of {@link dueAfterWorkingDaysWithPauses}, null while an open pause holds the clock) and
 * whether it has passed. `provisional` covers every day either computation examined.
 *
 * @throws CalendarInputError for invalid inputs, including `now` before `triggeredAt`.
 */
export function remainingWorkingDays(
  cal: WorkingCalendar,
  triggeredAt: Date,
  n: number,
  now: Date,
  pauses: readonly Pause[],
): PeriodStatus {
  const deadline = dueAfterWorkingDaysWithPauses(cal, triggeredAt, n, pauses);
  const { used, provisional } = workingDaysBetween(cal, triggeredAt, now, pauses);
  return {
    used,
    remaining: Math.max(0, n - used),
    dueAt: deadline.dueAt,
    overdue: deadline.dueAt !== null && now.getTime() >= Date.parse(deadline.dueAt),
    provisional: provisional || deadline.provisional,
    calendarVersion: cal.version,
  };
}

function countForward(
  cal: WorkingCalendar,
  triggeredAt: Date,
  n: number,
  spans: readonly PauseSpan[],
): Deadline | SuspendedDeadline {
  const triggerMs = requireInstant(triggeredAt, 'triggeredAt');
  requirePeriodLength(n);
  const triggerDay = shanghaiDayOf(triggerMs);
  assertSupportedDay(triggerDay, 'triggeredAt');
  const openSince = openPauseStart(spans);
  let used = 0;
  let provisional = false;
  for (let day = triggerDay + 1; ; day++) {
    if (openSince !== undefined && dayStartMs(day) >= openSince) {
      return {
        dueAt: null,
        suspendedSince: new Date(openSince).toISOString(),
        usedWorkingDays: used,
        remainingWorkingDays: n - used,
        provisional,
        calendarVersion: cal.version,
      };
    }
    assertSupportedDay(day, 'the period reaches');
    provisional ||= !cal.isKnownYear(yearOf(day));
    if (countsAsUsed(cal, spans, day, Infinity)) used++;
    if (used === n) {
      return {
        dueAt: new Date(dayStartMs(day + 1)).toISOString(),
        lastWorkingDay: formatLocalDate(day),
        provisional,
        calendarVersion: cal.version,
      };
    }
  }
}

function countsAsUsed(cal: WorkingCalendar, spans: readonly PauseSpan[], day: DayNumber, untilMs: number): boolean {
  const start = dayStartMs(day);
  return (
    cal.isWorkingDay(formatLocalDate(day)) && hasUnpausedMoment(spans, start, Math.min(dayStartMs(day + 1), untilMs))
  );
}

function requirePeriodLength(n: unknown): void {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_WORKING_DAYS) {
    throw new CalendarInputError(
      `the number of working days must be an integer from 1 to ${MAX_WORKING_DAYS}, got ${describe(n)}`,
    );
  }
}
