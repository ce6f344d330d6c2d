/**
 * Limits and log level for the HTTP edge, from the environment, validated once with every bad variable listed in
 * one error (as `config/env.ts` does for the rest).
 */
import { z } from 'zod';

import { failConfig } from '../../config/env';
import { LOG_LEVELS } from './logger';

const positive = z.coerce.number().int().min(1);

/** One entry of an Express `trust proxy` list: an address, a subnet, or one of Express's named ranges. */
const PROXY_ENTRY = /^(?:loopback|linklocal|uniquelocal|[0-9A-Fa-f.:]+(?:\/\d{1,3})?)$/;

/**
 * TRUST_PROXY as Express's `trust proxy` setting: off when empty or `false`; a number of proxy hops; or a
 * comma-separated list of proxy addresses and subnets (`loopback`, `10.0.0.0/8`). `true` (trust any sender of
 * X-Forwarded-For) is refused: every caller could then pick the address its rate limit is counted under.
 */
const trustProxy = z
  .string()
  .default('')
  .transform((v) => v.trim())
  .pipe(
    z.union([
      z.enum(['', 'false']).transform(() => false as const),
      z
        .string()
        .regex(/^\d{1,2}$/)
        .transform(Number),
      z
        .string()
        .refine(
          (v) => v.split(',').every((e) => PROXY_ENTRY.test(e.trim())),
          'false, a number of hops, or proxy addresses/subnets (loopback, 10.0.0.0/8, …); never true',
        ),
    ]),
  );

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
  /** How long a request may wait on Temporal before it is answered 503 with Retry-After (api/http/temporal-deadline.ts). */
  TEMPORAL_CALL_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Which proxies' X-Forwarded-For names the client (Express `trust proxy`); off by default. */
  TRUST_PROXY: trustProxy,
  /**
   * Stored first answers (Idempotency-Key) one caller may hold within a day: ten times what a busy officer sends,
   * far below what fills a disk. Over it a POST is answered 429.
   */
  IDEMPOTENCY_MAX_PER_CALLER: positive.default(2_000),
  /** Stored first answers across all callers; over it a POST is answered 503 until old answers expire. */
  IDEMPOTENCY_MAX_TOTAL: positive.default(200_000),
  /** Applications (`POST /cases` by an applicant) one applicant may submit per calendar day in Beijing time. */
  SUBMISSIONS_PER_APPLICANT_PER_DAY: positive.default(20),
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
