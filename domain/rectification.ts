/**
 * 整改及时到位: whether a fix verified at an instant was in time for the order's due date. Pure, so the workflow and
 * the unit tests judge alike.
 */
import type { Deadline } from './case';

/**
 * True when a fix verified at `verifiedAt` (an ISO instant) is in time: the period had not run out. An overdue
 * period was missed whenever it is verified; a running one is missed once its due instant has passed, even before
 * its overdue notice went out. A period the clock's pause stopped (`pausedSince`) before its due instant has not
 * run out, however long the pause; one stopped after it had.
 */
export function fixedInTime(
  period: Pick<Deadline, 'status' | 'dueAt'>,
  verifiedAt: string,
  pausedSince?: string,
): boolean {
  const due = Date.parse(period.dueAt);
  if (period.status === 'overdue') return false;
  if (period.status === 'paused') return pausedSince === undefined || Date.parse(pausedSince) <= due;
  return Date.parse(verifiedAt) <= due;
}
