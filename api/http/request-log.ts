import type { RequestHandler } from 'express';

import type { Logger } from './logger';

/** Case numbers as the API spells them (see `caseNumberSchema`), so log lines can be searched by case. */
const CASE_IN_PATH = /\/cases\/([A-Z]{2,10}-\d{4}-\d{1,6})(?=\/|$)/;

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
        caseNumber: CASE_IN_PATH.exec(path)?.[1],
      });
    });
    next();
  };
}
