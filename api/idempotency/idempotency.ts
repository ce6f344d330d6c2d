/**
 * Every POST carries an `Idempotency-Key`, so a client that lost an answer (timeout, dropped connection) can send
 * the same request again and get the first answer instead of submitting a case or recording a decision twice.
 *
 * Answers are scoped to the principal, so two callers cannot read each other's answers by guessing keys. A key
 * is bound to its request: the same key with a different method, path or body is refused rather than replayed.
 * Only a 2xx is stored: a refusal changed nothing, so a retry may run again, and a caller probing unknown cases
 * leaves no record behind. Records are capped per caller (429) and in total (503), so no caller can fill the disk.
 *
 * Mount after `express.json()` (the body is part of the fingerprint) and after `authenticate`.
 */
import { createHash } from 'node:crypto';

import type { RequestHandler, Response } from 'express';

import { HttpProblem } from '../http/errors';
import type { IdempotencyStore, StoredResponse } from './idempotency-store';
import { HTTP_PROBLEM_TEXTS } from '../../domain/texts';
import type { Logger } from '../http/logger';
import { logger as defaultLogger } from '../http/logger';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;

/** Headers that are part of what the answer says; the rest (Date, rate limits, request id) belong to each reply. */
const KEPT_HEADERS = ['content-type', 'content-language', 'location', 'content-location', 'etag', 'link'];

export interface IdempotencyOptions {
  readonly store: IdempotencyStore;
  readonly logger?: Logger;
  /** Stored answers one caller may hold (IDEMPOTENCY_MAX_PER_CALLER); over it a new POST is answered 429. */
  readonly maxPerCaller?: number;
  /** Stored answers in all (IDEMPOTENCY_MAX_TOTAL); over it a new POST is answered 503. */
  readonly maxTotal?: number;
}

/** How long a caller over its cap is asked to wait: its oldest answers expire within the day, many within hours. */
const FULL_RETRY_AFTER_SECONDS = 3600;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with sorted keys, so that `{a,b}` and `{b,a}` count as the same body. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function chunkBytes(chunk: unknown, encoding: unknown): Buffer | undefined {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return Buffer.alloc(0);
  if (typeof chunk === 'string')
    return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return undefined;
}

function replay(res: Response, stored: StoredResponse): void {
  res.status(stored.status);
  for (const [name, value] of Object.entries(stored.headers)) res.setHeader(name, value);
  res.setHeader('Idempotent-Replayed', 'true');
  res.end(Buffer.from(stored.body, 'base64'));
}

/**
 * Captures the answer at `res.end`, where `res.json`, `res.send` and `res.sendStatus` all arrive with their
 * headers final but not yet sent, and holds it back until it is stored: a client can only retry an answer the
 * store already has. Answers streamed with `res.write` are not stored.
 */
function captureAnswer(
  res: Response,
  save: (answer: Omit<StoredResponse, 'fingerprint' | 'storedAt'>) => Promise<void>,
) {
  const originalEnd = res.end;
  res.end = function (this: Response, chunk?: unknown, encoding?: unknown, callback?: unknown) {
    res.end = originalEnd;
    const end = () => (originalEnd as (...args: unknown[]) => Response).call(this, chunk, encoding, callback);
    const body = chunkBytes(chunk, encoding);
    if (res.headersSent || !body) return end();
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = res.getHeader(name);
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    void save({ status: res.statusCode, headers, body: body.toString('base64') }).finally(end);
    return this;
  } as Response['end'];
}

/** Middleware for POSTs: requires `Idempotency-Key`, replays stored answers, refuses reused or busy keys. */
export function idempotency(options: IdempotencyOptions): RequestHandler {
  const { store } = options;
  const maxPerCaller = options.maxPerCaller ?? Number.POSITIVE_INFINITY;
  const maxTotal = options.maxTotal ?? Number.POSITIVE_INFINITY;
  const log = options.logger ?? defaultLogger;
  const inFlight = new Set<string>();

  return async (req, res, next) => {
    if (req.method !== 'POST') return next();
    const key = req.get(IDEMPOTENCY_HEADER);
    if (key === undefined || !KEY_PATTERN.test(key)) {
      throw new HttpProblem(
        400,
        key === undefined ? 'Idempotency-Key header required' : 'Invalid Idempotency-Key header',
        HTTP_PROBLEM_TEXTS.idempotencyKey,
        { errors: [{ field: IDEMPOTENCY_HEADER, message: key === undefined ? 'required' : 'malformed' }] },
      );
    }
    const sub = res.locals.principal?.sub ?? '';
    const owner = sha256(sub);
    const storeKey = `${owner}.${sha256(JSON.stringify([sub, key]))}`;
    const fingerprint = sha256(JSON.stringify([req.method, req.originalUrl, canonicalJson(req.body)]));

    // Taken before the first await, so two concurrent requests cannot both miss the store and both run.
    if (inFlight.has(storeKey)) {
      throw new HttpProblem(409, 'Request in progress', HTTP_PROBLEM_TEXTS.idempotencyInProgress);
    }
    inFlight.add(storeKey);
    const release = () => inFlight.delete(storeKey);

    let stored: StoredResponse | undefined;
    let usage: { owner: number; total: number };
    try {
      stored = await store.get(storeKey);
      usage = await store.usage(owner);
    } catch (err) {
      release();
      throw err;
    }
    if (stored) {
      release();
      if (stored.fingerprint !== fingerprint) {
        throw new HttpProblem(422, 'Idempotency-Key reused', HTTP_PROBLEM_TEXTS.idempotencyReused);
      }
      return replay(res, stored);
    }
    // Checked before the request runs, since its answer could not be kept for a retry afterwards.
    if (usage.owner >= maxPerCaller) {
      release();
      res.setHeader('Retry-After', String(FULL_RETRY_AFTER_SECONDS));
      throw new HttpProblem(429, 'Too many stored requests', HTTP_PROBLEM_TEXTS.idempotencyCallerFull(maxPerCaller));
    }
    if (usage.total >= maxTotal) {
      release();
      log.error('idempotency store full', { requestId: res.locals.requestId, total: usage.total });
      throw new HttpProblem(503, 'Request store full', HTTP_PROBLEM_TEXTS.idempotencyStoreFull);
    }

    // Whatever happens to the request (answered, aborted, streamed), the key is free once the connection is done.
    res.once('close', release);
    captureAnswer(res, async (answer) => {
      try {
        // A refusal (4xx) changed nothing and a 5xx may be retried: only what succeeded is worth replaying.
        if (answer.status >= 200 && answer.status < 300) {
          await store.put(storeKey, { ...answer, fingerprint, storedAt: Date.now() });
        }
      } catch (err) {
        log.error('idempotency store write failed', { requestId: res.locals.requestId, error: err });
      } finally {
        release();
      }
    });
    next();
  };
}
