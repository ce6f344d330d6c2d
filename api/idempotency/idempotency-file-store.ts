/**
 * Stored answers as files, one per key, so that a restarted API still recognises a retry of a POST it already
 * carried out. An answer names people and facts, so what a replay needs (status, the few describing headers, the
 * body) is sealed with the current payload key (AES-256-GCM, the file's key as additional data, so a sealed
 * answer cannot be moved under another key); only the request fingerprint and the time stay readable. Files are
 * 0600 in a 0700 directory, written to a temporary name and renamed, so a crash never leaves half an answer.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { z } from 'zod';

import type { PayloadKeys } from '../../codec/keys';
import type { IdempotencyStore, StoreUsage, StoredResponse } from './idempotency-store';
import { DEFAULT_IDEMPOTENCY_TTL_MS, STORE_KEY, ownerOf } from './idempotency-store';

const fileSchema = z.strictObject({
  fingerprint: z.string(),
  storedAt: z.number(),
  keyId: z.string(),
  /** base64 of IV (12 bytes), ciphertext and tag (16 bytes). */
  sealed: z.string(),
});

const answerSchema = z.strictObject({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
});

/** Files of the store before answers were sealed: a bare digest. They hold answers in clear and are removed. */
const CLEAR_FILE = /^[0-9a-f]{64}\.json$/;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A torn or hand-edited file counts as no answer: the retry then runs, which beats failing every retry. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface FileStoreOptions {
  /** The payload keys: the current one seals, any known one opens. */
  readonly keys: PayloadKeys;
  readonly ttlMs?: number;
  readonly now?: () => number;
}

/** Answers under `dir`, one `<owner>.<request>.json` per key (the middleware's digests). */
export class FileIdempotencyStore implements IdempotencyStore {
  private readonly keys: PayloadKeys;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private lastSweep = 0;
  /** File names by owner digest, read from the directory once and kept up to date by this process. */
  private index: Promise<Map<string, Set<string>>> | undefined;

  constructor(
    readonly dir: string,
    options: FileStoreOptions,
  ) {
    this.keys = options.keys;
    this.ttlMs = options.ttlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS;
    this.now = options.now ?? Date.now;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  private file(key: string): string {
    // Keys become file names, so anything but two digests could climb out of the directory.
    ownerOf(key);
    return path.join(this.dir, `${key}.json`);
  }

  private seal(key: string, answer: z.infer<typeof answerSchema>): { keyId: string; sealed: string } {
    const keyId = this.keys.currentKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.keys.get(keyId) as Buffer, iv);
    cipher.setAAD(Buffer.from(key));
    const data = Buffer.concat([cipher.update(JSON.stringify(answer), 'utf8'), cipher.final()]);
    return { keyId, sealed: Buffer.concat([iv, data, cipher.getAuthTag()]).toString('base64') };
  }

  /** The sealed answer, or undefined when its key is unknown or it was altered. */
  private open(key: string, keyId: string, sealed: string): z.infer<typeof answerSchema> | undefined {
    const secret = this.keys.keys.get(keyId);
    const bytes = Buffer.from(sealed, 'base64');
    if (!secret || bytes.length < IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', secret, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(key));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      const text = Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
      return answerSchema.parse(JSON.parse(text));
    } catch {
      return undefined;
    }
  }

  private loadIndex(): Promise<Map<string, Set<string>>> {
    this.index ??= readdir(this.dir).then((names) => {
      const byOwner = new Map<string, Set<string>>();
      for (const name of names) {
        const key = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
        if (!STORE_KEY.test(key)) continue;
        const owner = ownerOf(key);
        byOwner.set(owner, (byOwner.get(owner) ?? new Set()).add(key));
      }
      return byOwner;
    });
    return this.index;
  }

  private async forget(key: string): Promise<void> {
    await unlink(this.file(key)).catch(() => undefined);
    (await this.loadIndex()).get(ownerOf(key))?.delete(key);
  }

  async get(key: string): Promise<StoredResponse | undefined> {
    let text: string;
    try {
      text = await readFile(this.file(key), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    const parsed = fileSchema.safeParse(parseJson(text));
    const answer = parsed.success ? this.open(key, parsed.data.keyId, parsed.data.sealed) : undefined;
    if (!parsed.success || !answer || this.now() - parsed.data.storedAt >= this.ttlMs) {
      await this.forget(key);
      return undefined;
    }
    return { fingerprint: parsed.data.fingerprint, storedAt: parsed.data.storedAt, ...answer };
  }

  async put(key: string, response: StoredResponse): Promise<void> {
    const target = this.file(key);
    const { fingerprint, storedAt, status, headers, body } = response;
    const record = { fingerprint, storedAt, ...this.seal(key, { status, headers, body }) };
    const temp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, JSON.stringify(record), { mode: 0o600 });
    await rename(temp, target);
    const index = await this.loadIndex();
    const owner = ownerOf(key);
    index.set(owner, (index.get(owner) ?? new Set()).add(key));
    if (this.now() - this.lastSweep >= SWEEP_INTERVAL_MS) {
      this.lastSweep = this.now();
      void this.sweep().catch(() => undefined);
    }
  }

  async usage(owner: string): Promise<StoreUsage> {
    const index = await this.loadIndex();
    let total = 0;
    for (const keys of index.values()) total += keys.size;
    return { owner: index.get(owner)?.size ?? 0, total };
  }

  /**
   * Deletes expired answers, temporary files left by a crash, and answers an older version kept in clear; runs by
   * itself at most hourly.
   */
  async sweep(): Promise<number> {
    let removed = 0;
    for (const name of await readdir(this.dir)) {
      const file = path.join(this.dir, name);
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile() || (this.now() - info.mtimeMs < this.ttlMs && !CLEAR_FILE.test(name))) continue;
      const key = name.slice(0, -'.json'.length);
      if (STORE_KEY.test(key)) await this.forget(key);
      else await unlink(file).catch(() => undefined);
      removed += 1;
    }
    return removed;
  }
}
