/**
 * One error handler for the whole API: domain and Temporal errors become `application/problem+json` (RFC 9457).
 */
import type { ErrorRequestHandler } from 'express';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  isGrpcServiceError,
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

const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

function toProblem(err: unknown): HttpProblem {
  if (err instanceof HttpProblem) return err;
  if (err instanceof ZodError) {
    return new HttpProblem(400, 'Invalid request', 'one or more fields are invalid', {
      errors: err.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message })),
    });
  }
  if (err instanceof WorkflowNotFoundError) return new HttpProblem(404, 'Case not found', 'no case has this number');
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
  if (isGrpcServiceError(err) && [GRPC_UNAVAILABLE, GRPC_DEADLINE_EXCEEDED].includes(err.code)) {
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
