import { randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { ArchiveReceipt } from '../domain/case';
import type { ArchiveEntry, ArchiveStore } from './archive';

/**
 * The embedded archive store: one JSON file per entry, named by its key, under a directory per archive file
 * (personnelFile/, integrityFile/). The file system's exclusive create keeps exactly one entry per key.
 */
export class FileArchive implements ArchiveStore {
  constructor(readonly dir: string) {}

  async write(entry: ArchiveEntry): Promise<ArchiveReceipt> {
    const dir = path.join(this.dir, entry.file);
    // Entries name a person, a unit and an outcome: readable by the worker's own user only.
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, `${encodeURIComponent(entry.key)}.json`);
    const receipt: ArchiveReceipt = {
      key: entry.key,
      file: entry.file,
      receiptId: randomUUID(),
      archivedAt: new Date().toISOString(),
    };
    try {
      await writeFile(file, JSON.stringify({ entry, receipt }, null, 2), { flag: 'wx', mode: 0o600 });
      return receipt;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      return (JSON.parse(await readFile(file, 'utf8')) as { receipt: ArchiveReceipt }).receipt;
    }
  }

  /** Every entry of one archive file. */
  async list(file: ArchiveReceipt['file']): Promise<{ entry: ArchiveEntry; receipt: ArchiveReceipt }[]> {
    const dir = path.join(this.dir, file);
    const names = await readdir(dir).catch(() => [] as string[]);
    return Promise.all(names.map(async (n) => JSON.parse(await readFile(path.join(dir, n), 'utf8'))));
  }
}
