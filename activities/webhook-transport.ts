import type { HttpEndpoint } from './http-post';
import { postIdempotent } from './http-post';
import type { DeliveryReceipt, Notice, NoticeTransport } from './notify';

/**
 * Delivers notices by HTTP POST to a webhook (a city's messaging gateway, say). The notice key travels as the
 * `Idempotency-Key` header, so the receiver drops repeats and answers 208 for one it already has. A notice the
 * gateway refuses (4xx) fails at once as `NoticeRefused`; anything else is retried by the activity policy.
 */
export class WebhookTransport implements NoticeTransport {
  constructor(readonly endpoint: HttpEndpoint) {}

  async deliver(notice: Notice): Promise<DeliveryReceipt> {
    const res = await postIdempotent(this.endpoint, notice.key, notice, 'NoticeRefused');
    return { key: notice.key, deliveredAt: new Date().toISOString(), firstDelivery: res.status !== 208 };
  }
}
