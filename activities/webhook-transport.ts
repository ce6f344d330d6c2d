import { ApplicationFailure } from '@temporalio/activity';

import type { DeliveryReceipt, Notice, NoticeTransport } from './notify';

/**
 * Delivers notices by HTTP POST to a webhook (a city's messaging gateway, say). The notice key travels as the
 * `Idempotency-Key` header, so the receiver drops repeats. A 4xx other than 408 and 429 means the notice itself is
 * refused: retrying cannot help, so the failure is non-retryable; anything else is retried by the activity policy.
 */
export class WebhookTransport implements NoticeTransport {
  constructor(
    readonly url: string,
    readonly options: { readonly token?: string; readonly timeoutMs?: number } = {},
  ) {}

  async deliver(notice: Notice): Promise<DeliveryReceipt> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': notice.key,
        ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
      },
      body: JSON.stringify(notice),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    if (res.ok) {
      return { key: notice.key, deliveredAt: new Date().toISOString(), firstDelivery: res.status !== 208 };
    }
    const detail = `webhook answered ${res.status} for notice ${notice.key}`;
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
      throw ApplicationFailure.nonRetryable(detail, 'NoticeRefused');
    }
    throw new Error(detail);
  }
}
