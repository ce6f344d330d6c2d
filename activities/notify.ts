/**
 * Notices to the parties and the handling bodies, through a pluggable transport. Every notice carries an
 * idempotency key, so a retried activity never delivers the same notice twice.
 */
import type { HandlingBody } from '../domain/case';
import type { NoticeKind } from '../domain/labels';

export interface Notice {
  /** Unique per notice and stable across retries, e.g. `<case>/<deadline>/overdue`. */
  readonly key: string;
  readonly caseNumber: string;
  /** What the notice is (`NOTICE_KIND_NAMES`): a refused notice is named by it in the timeline. */
  readonly kind: NoticeKind;
  readonly recipients: readonly (HandlingBody | 'supervisingLevel' | 'party' | 'partyUnit')[];
  /** The notice itself, in Chinese. */
  readonly text: string;
}

export interface DeliveryReceipt {
  readonly key: string;
  readonly deliveredAt: string;
  /** False when the transport already held this key: the earlier delivery stands. */
  readonly firstDelivery: boolean;
}

/** Where notices go. Implementations must treat a repeated key as already delivered. */
export interface NoticeTransport {
  deliver(notice: Notice): Promise<DeliveryReceipt>;
}

/** Builds the notification activities over a transport. */
export function createNotifyActivities(transport: NoticeTransport) {
  return {
    async sendNotice(notice: Notice): Promise<DeliveryReceipt> {
      return transport.deliver(notice);
    },
  };
}

export type NotifyActivities = ReturnType<typeof createNotifyActivities>;
