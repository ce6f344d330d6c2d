/**
 * The one place workflow code reads the time. Inside Temporal's workflow sandbox `Date` is the start time of the
 * current workflow task, recorded in history and identical on replay; it is the server's clock, so it also follows
 * the time-skipping test server. Nothing else in `workflows/` may construct a date from the wall clock.
 */
import { shanghaiDateOf } from '../domain/dates';

export function workflowNow(): Date {
  return new Date();
}

/** Milliseconds from now until `iso`, never negative: a period already over fires at once. */
export function msUntil(iso: string): number {
  return Math.max(0, Date.parse(iso) - workflowNow().getTime());
}

/** The Date for a recorded ISO instant (search attributes take Dates); reads no clock. */
export function instant(iso: string): Date {
  return new Date(iso);
}

/** The ISO instant `ms` milliseconds after `iso`. */
export function addMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/**
 * A recorded instant as officers read it, in Beijing time: `2026年10月9日24时` for the end of a day (as the statutory
 * periods end), else `2026年10月9日9时30分`. Pure arithmetic on the string; reads no clock.
 */
export function beijingText(iso: string): string {
  const local = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS);
  const endOfDay = local.getUTCHours() === 0 && local.getUTCMinutes() === 0;
  const day = endOfDay ? new Date(local.getTime() - 1) : local;
  const date = `${day.getUTCFullYear()}年${day.getUTCMonth() + 1}月${day.getUTCDate()}日`;
  return endOfDay
    ? `${date}24时`
    : `${date}${local.getUTCHours()}时${String(local.getUTCMinutes()).padStart(2, '0')}分`;
}

/** Today's date in Asia/Shanghai, by the workflow clock: what dates officers give are checked against it. */
export function shanghaiToday(): string {
  return shanghaiDateOf(workflowNow().toISOString());
}
