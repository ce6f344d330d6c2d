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

/** Today's date in Asia/Shanghai, by the workflow clock: what dates officers give are checked against it. */
export function shanghaiToday(): string {
  return shanghaiDateOf(workflowNow().toISOString());
}
