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
