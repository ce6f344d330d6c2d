/**
 * Records every read of a case's content (`GET /cases/{n}`, `GET /cases/{n}/timeline`, its documents' list and each
 * document downloaded) in the access log before the content is sent: a read that cannot be recorded is not answered
 * (503), so no case is read unrecorded.
 */
import type { RequestHandler, Response } from 'express';

import { HTTP_PROBLEM_TEXTS } from '../../domain/texts';
import type { AccessLog } from './access-log';
import type { Logger } from './logger';
import { principalOf } from './locals';

/** The routes that answer with a case's content; the case number is the first group. */
const CASE_CONTENT = /^\/cases\/([^/]+)(\/timeline|\/documents(?:\/[^/]+)?)?$/;

/** The case number as the route read it: 宛纪容〔2026〕12号 travels percent-encoded. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Middleware appending a record for each successful read of case content; mount after authentication. */
export function caseReadLog(log: AccessLog, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const match = req.method === 'GET' ? CASE_CONTENT.exec(req.path) : null;
    if (!match) return next();
    // `send` carries every answer: JSON (res.json calls it) and a document's bytes alike.
    const send = res.send.bind(res);
    res.send = ((body: unknown) => {
      if (res.statusCode >= 300) return send(body);
      const p = principalOf(res);
      log
        .append({
          actor: p.sub,
          role: p.role,
          ...(p.body ? { body: p.body } : {}),
          caseNumbers: [decoded(match[1])],
          what: `GET /cases/{n}${match[2] ?? ''}`,
          detail: { requestId: res.locals.requestId },
        })
        .then(
          () => send(body),
          (err: unknown) => unrecorded(res, send, logger, err),
        );
      return res;
    }) as Response['send'];
    next();
  };
}

function unrecorded(res: Response, send: Response['send'], logger: Logger, err: unknown): void {
  logger.error('access log write failed', { requestId: res.locals.requestId, error: String(err) });
  res.status(503).type('application/problem+json');
  send(
    JSON.stringify({
      type: 'about:blank',
      title: 'Access log unavailable',
      status: 503,
      detail: HTTP_PROBLEM_TEXTS.readNotLogged,
    }),
  );
}
