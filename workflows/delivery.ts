/**
 * Notices and archive entries as the stages send them. A notice the transport refuses outright (NoticeRefused: the
 * gateway said the notice itself is wrong) must not end the case: the refusal is recorded in the timeline, where
 * operators and a later 责任倒查 see it, and the procedure goes on. The same holds for an archive entry the archive
 * service refuses (ArchiveRefused), which stays owed. Every other failure is retried by the activity policy.
 */
import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';

import type { ArchiveEntry } from '../activities/archive';
import type { DeliveryReceipt, Notice } from '../activities/notify';
import type { ArchiveReceipt } from '../domain/case';
import type { NoticeKind } from '../domain/labels';
import { DELIVERY_TEXTS } from '../domain/texts';
import type { CaseContext } from './context';

/** Sends `notice`; answers undefined when the transport refused it, after recording the refusal. */
export async function sendNotice(c: CaseContext, notice: Notice): Promise<DeliveryReceipt | undefined> {
  try {
    return await c.activities.notify.sendNotice(notice);
  } catch (err) {
    const reason = refusal(err, 'NoticeRefused');
    if (reason === undefined) throw err;
    c.record('noticeRefused', DELIVERY_TEXTS.noticeRefused(notice.kind, reason));
    return undefined;
  }
}

/**
 * Tells the party and their unit in writing, as every conclusion and order does: a step that must finish once
 * started (`c.bg.effect`), under the key `<case number>/<key>`, so that a retried delivery is kept once.
 */
export function tellParty(
  c: CaseContext,
  key: string,
  kind: NoticeKind,
  text: string,
): Promise<DeliveryReceipt | undefined> {
  return c.bg.effect(() =>
    sendNotice(c, {
      key: `${c.caseNumber}/${key}`,
      caseNumber: c.caseNumber,
      kind,
      recipients: ['party', 'partyUnit'],
      text,
    }),
  );
}

/** Files `entry`; answers undefined when the archive service refused it, after recording the refusal. */
export async function archiveOnce(c: CaseContext, entry: ArchiveEntry): Promise<ArchiveReceipt | undefined> {
  try {
    return await c.activities.archive.archiveDecision(entry);
  } catch (err) {
    const reason = refusal(err, 'ArchiveRefused');
    if (reason === undefined) throw err;
    c.record('archiveRefused', DELIVERY_TEXTS.archiveRefused(entry.file, reason));
    return undefined;
  }
}

/** The message of a non-retryable refusal of `type` from an activity, else undefined. */
function refusal(err: unknown, type: string): string | undefined {
  // A scheduled activity's failure wraps the refusal; a local activity's may arrive as the refusal itself.
  const cause = err instanceof ActivityFailure ? err.cause : err;
  return cause instanceof ApplicationFailure && cause.type === type ? cause.message : undefined;
}
