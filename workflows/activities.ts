/**
 * The activities the case workflow calls, each with explicit timeouts and retries. Errors that retrying cannot fix
 * (bad calendar input, a refused notice) are non-retryable at the source.
 */
import { proxyActivities } from '@temporalio/workflow';

import type { ArchiveActivities } from '../activities/archive';
import type { DeadlineActivities } from '../activities/deadlines';
import type { NotifyActivities } from '../activities/notify';

export const calendar = proxyActivities<DeadlineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['CalendarInputError'] },
});

/** Notices keep retrying for as long as the transport is down: a deadline notice must not be lost. */
export const notify = proxyActivities<NotifyActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** Archive writes retry without end too: every exemption or reduction must reach both files. */
export const archive = proxyActivities<ArchiveActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});
