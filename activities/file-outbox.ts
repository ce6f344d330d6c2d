import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { DeliveryReceipt, Notice, NoticeTransport } from './notify';

/**
 * The default notice transport: one JSON file per notice in an outbox directory, named by its key, so a newcomer
 * can read what was sent with `ls` and `cat`, and the file system's exclusive create makes delivery idempotent.
 */
export class FileOutbox implements NoticeTransport {
  constructor(readonly dir: string) {}

  async deliver(notice: Notice): Promise<DeliveryReceipt> {
    // Notices name a person and an outcome: readable by the worker's own user only.
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = this.fileFor(notice.key);
    const receipt = { key: notice.key, deliveredAt: new Date().toISOString() };
    try {
      await writeFile(file, JSON.stringify({ ...notice, deliveredAt: receipt.deliveredAt }, null, 2), {
        flag: 'wx',
        mode: 0o600,
      });
      return { ...receipt, firstDelivery: true };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const earlier = JSON.parse(await readFile(file, 'utf8')) as { deliveredAt: string };
      return { key: notice.key, deliveredAt: earlier.deliveredAt, firstDelivery: false };
    }
  }

  /** Every notice delivered so far, oldest first. */
  async list(): Promise<(Notice & { deliveredAt: string })[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const notices = await Promise.all(
      names
        .filter((n) => n.endsWith('.json'))
        .map(async (n) => JSON.parse(await readFile(path.join(this.dir, n), 'utf8'))),
    );
    return notices.sort((a, b) => a.deliveredAt.localeCompare(b.deliveredAt));
  }

  private fileFor(key: string): string {
    return path.join(this.dir, `${encodeURIComponent(key)}.json`);
  }
}
