/**
 * One error handler for the whole API: domain and Temporal errors become `application/problem+json` (RFC 9457).
 */
import type { ErrorRequestHandler } from 'express';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  isGrpcServiceError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ZodError } from 'zod';

import { NOT_PERMITTED, STAGE_CONFLICT } from '../../domain/failures';
import { HTTP_PROBLEM_TEXTS } from '../../domain/texts';

/** An error that already knows its HTTP status and problem fields. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

/**
 * The one answer for a case that does not exist and for a case the caller may not read, so that guessing another
 * body's case numbers reveals nothing.
 */
export function caseNotFound(): HttpProblem {
  return new HttpProblem(404, 'Case not found', HTTP_PROBLEM_TEXTS.caseNotFound);
}

/** One entry per bad field; an unknown key is named as its own field, so the client sees exactly what to drop. */
function fieldErrors(err: ZodError): { field: string; message: string }[] {
  return err.issues.flatMap((i) => {
    const at = i.path.map(String);
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((key) => ({ field: [...at, key].join('.'), message: HTTP_PROBLEM_TEXTS.unknownField }));
    }
    return [{ field: at.join('.') || '(body)', message: i.message }];
  });
}

const GRPC_CANCELLED = 1;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;
const GRPC_FAILED_PRECONDITION = 9;
/**
 * The API cancels no call of its own but through the request's deadline, and a deadline that passes while the
 * client waits to retry an attempt surfaces as CANCELLED ("Call cancelled"), not DEADLINE_EXCEEDED.
 */
const UNAVAILABLE_CODES = [GRPC_UNAVAILABLE, GRPC_DEADLINE_EXCEEDED, GRPC_CANCELLED];
/** What a client that honours Retry-After waits before it sends the same request again. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * True when Temporal could not be reached, or did not answer within the request's deadline (temporal-deadline.ts):
 * a gRPC UNAVAILABLE, DEADLINE_EXCEEDED or CANCELLED, bare or as the cause of the client's own errors (a
 * ServiceError, or an Update whose call timed out while no worker polled); an Update refused while the case's
 * workflow task is being retried after a worker crash; and a query refused while no worker has polled since the
 * server came back.
 */
export function isTemporalUnavailable(err: unknown): boolean {
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  for (let e: unknown = err, depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    // After a worker died holding the case's workflow task, the server refuses Updates until another worker has
    // completed a retry of that task (FAILED_PRECONDITION "Workflow Task in failed state"): seconds, not a fault.
    // A query while no worker has polled since the server came back (FAILED_PRECONDITION "no poller seen for task
    // queue recently") is the same wait: the worker reconnects within seconds.
    if (
      isGrpcServiceError(e) &&
      e.code === GRPC_FAILED_PRECONDITION &&
      /Workflow Task in failed state|no poller seen for task queue/i.test(e.details)
    ) {
      return true;
    }
    if (isGrpcServiceError(e) && UNAVAILABLE_CODES.includes(e.code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

function toProblem(err: unknown): HttpProblem {
  if (err instanceof HttpProblem) return err;
  if (err instanceof ZodError) {
    return new HttpProblem(400, 'Invalid request', HTTP_PROBLEM_TEXTS.invalidFields, {
      errors: fieldErrors(err),
    });
  }
  if (err instanceof WorkflowNotFoundError) return caseNotFound();
  if (err instanceof WorkflowExecutionAlreadyStartedError) {
    return new HttpProblem(409, 'Case already exists', HTTP_PROBLEM_TEXTS.caseExists);
  }
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const failure = err.cause;
    const details = (failure.details?.[0] ?? {}) as Record<string, unknown>;
    if (failure.type === NOT_PERMITTED) return new HttpProblem(403, 'Not permitted', failure.message, details);
    if (failure.type === STAGE_CONFLICT)
      return new HttpProblem(409, 'Not allowed in this stage', failure.message, details);
    return new HttpProblem(409, 'Action refused', failure.message, details);
  }
  const status = (err as { status?: number; type?: string }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // body-parser's errors: broken JSON, too large, wrong content type.
    return new HttpProblem(status, 'Bad request body', (err as Error).message);
  }
  if (isTemporalUnavailable(err)) {
    return new HttpProblem(503, 'Temporal unavailable', HTTP_PROBLEM_TEXTS.temporalUnavailable, {
      retryAfter: RETRY_AFTER_SECONDS,
    });
  }
  return new HttpProblem(500, 'Internal error', HTTP_PROBLEM_TEXTS.internal);
}

export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  void _next;
  const problem = toProblem(err);
  if (problem.status >= 500) {
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    const cause = (err as { cause?: { code?: unknown; details?: unknown; message?: unknown } }).cause;
    const line = {
      level: 'error',
      status: problem.status,
      url: req.originalUrl,
      error: message,
      ...(cause ? { cause: { code: cause.code, details: cause.details ?? cause.message } } : {}),
    };
    process.stderr.write(`${JSON.stringify(line)}\n`);
  }
  if (problem.status === 503) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({
      type: 'about:blank',
      title: problem.title,
      status: problem.status,
      detail: problem.message,
      instance: req.originalUrl,
      ...problem.extra,
    });
};
