import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit as expressRateLimit } from 'express-rate-limit';

import { HTTP_PROBLEM_TEXTS } from '../../domain/texts';
import { HttpProblem } from './errors';

export interface RateLimitOptions {
  /** Requests allowed per window and key. */
  readonly limit: number;
  readonly windowMs: number;
  /** `principal` counts per authenticated caller (falling back to the address); `ip` per client address. */
  readonly by: 'principal' | 'ip';
}

function clientKey(req: Request): string {
  return `ip:${ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`;
}

/**
 * Caps requests per key and window; over the cap answers 429 problem+json with `Retry-After` and the standard
 * `RateLimit` headers. Counts live in this process's memory.
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  return expressRateLimit({
    limit: options.limit,
    windowMs: options.windowMs,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req: Request, res: Response) => {
      const sub = options.by === 'principal' ? res.locals.principal?.sub : undefined;
      return sub ? `sub:${sub}` : clientKey(req);
    },
    handler: (_req, _res, next) => {
      next(new HttpProblem(429, 'Too many requests', HTTP_PROBLEM_TEXTS.rateLimited));
    },
  });
}
