/**
 * Statutory deadlines inside the workflow: the due instant is computed by an activity (calendar data never enters
 * the workflow) and kept in history; the workflow only waits for it. A missed deadline notifies and is recorded for
 * 责任倒查; it never decides anything by itself.
 */
import { condition, proxyActivities } from '@temporalio/workflow';

import type { DeadlineActivities } from '../activities/deadlines';
import type { NotifyActivities } from '../activities/notify';
import { HANDLING_BODY_NAMES } from '../domain/labels';
import type { CaseRecord } from './case-record';
import { msUntil, workflowNow } from './clock';

const { computeDeadline } = proxyActivities<DeadlineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['CalendarInputError'] },
});

const { sendNotice } = proxyActivities<NotifyActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** Computes a statutory period once, in an activity, and keeps the result in the case. */
export async function armDeadline(
  c: CaseRecord,
  request: { readonly id: string; readonly clause: string; readonly workingDays: number; readonly triggeredAt: string },
): Promise<void> {
  const computed = await computeDeadline(request);
  c.addDeadline({ ...request, ...computed, status: 'running' });
  c.record('deadlineArmed', `${request.clause}，期限至 ${computed.dueAt}${computed.provisional ? '（暂定）' : ''}`);
}

/** Waits until `isMet` or the due instant; when the instant passes first, records and notifies the overdue step. */
export async function watchDeadline(c: CaseRecord, id: string, isMet: () => boolean): Promise<void> {
  const deadline = c.deadline(id);
  if (!deadline) throw new Error(`deadline ${id} was never armed`);
  const metInTime = await condition(isMet, msUntil(deadline.dueAt), { summary: deadline.clause });
  if (!metInTime) {
    c.updateDeadline(id, { status: 'overdue' });
    const body = HANDLING_BODY_NAMES[c.submission.handlingBody];
    c.record('deadlineOverdue', `已超过期限：${deadline.clause}；已通知${body}及其上级`);
    await sendNotice({
      key: `${c.submission.caseNumber}/${id}/overdue`,
      caseNumber: c.submission.caseNumber,
      kind: 'deadlineOverdue',
      recipients: [c.submission.handlingBody, 'supervisingLevel'],
      text: `案件 ${c.submission.caseNumber} 已超过期限：${deadline.clause}（应于 ${deadline.dueAt} 前完成），请及时办理。`,
    });
    await condition(isMet);
  }
  c.updateDeadline(id, { status: 'met', metAt: workflowNow().toISOString() });
}
