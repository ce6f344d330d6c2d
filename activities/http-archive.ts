import type { ArchiveReceipt } from '../domain/case';
import type { ArchiveEntry, ArchiveStore } from './archive';
import type { HttpEndpoint } from './http-post';
import { postIdempotent } from './http-post';

/**
 * The production archive store: the archive system's HTTP service, which files each entry into the personnel
 * or integrity file and answers with its receipt. The entry key travels as the `Idempotency-Key`, and the service
 * answers a repeated key with the receipt it gave the first time, so an entry is filed once however often the
 * activity retries. An entry the service refuses (4xx) fails at once as `ArchiveRefused`.
 */
export class HttpArchive implements ArchiveStore {
  constructor(readonly endpoint: HttpEndpoint) {}

  async write(entry: ArchiveEntry): Promise<ArchiveReceipt> {
    const res = await postIdempotent(this.endpoint, entry.key, entry, 'ArchiveRefused');
    const receipt = (await res.json()) as Partial<ArchiveReceipt>;
    if (typeof receipt.receiptId !== 'string' || typeof receipt.archivedAt !== 'string') {
      // A receipt that is not one cannot be kept as proof; retrying may reach a healthy instance.
      throw new Error(`${this.endpoint.url} answered without a receipt for ${entry.key}`);
    }
    return { key: entry.key, file: entry.file, receiptId: receipt.receiptId, archivedAt: receipt.archivedAt };
  }
}
