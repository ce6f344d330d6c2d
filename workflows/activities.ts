/**
 * The activities the case workflow calls, each with explicit timeouts and retries. Errors that retrying cannot fix
 * (bad calendar input, a refused notice) are non-retryable at the source.
 *
 * The activities do not heartbeat, so an attempt whose worker dies (crash, SIGKILL, lost machine) is retried only
 * once its start-to-close timeout has passed: each timeout is kept short, a little over the longest a healthy
 * attempt takes (a calendar computation takes milliseconds; a POST to the gateway or the archive service gives up
 * after 10 s), so a worker crash delays a delivery by seconds, not minutes (docs/RELIABILITY.md, Worker crash).
 */
import { proxyActivities } from '@temporalio/workflow';

import type { ArchiveActivities } from '../activities/archive';
import type { DeadlineActivities } from '../activities/deadlines';
import type { NotifyActivities } from '../activities/notify';

export const calendar = proxyActivities<DeadlineActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['CalendarInputError'] },
});

/** Notices keep retrying for as long as the transport is down: a deadline notice must not be lost. */
export const notify = proxyActivities<NotifyActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** Archive writes retry without end too: every exemption or reduction must reach both files. */
export const archive = proxyActivities<ArchiveActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});
