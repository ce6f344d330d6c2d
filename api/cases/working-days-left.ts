/**
 * Working days left until each running deadline, as officers count them: today (Asia/Shanghai) counts while it is a
 * working day, up to and including the deadline's last working day; past it, the working days overdue are negative.
 * Computed by the API from the same calendar the workers use, so no page counts working days on its own.
 */
import type { WorkingCalendar } from '../../calendar';
import { shanghaiDateOf } from '../../domain/dates';

const DAY_MS = 24 * 3600 * 1000;

/** The date after `date` (YYYY-MM-DD). */
function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** Working days from `from` through `to`, both included; 0 when `to` is before `from`. */
function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  let count = 0;
  for (let d = from; d <= to; d = nextDate(d)) if (calendar.isWorkingDay(d)) count += 1;
  return count;
}

/**
 * Working days left at `now` for a deadline due at `dueAt` (24:00 of its last working day, as a UTC instant):
 * positive while running, negative the working days past it, 0 on a day off after the last working day.
 */
export function workingDaysLeft(calendar: WorkingCalendar, dueAt: string, now: Date): number {
  const today = shanghaiDateOf(now.toISOString());
  // 24:00 of the last working day is 0:00 of the next date: one millisecond earlier is the last working day.
  const lastDay = shanghaiDateOf(new Date(Date.parse(dueAt) - 1).toISOString());
  if (today <= lastDay) return workingDaysBetween(calendar, today, lastDay);
  const past = workingDaysBetween(calendar, nextDate(lastDay), today);
  return past === 0 ? 0 : -past;
}

/** A deadline as the API answers it, with `workingDaysLeft` on those still running or overdue. */
export function withWorkingDaysLeft<D extends { dueAt: string; status: string }>(
  calendar: WorkingCalendar,
  deadlines: readonly D[],
  now: Date,
): (D & { workingDaysLeft?: number })[] {
  return deadlines.map((d) =>
    d.status === 'running' || d.status === 'overdue'
      ? { ...d, workingDaysLeft: workingDaysLeft(calendar, d.dueAt, now) }
      : d,
  );
}
