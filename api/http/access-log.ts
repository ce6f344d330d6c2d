/**
 * The access log: every read of a case's content through the API and every decode at the codec server appends a
 * hash-chained record (`access-chain.ts`) to a JSON-lines file under ACCESS_LOG_DIR (DATA_DIR/access-log by
 * default). Each API process writes a chain file of its own (`access-<start>-<pid>.jsonl`), so two processes never
 * interleave one chain; within a process appends are serialised, and each is on disk (fdatasync) before the read
 * it records is answered. A platform's log agent ships the files as they grow; `npm run access-log:verify` checks
 * them.
 */
import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';

import type { AccessEntry, AccessRecord, ChainHash } from './access-chain';
import { chainRecord } from './access-chain';

/** Where reads are recorded. */
export interface AccessLog {
  /** Resolves once the record is durably written; rejects when it could not be, and the read must not be answered. */
  append(entry: AccessEntry): Promise<void>;
}

export interface FileAccessLogOptions {
  readonly dir: string;
  /** The chain's hash; SHA-256 by default. */
  readonly alg?: ChainHash;
  /** The clock; tests pass their own. */
  readonly now?: () => Date;
}

/** An access log in a chain file of this process's own. */
export class FileAccessLog implements AccessLog {
  /** The chain file, named when the first record is written. */
  file: string | undefined;
  private handle: Promise<FileHandle> | undefined;
  private last: AccessRecord | undefined;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: FileAccessLogOptions) {}

  append(entry: AccessEntry): Promise<void> {
    // One append at a time: each record links to the one written before it.
    const written = this.tail.then(() => this.write(entry));
    this.tail = written.catch(() => undefined);
    return written;
  }

  private async write(entry: AccessEntry): Promise<void> {
    const handle = await this.open();
    const record = chainRecord(
      this.last,
      entry,
      (this.options.now ?? (() => new Date()))(),
      this.options.alg ?? 'sha256',
    );
    await handle.write(`${JSON.stringify(record)}\n`);
    await handle.datasync();
    // Only a record on disk is linked to: one that failed to write leaves the chain where it was.
    this.last = record;
  }

  private open(): Promise<FileHandle> {
    if (!this.handle) {
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
      this.file = path.join(this.options.dir, `access-${stamp}-${process.pid}-${randomBytes(3).toString('hex')}.jsonl`);
      const file = this.file;
      this.handle = mkdir(this.options.dir, { recursive: true, mode: 0o700 }).then(() => open(file, 'ax', 0o600));
      this.handle.catch(() => (this.handle = undefined));
    }
    return this.handle;
  }

  /** Closes the chain file. */
  async close(): Promise<void> {
    await this.tail;
    await (await this.handle)?.close();
  }
}
