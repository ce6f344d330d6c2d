/**
 * Every Temporal call a request makes is bounded: a request can wait on Temporal for at most
 * TEMPORAL_CALL_TIMEOUT_MS (10 s by default), then the caller gets a 503 with Retry-After instead of a connection
 * that hangs. Without it an Update sent while no worker polls, or while the server is gone, waits for as long as
 * the client keeps the connection open. The bound is a gRPC deadline and an abort signal set for the whole request
 * (`client.withDeadline`, `client.withAbortSignal`), which every call the route makes inherits, the client's own
 * retries of an unreachable server included.
 *
 * A request cut off this way may still take effect later (an Update the server admitted runs when a worker comes
 * back): the 503 is never stored as the Idempotency-Key's answer, and a retry with the same key sends the same
 * Update ID or decision id, so Temporal applies it once and the retry gets its answer.
 */
import type { Client } from '@temporalio/client';
import type { RequestHandler } from 'express';
import { z } from 'zod';

import { ConfigError } from '../config/env';

export const DEFAULT_TEMPORAL_CALL_TIMEOUT_MS = 10_000;

const schema = z.object({
  TEMPORAL_CALL_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_TEMPORAL_CALL_TIMEOUT_MS),
});

/**
 * The bound from `env` (the process environment by default).
 *
 * @throws ConfigError when TEMPORAL_CALL_TIMEOUT_MS is not a whole number of milliseconds from 100 to 600000.
 */
export function loadTemporalCallTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`bad configuration in the environment:\n${lines.join('\n')}`);
  }
  return parsed.data.TEMPORAL_CALL_TIMEOUT_MS;
}

/** Middleware: the routes after it reach Temporal under one deadline, `timeoutMs` from the request's arrival. */
export function temporalDeadline(client: Client, timeoutMs: number): RequestHandler {
  return (_req, _res, next) => {
    // The deadline and the signal live in the connection's async context, so the handlers `next` runs, and
    // everything they await, see them. The gRPC deadline bounds each call; the signal also ends a call that sits in
    // the client's backoff between two attempts when the deadline passes (it surfaces as CANCELLED). Errors still
    // reach Express through `next`, as without this wrapper.
    const deadline = Date.now() + timeoutMs;
    void client.withAbortSignal(AbortSignal.timeout(timeoutMs), () =>
      client.withDeadline(deadline, async () => next()),
    );
  };
}
