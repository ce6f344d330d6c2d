/**
 * Stored answers as files, one JSON file per key, so that a restarted API still recognises a retry of a POST
 * it already carried out. Files are written to a temporary name and renamed, so a crash never leaves half an
 * answer under a key.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { z } from 'zod';

import type { IdempotencyStore, StoredResponse } from './idempotency-store';
import { DEFAULT_IDEMPOTENCY_TTL_MS } from './idempotency-store';

const storedSchema = z.object({
  fingerprint: z.string(),
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
  storedAt: z.number(),
});

const KEY = /^[0-9a-f]{64}$/;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** A torn or hand-edited file counts as no answer: the retry then runs, which beats failing every retry. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface FileStoreOptions {
  readonly ttlMs?: number;
  readonly now?: () => number;
}

/** Answers under `dir`, one `<key>.json` per key; keys are the middleware's SHA-256 hex digests. */
export class FileIdempotencyStore implements IdempotencyStore {
  private readonly ttlMs: number;
  private readonly now: () => number;
  private lastSweep = 0;

  constructor(
    readonly dir: string,
    options: FileStoreOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS;
    this.now = options.now ?? Date.now;
    mkdirSync(dir, { recursive: true });
  }

  private file(key: string): string {
    // Keys become file names, so anything but a digest could climb out of the directory.
    if (!KEY.test(key)) throw new Error('idempotency store keys are SHA-256 hex digests');
    return path.join(this.dir, `${key}.json`);
  }

  async get(key: string): Promise<StoredResponse | undefined> {
    let text: string;
    try {
      text = await readFile(this.file(key), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    const parsed = storedSchema.safeParse(parseJson(text));
    if (!parsed.success || this.now() - parsed.data.storedAt >= this.ttlMs) {
      await unlink(this.file(key)).catch(() => undefined);
      return undefined;
    }
    return parsed.data;
  }

  async put(key: string, response: StoredResponse): Promise<void> {
    const target = this.file(key);
    const temp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, JSON.stringify(response), { mode: 0o600 });
    await rename(temp, target);
    if (this.now() - this.lastSweep >= SWEEP_INTERVAL_MS) {
      this.lastSweep = this.now();
      void this.sweep().catch(() => undefined);
    }
  }

  /** Deletes expired answers and temporary files left by a crash; runs by itself at most hourly. */
  async sweep(): Promise<number> {
    let removed = 0;
    for (const name of await readdir(this.dir)) {
      const file = path.join(this.dir, name);
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile() || this.now() - info.mtimeMs < this.ttlMs) continue;
      await unlink(file).catch(() => undefined);
      removed += 1;
    }
    return removed;
  }
}
