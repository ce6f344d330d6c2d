/**
 * A real HTTP service on 127.0.0.1 standing in for the city's messaging gateway or archive service: it keeps one
 * record per `Idempotency-Key`, answers a repeat with the first answer (208 for notices), and can be told to fail
 * the next calls with a status, or to refuse a key, so tests see what the production stores do under faults.
 */
import { randomUUID } from 'node:crypto';

import express from 'express';

import type { Listening } from './listen';
import { listen } from './listen';

export interface Receiver {
  readonly url: string;
  /** The first body received under each key. */
  readonly records: Map<string, unknown>;
  /** Every request, accepted or failed, by key. */
  readonly attempts: Map<string, number>;
  /** The next `count` requests answer `status` without recording anything. */
  failNext(count: number, status: number): void;
  /** Requests whose key contains `fragment` answer 422. */
  refuse(fragment: string): void;
  close(): Promise<void>;
}

/** Starts a receiver; `token`, when given, is required as a bearer token. */
export async function startReceiver(token?: string): Promise<Receiver> {
  const records = new Map<string, unknown>();
  const receipts = new Map<string, { receiptId: string; archivedAt: string }>();
  const attempts = new Map<string, number>();
  const refused: string[] = [];
  let failing = { count: 0, status: 503 };
  const app = express();
  app.use(express.json());
  app.post('/', (req, res) => {
    const key = req.get('idempotency-key') ?? '';
    attempts.set(key, (attempts.get(key) ?? 0) + 1);
    if (token && req.get('authorization') !== `Bearer ${token}`) return void res.sendStatus(401);
    if (failing.count > 0) {
      failing = { ...failing, count: failing.count - 1 };
      return void res.sendStatus(failing.status);
    }
    if (refused.some((f) => key.includes(f))) return void res.sendStatus(422);
    const repeat = records.has(key);
    if (!repeat) {
      records.set(key, req.body);
      receipts.set(key, { receiptId: randomUUID(), archivedAt: new Date().toISOString() });
    }
    res.status(repeat ? 208 : 201).json(receipts.get(key));
  });
  const listening: Listening = await listen(app);
  return {
    url: `${listening.baseUrl}/`,
    records,
    attempts,
    failNext: (count, status) => {
      failing = { count, status };
    },
    refuse: (fragment) => {
      refused.push(fragment);
    },
    close: () => listening.close(),
  };
}
