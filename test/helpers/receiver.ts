/**
 * A real HTTP service on 127.0.0.1 standing in for the city's messaging gateway or archive service: it keeps one
 * record per `Idempotency-Key`, answers a repeat with the first answer (208 for notices), and can be told to fail
 * the next calls with a status, to refuse a key, to be down (every connection cut, as a dead service), or to fail a
 * fraction of calls, so tests see what the production stores do under faults. Every call is logged with its time
 * and answer, so tests can read the retry schedule the callers followed.
 */
import { randomUUID } from 'node:crypto';

import express from 'express';

import type { Listening } from './listen';
import { listen } from './listen';

/** One call as the receiver saw it: when, under which key, and what it answered (0: connection cut). */
export interface Attempt {
  readonly key: string;
  readonly at: number;
  readonly status: number;
}

export interface Receiver {
  readonly url: string;
  /** The first body received under each key. */
  readonly records: Map<string, unknown>;
  /** Every request, accepted or failed, by key. */
  readonly attempts: Map<string, number>;
  /** Every request in order of arrival. */
  readonly log: readonly Attempt[];
  /** The next `count` requests answer `status` without recording anything. */
  failNext(count: number, status: number): void;
  /** Requests whose key contains `fragment` answer 422. */
  refuse(fragment: string): void;
  /** While down, every request's connection is cut before any answer, and nothing is recorded. */
  setDown(down: boolean): void;
  /**
   * From now on a `fraction` of requests (0 to 1, drawn from a generator seeded with `seed`, so a run can be
   * repeated) answers `status` without recording anything; 0 ends it.
   */
  failFraction(fraction: number, options?: { readonly status?: number; readonly seed?: number }): void;
  close(): Promise<void>;
}

/** A small seeded generator (mulberry32): the same seed, the same sequence of draws in [0, 1). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Starts a receiver; `token`, when given, is required as a bearer token. */
export async function startReceiver(token?: string): Promise<Receiver> {
  const records = new Map<string, unknown>();
  const receipts = new Map<string, { receiptId: string; archivedAt: string }>();
  const attempts = new Map<string, number>();
  const log: Attempt[] = [];
  const refused: string[] = [];
  let failing = { count: 0, status: 503 };
  let down = false;
  let fraction = { share: 0, status: 503, draw: seeded(1) };
  const app = express();
  app.use(express.json());
  app.post('/', (req, res) => {
    // The key as the sender meant it: a case number's Chinese travels percent-encoded (activities/http-post.ts).
    const key = decodeURIComponent(req.get('idempotency-key') ?? '');
    attempts.set(key, (attempts.get(key) ?? 0) + 1);
    const answer = (status: number) => log.push({ key, at: Date.now(), status });
    if (down) {
      answer(0);
      return void req.socket.destroy();
    }
    if (token && req.get('authorization') !== `Bearer ${token}`) {
      answer(401);
      return void res.sendStatus(401);
    }
    if (failing.count > 0) {
      failing = { ...failing, count: failing.count - 1 };
      answer(failing.status);
      return void res.sendStatus(failing.status);
    }
    if (fraction.share > 0 && fraction.draw() < fraction.share) {
      answer(fraction.status);
      return void res.sendStatus(fraction.status);
    }
    if (refused.some((f) => key.includes(f))) {
      answer(422);
      return void res.sendStatus(422);
    }
    const repeat = records.has(key);
    if (!repeat) {
      records.set(key, req.body);
      receipts.set(key, { receiptId: randomUUID(), archivedAt: new Date().toISOString() });
    }
    answer(repeat ? 208 : 201);
    res.status(repeat ? 208 : 201).json(receipts.get(key));
  });
  const listening: Listening = await listen(app);
  return {
    url: `${listening.baseUrl}/`,
    records,
    attempts,
    log,
    failNext: (count, status) => {
      failing = { count, status };
    },
    refuse: (fragment) => {
      refused.push(fragment);
    },
    setDown: (value) => {
      down = value;
    },
    failFraction: (share, options = {}) => {
      fraction = { share, status: options.status ?? 503, draw: seeded(options.seed ?? 1) };
    },
    close: () => listening.close(),
  };
}
