/**
 * The activities the case workflow calls, each with explicit timeouts and retries. Errors that retrying cannot fix
 * (bad calendar input, a refused notice) are non-retryable at the source.
 *
 * The activities do not heartbeat, so an attempt whose worker dies (crash, SIGKILL, lost machine) is retried only
 * once its start-to-close timeout has passed: each timeout is kept short, a little over the longest a healthy
 * attempt takes (a calendar computation takes milliseconds; a POST to the gateway or the archive service gives up
 * after 10 s), so a worker crash delays a delivery by seconds, not minutes (docs/RELIABILITY.md, Worker crash).
 *
 * Cases of revision 4 on (PROCEDURE_REVISION) ask the calendar through a local activity, with the same timeout
 * and retries: one marker in history instead of three activity events and a workflow task of their own, and the
 * deadline is known within the task that armed it. Notices and archive entries stay scheduled activities: a
 * gateway or an archive service can be down for minutes, and a local activity retrying that long would hold the
 * case's workflow task open, so its officers' next actions and reads would wait for the far side to come back
 * (measured: with both services down, the feedback of a case whose archive entries were retrying waited for them).
 */
import type { ActivityOptions } from '@temporalio/workflow';
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';

import type { ArchiveActivities } from '../activities/archive';
import type { DeadlineActivities } from '../activities/deadlines';
import type { DocumentActivities } from '../activities/documents';
import type { NotifyActivities } from '../activities/notify';
import type { RegisterActivities } from '../activities/register';

const CALENDAR = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['CalendarInputError'] },
} satisfies ActivityOptions;

/** Notices and archive entries keep retrying for as long as the far side is down: none may be lost. */
const DELIVERY = {
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
} satisfies ActivityOptions;

/**
 * A document is numbered, rendered twice and stored in one attempt, which takes under a second (a few on a loaded
 * machine); like the deliveries' the timeout is kept short, so an attempt whose worker died is retried within
 * seconds, and it keeps retrying until the document is issued.
 */
const DOCUMENTS = {
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
} satisfies ActivityOptions;

/** The activities a case calls, as remote or as local activities. */
export interface CaseActivities {
  readonly calendar: DeadlineActivities;
  readonly notify: NotifyActivities;
  readonly archive: ArchiveActivities;
  /** Issuing written documents (cases begun on revision 5 only). */
  readonly documents: DocumentActivities;
}

/** Cases begun before revision 4 schedule activities, as their histories record. */
export const REMOTE_ACTIVITIES: CaseActivities = {
  calendar: proxyActivities<DeadlineActivities>(CALENDAR),
  notify: proxyActivities<NotifyActivities>(DELIVERY),
  archive: proxyActivities<ArchiveActivities>(DELIVERY),
  documents: proxyActivities<DocumentActivities>(DOCUMENTS),
};

/** Revision 4 on: the calendar as a local activity; deliveries as before. */
export const LOCAL_ACTIVITIES: CaseActivities = {
  ...REMOTE_ACTIVITIES,
  calendar: proxyLocalActivities<DeadlineActivities>(CALENDAR),
};

/** The register's projection: a scheduled activity that retries until the register answers. */
export const REGISTER_SCHEDULED = proxyActivities<RegisterActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});
