/**
 * The HTTP edge in front of every route: request ids, one log line per request, security headers, and rate
 * limits; plus a graceful shutdown for the server.
 */
import type { RequestHandler } from 'express';

import type { HttpConfig } from '../../config/http';
import { rateLimit } from './rate-limit';
import { requestId } from './request-id';
import { requestLog } from './request-log';
import { securityHeaders } from './security-headers';
import type { Logger } from './logger';
import { createLogger } from './logger';

export interface HardeningOptions {
  /** Limits and log level, from the configuration (`config/http.ts`). */
  readonly config: HttpConfig;
  /** Where request lines go; a JSON-lines logger on stdout at `LOG_LEVEL` when absent. */
  readonly logger?: Logger;
  /** Origins beside the API's own that its pages may fetch from (the identity provider's); none by default. */
  readonly connectSources?: readonly string[];
}

/**
 * The middleware to mount first, in order: request id, request log, security headers, and the per-address rate
 * limit (which runs before authentication, so floods of bad tokens are capped as well).
 */
export function hardening(options: HardeningOptions): RequestHandler[] {
  const config = options.config;
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });
  return [
    requestId(),
    requestLog(logger),
    securityHeaders({ connectSources: options.connectSources }),
    rateLimit({ by: 'ip', limit: config.RATE_LIMIT_IP_MAX, windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000 }),
  ];
}

/** The per-principal rate limit; mount right after `authenticate`, so every caller gets its own budget. */
export function principalRateLimit(options: { readonly config: HttpConfig }): RequestHandler {
  const config = options.config;
  return rateLimit({
    by: 'principal',
    limit: config.RATE_LIMIT_MAX,
    windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000,
  });
}

export { gracefulClose } from './graceful-close';
export type { GracefulCloseOptions } from './graceful-close';
export type { HttpConfig } from '../../config/http';
export { rateLimit } from './rate-limit';
export { createLogger, logger } from './logger';
export type { Logger } from './logger';
