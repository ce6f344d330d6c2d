/**
 * One error handler for the whole API: domain and Temporal errors become `application/problem+json` (RFC 9457).
 */
import type { ErrorRequestHandler } from 'express';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  isGrpcServiceError,
  ServiceError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ZodError } from 'zod';

import { NOT_PERMITTED, STAGE_CONFLICT } from '../workflows/case-record';

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
  return new HttpProblem(404, 'Case not found', 'no case has this number');
}

/** One entry per bad field; an unknown key is named as its own field, so the client sees exactly what to drop. */
function fieldErrors(err: ZodError): { field: string; message: string }[] {
  return err.issues.flatMap((i) => {
    const at = i.path.map(String);
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((key) => ({ field: [...at, key].join('.'), message: 'unknown field' }));
    }
    return [{ field: at.join('.') || '(body)', message: i.message }];
  });
}

const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

function toProblem(err: unknown): HttpProblem {
  if (err instanceof HttpProblem) return err;
  if (err instanceof ZodError) {
    return new HttpProblem(400, 'Invalid request', 'one or more fields are invalid', {
      errors: fieldErrors(err),
    });
  }
  if (err instanceof WorkflowNotFoundError) return caseNotFound();
  if (err instanceof WorkflowExecutionAlreadyStartedError) {
    return new HttpProblem(409, 'Case already exists', 'a case with this number was already submitted');
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
  // The client wraps some gRPC failures (a query that timed out, say) in a ServiceError whose cause holds the code.
  const grpc = isGrpcServiceError(err) ? err : err instanceof ServiceError ? err.cause : undefined;
  if (isGrpcServiceError(grpc) && [GRPC_UNAVAILABLE, GRPC_DEADLINE_EXCEEDED].includes(grpc.code)) {
    return new HttpProblem(503, 'Temporal unavailable', 'the case store is unreachable; try again shortly', {
      retryAfter: 5,
    });
  }
  return new HttpProblem(500, 'Internal error', 'the request failed unexpectedly');
}

export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  void _next;
  const problem = toProblem(err);
  if (problem.status >= 500) {
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`${JSON.stringify({ level: 'error', url: req.originalUrl, error: message })}\n`);
  }
  if (problem.status === 503) res.setHeader('Retry-After', '5');
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
