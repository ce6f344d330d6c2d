import type { RequestHandler } from 'express';

import { CASE_NUMBER_FORM } from '../../domain/case-numbers';
import type { Logger } from './logger';

const CASE_IN_PATH = /^\/cases\/([^/]+)/;

/** The case number of a path, decoded (宛纪容〔2026〕12号 travels percent-encoded), so log lines can be searched by case. */
function caseNumberIn(path: string): string | undefined {
  const segment = CASE_IN_PATH.exec(path)?.[1];
  if (segment === undefined) return undefined;
  try {
    const n = decodeURIComponent(segment);
    return CASE_NUMBER_FORM.test(n) ? n : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One JSON line per request once it is answered or abandoned: request id, method, path (never the query, which
 * may carry personal data), status, duration, the principal and the case number. 5xx log as errors, 4xx as
 * warnings.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const path = req.path;
    res.once('close', () => {
      const status = res.writableFinished ? res.statusCode : 499;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      logger[level]('request', {
        requestId: res.locals.requestId,
        method: req.method,
        path,
        status,
        ms: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
        sub: res.locals.principal?.sub,
        caseNumber: caseNumberIn(path),
      });
    });
    next();
  };
}
