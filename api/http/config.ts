/**
 * Limits and log level for the HTTP edge, from the environment, validated once with every bad variable listed in
 * one error (as `config/env.ts` does for the rest).
 */
import { z } from 'zod';

import { failConfig } from '../../config/env';
import { LOG_LEVELS } from '../logger';

const positive = z.coerce.number().int().min(1);

const schema = z.object({
  /** Requests per principal per window, counted after authentication. */
  RATE_LIMIT_MAX: positive.default(300),
  /**
   * Requests per client address per window, counted before authentication so that floods of bad tokens are cut
   * off too. Higher than the per-principal limit because a whole office may share one address.
   */
  RATE_LIMIT_IP_MAX: positive.default(1200),
  RATE_LIMIT_WINDOW_SECONDS: positive.default(60),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** How long a shutdown waits for requests in flight before cutting connections. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  /** How long a request may wait on Temporal before it is answered 503 with Retry-After (api/temporal-deadline.ts). */
  TEMPORAL_CALL_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
});

export type HttpConfig = z.infer<typeof schema>;

/**
 * Reads and validates the edge settings from `env` (the process environment by default).
 *
 * @throws ConfigError listing every bad variable.
 */
export function loadHttpConfig(env: NodeJS.ProcessEnv = process.env): HttpConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) failConfig(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return parsed.data;
}
