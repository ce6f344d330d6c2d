/**
 * Bearer authentication (RFC 6750): a request either carries a token the verifier accepts or is answered 401
 * with a challenge. The challenge says only that the token is missing, invalid or expired; the precise cause
 * (wrong audience, bad signature) would help an attacker more than a legitimate client.
 */
import type { RequestHandler, Response } from 'express';

import { HttpProblem } from '../http/errors';
import type { Logger } from '../http/logger';
import { HTTP_PROBLEM_TEXTS } from '../../domain/texts';
import { logger as defaultLogger } from '../http/logger';
import type { TokenFailure, TokenVerifier } from './verifier';
import { TokenError } from './verifier';

/** An `Authorization: Bearer <token>` header (RFC 6750 §2.1); the token is the first group. */
export const BEARER = /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)[ ]*$/i;

const DESCRIPTIONS: Readonly<Record<Exclude<TokenFailure, 'unavailable'>, string>> = {
  missing: HTTP_PROBLEM_TEXTS.tokenMissing,
  invalid: 'invalid token',
  expired: 'token expired',
};

function challenge(res: Response, reason: Exclude<TokenFailure, 'unavailable'>): HttpProblem {
  const description = DESCRIPTIONS[reason];
  const params = ['realm="tolerance-cases"'];
  // Without credentials RFC 6750 §3.1 wants no error code, only the scheme.
  if (reason !== 'missing') params.push('error="invalid_token"', `error_description="${description}"`);
  res.setHeader('WWW-Authenticate', `Bearer ${params.join(', ')}`);
  return new HttpProblem(401, 'Unauthorized', description);
}

/**
 * Verifies the bearer token of every request that passes and sets `res.locals.principal`. Every answer from here
 * on carries `Cache-Control: no-store`.
 *
 * Answers 401 (problem+json with `WWW-Authenticate: Bearer`) for a missing, malformed, invalid or expired token,
 * and 503 when the key set cannot be fetched.
 */
export function authenticate(verifier: TokenVerifier, options: { readonly logger?: Logger } = {}): RequestHandler {
  const log = options.logger ?? defaultLogger;
  return async (req, res, next) => {
    // Every answer behind authentication is someone's case data or a refusal of it: no cache keeps a copy.
    res.setHeader('Cache-Control', 'no-store');
    const header = req.get('authorization');
    if (!header) return next(challenge(res, 'missing'));
    const match = BEARER.exec(header);
    if (!match) return next(challenge(res, 'invalid'));
    try {
      res.locals.principal = await verifier.verify(match[1]);
      next();
    } catch (err) {
      const reason = err instanceof TokenError ? err.reason : 'invalid';
      if (reason === 'unavailable') {
        log.warn('token verification unavailable', { requestId: res.locals.requestId, error: (err as Error).cause });
        res.setHeader('Retry-After', '5');
        return next(new HttpProblem(503, 'Authentication unavailable', HTTP_PROBLEM_TEXTS.keysUnavailable));
      }
      next(challenge(res, reason === 'missing' ? 'invalid' : reason));
    }
  };
}
