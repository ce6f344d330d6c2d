/**
 * Where first answers to idempotent POSTs are kept, and the in-memory store for tests and single-process
 * development; `idempotency-file-store.ts` keeps them across restarts.
 */

/** A completed answer, exactly as the client first received it. */
export interface StoredResponse {
  /** Hash of principal, method, path and body: a repeat must match it to be replayed. */
  readonly fingerprint: string;
  readonly status: number;
  /** Only the headers that describe the answer (`Content-Type`, `Location`, ...), lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, base64-encoded so that any bytes survive a JSON file. */
  readonly body: string;
  /** Milliseconds since the epoch. */
  readonly storedAt: number;
}

export interface IdempotencyStore {
  /** The answer stored under `key`, or undefined when there is none or it has expired. */
  get(key: string): Promise<StoredResponse | undefined>;
  put(key: string, response: StoredResponse): Promise<void>;
}

/** Clients retry for minutes or hours, rarely days: a day covers them without keeping answers forever. */
export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface MemoryStoreOptions {
  readonly ttlMs?: number;
  /** When full, the oldest answers go first. */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

/** Answers in a Map, bounded in age and count; lost on restart. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, StoredResponse>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: MemoryStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  async get(key: string): Promise<StoredResponse | undefined> {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.storedAt >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  async put(key: string, response: StoredResponse): Promise<void> {
    // Re-inserting moves the key to the end, so Map order stays oldest-first for eviction.
    this.entries.delete(key);
    this.entries.set(key, response);
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.now() - entry.storedAt < this.ttlMs) break;
      this.entries.delete(oldest);
    }
  }

  /** How many answers are held, expired ones included until they are next touched. */
  get size(): number {
    return this.entries.size;
  }
}
