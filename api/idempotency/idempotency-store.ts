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

/**
 * How many answers a caller and everybody hold, so the middleware can refuse a POST before a store fills up.
 * Expired answers not yet removed may still be counted: the caps err on the side of refusing.
 */
export interface StoreUsage {
  readonly owner: number;
  readonly total: number;
}

/**
 * Store keys are `<owner>.<request>`, two SHA-256 hex digests: of the caller's subject, and of subject and
 * Idempotency-Key. The owner part lets a store count a caller's answers without reading them.
 */
export const STORE_KEY = /^([0-9a-f]{64})\.[0-9a-f]{64}$/;

/** The owner digest of a store key. */
export function ownerOf(key: string): string {
  const match = STORE_KEY.exec(key);
  if (!match) throw new Error('idempotency store keys are <owner digest>.<request digest>');
  return match[1];
}

export interface IdempotencyStore {
  /** The answer stored under `key`, or undefined when there is none or it has expired. */
  get(key: string): Promise<StoredResponse | undefined>;
  put(key: string, response: StoredResponse): Promise<void>;
  /** Answers held by the owner of `owner` (an owner digest) and by everyone. */
  usage(owner: string): Promise<StoreUsage>;
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
    ownerOf(key);
    // Re-inserting moves the key to the end, so Map order stays oldest-first for eviction.
    this.entries.delete(key);
    this.entries.set(key, response);
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.now() - entry.storedAt < this.ttlMs) break;
      this.entries.delete(oldest);
    }
  }

  async usage(owner: string): Promise<StoreUsage> {
    let mine = 0;
    for (const key of this.entries.keys()) if (key.startsWith(`${owner}.`)) mine += 1;
    return { owner: mine, total: this.entries.size };
  }

  /** How many answers are held, expired ones included until they are next touched. */
  get size(): number {
    return this.entries.size;
  }
}
