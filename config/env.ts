/**
 * Configuration comes only from the environment and is validated once at start-up: every missing or bad variable
 * is listed in one error, and nothing starts half-configured.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { z } from 'zod';

import type { SealingPolicy } from '../codec/aes-gcm';
import type { PayloadKeys } from '../codec/keys';
import type { Role } from '../domain/case';
import { ROLES } from '../domain/case';
import { loadPayloadKeys } from '../codec/keys';
import { projectRoot } from './paths';

const port = z.coerce.number().int().min(1).max(65535);
const PLAINTEXT_WINDOW_MS = 90 * 24 * 3600 * 1000;

/** Host names that never leave this machine, as a URL's `hostname` or a listen address spells them. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** True when `host` (a URL hostname or a listen address) is this machine's loopback. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase());
}

/**
 * A delivery URL (notices, archive): https, because names, units and outcomes travel in it; plain http only to a
 * loopback host, where the tests' stand-ins listen.
 */
const deliveryUrl = z.url().refine((u) => {
  if (!URL.canParse(u)) return false;
  const url = new URL(u);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}, 'an https URL (plain http only on localhost)');

/** Where `npm start` keeps the dev server's SQLite file, the outbox, the archive and a generated payload key. */
export const DEFAULT_DATA_DIR = path.join(projectRoot, '.data');

const schema = z.object({
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[\w.-]+:\d+$/, 'host:port')
    .optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('tolerance-cases'),
  TEMPORAL_TLS_CERT: z.string().optional(),
  TEMPORAL_TLS_KEY: z.string().optional(),
  TEMPORAL_TLS_CA: z.string().optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().optional(),
  TEMPORAL_API_KEY: z.string().optional(),
  /** Ports of the embedded dev server, used only when TEMPORAL_ADDRESS is unset. */
  TEMPORAL_DEV_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  PORT: port.default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default(DEFAULT_DATA_DIR),
  /**
   * Cases a worker keeps in memory between their steps. Almost every case sleeps on a timer for days, so a small
   * cache bounds the worker's memory; a case outside it is rebuilt from its history (tens of ms) on its next step.
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(500),
  /** How many working days before a statutory deadline its reminder goes out. */
  REMINDER_WORKING_DAYS: z.coerce.number().int().min(1).max(10).default(1),
  /**
   * Working days a pause of a case's statutory clock may last before it is escalated like a missed deadline (to the
   * handling body and its supervising level, then each further working day until the clock resumes).
   */
  PAUSE_LIMIT_WORKING_DAYS: z.coerce.number().int().min(1).max(250).default(30),
  /**
   * Production notice transport and archive store; unset, notices go to DATA_DIR/outbox and entries to
   * DATA_DIR/archive, which production refuses (worker/dependencies.ts).
   */
  NOTICE_WEBHOOK_URL: deliveryUrl.optional(),
  NOTICE_WEBHOOK_TOKEN: z.string().min(1).optional(),
  ARCHIVE_URL: deliveryUrl.optional(),
  ARCHIVE_TOKEN: z.string().min(1).optional(),
  /**
   * Payload encryption keys (codec/keys.ts): the current key's id and base64 value, older keys that still decrypt
   * (`id:base64,…`), or a key file instead; none outside production makes DATA_DIR/payload-keys.json.
   */
  PAYLOAD_KEY_ID: z.string().optional(),
  PAYLOAD_KEY: z.string().optional(),
  PAYLOAD_PREVIOUS_KEYS: z.string().optional(),
  PAYLOAD_KEY_FILE: z.string().optional(),
  /**
   * Migration only: until this date (YYYY-MM-DD, Asia/Shanghai, at most 90 days ahead) payloads that are not sealed
   * pass through, so cases begun on release 0.1.0 (written before encryption) keep running. Unset, every payload
   * that is not sealed with a known key is refused.
   */
  PAYLOAD_PLAINTEXT_UNTIL: z.iso
    .date('a date like 2027-01-31')
    .transform((d) => new Date(`${d}T24:00:00+08:00`))
    .refine((d) => d.getTime() - Date.now() <= PLAINTEXT_WINDOW_MS, 'at most 90 days ahead: a migration, not a mode')
    .optional(),
  NODE_ENV: z.string().optional(),
  /**
   * Origins of the Temporal Web UI allowed to call the API's codec server from the browser (comma-separated);
   * `npm start` adds its embedded UI's own origins.
   */
  CODEC_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  /** Roles whose tokens may decrypt case data through the codec server. */
  CODEC_ROLES: z
    .string()
    // Operators run the system and never read a case's contents, so they are not among the defaults.
    .default('caseOfficer,investigator,approvingLeader,meetingSecretary')
    .transform((v) =>
      v
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(ROLES.filter((r) => r !== 'applicant') as [Role, ...Role[]]))),
  /** Where the worker serves the Temporal SDK's Prometheus metrics; unset, it serves none. */
  METRICS_PORT: port.optional(),
  METRICS_HOST: z.string().default('127.0.0.1'),
  /**
   * Bearer token the API's `GET /metrics` requires; required in production (`checkApiConfig`), open without it
   * elsewhere (keep the API's port internal).
   */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Operators' holiday files (`<year>.json`); shared by every worker and the API in a deployment. */
  HOLIDAYS_DIR: z.string().default(path.join(projectRoot, 'config', 'holidays')),
});

/** The validated configuration. */
export type AppConfig = z.infer<typeof schema> & {
  readonly tls?: { cert?: Buffer; key?: Buffer; ca?: Buffer; serverName?: string };
};

/** Thrown with every problem of the environment, one per line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and validates the configuration from `env` (the process environment by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) failConfig(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const c = parsed.data;
  const problems: string[] = [];
  if (Boolean(c.TEMPORAL_TLS_CERT) !== Boolean(c.TEMPORAL_TLS_KEY)) {
    problems.push('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together');
  }
  const read = (name: string, file?: string): Buffer | undefined => {
    if (!file) return undefined;
    try {
      return readFileSync(file);
    } catch (err) {
      problems.push(`${name}: cannot read ${file}: ${(err as Error).message}`);
      return undefined;
    }
  };
  const useTls = c.TEMPORAL_TLS_CERT || c.TEMPORAL_TLS_CA || c.TEMPORAL_API_KEY;
  const tls = useTls
    ? {
        cert: read('TEMPORAL_TLS_CERT', c.TEMPORAL_TLS_CERT),
        key: read('TEMPORAL_TLS_KEY', c.TEMPORAL_TLS_KEY),
        ca: read('TEMPORAL_TLS_CA', c.TEMPORAL_TLS_CA),
        serverName: c.TEMPORAL_TLS_SERVER_NAME,
      }
    : undefined;
  if (problems.length) failConfig(problems);
  return { ...c, ...(tls ? { tls } : {}) };
}

/** Throws the one configuration error for `lines`, each naming a variable and its problem; every loader uses it. */
export function failConfig(lines: readonly string[]): never {
  throw new ConfigError(`${CONFIG_ERROR_HEADING}\n${lines.map((l) => `  ${l}`).join('\n')}`);
}

/** The first line of every configuration error; the problems follow, one per line. */
export const CONFIG_ERROR_HEADING = 'bad configuration in the environment:';

/**
 * Runs every loader and returns their results, or throws one ConfigError listing the problems of all of them, so
 * an operator fixes the whole environment in one go instead of one variable per restart.
 */
export function loadAll<T extends Record<string, unknown>>(loaders: { readonly [K in keyof T]: () => T[K] }): T {
  const results: Partial<T> = {};
  const lines: string[] = [];
  for (const name of Object.keys(loaders) as (keyof T)[]) {
    try {
      results[name] = loaders[name]();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      lines.push(
        ...(message.startsWith(CONFIG_ERROR_HEADING)
          ? message.slice(CONFIG_ERROR_HEADING.length + 1).split('\n')
          : [`  ${message}`]),
      );
    }
  }
  if (lines.length) throw new ConfigError(`${CONFIG_ERROR_HEADING}\n${lines.join('\n')}`);
  return results as T;
}

/** Connection options shared by the client and the worker's native connection. */
export function connectionOptions(config: AppConfig, address: string) {
  const tls = config.tls
    ? {
        ...(config.tls.cert && config.tls.key ? { clientCertPair: { crt: config.tls.cert, key: config.tls.key } } : {}),
        ...(config.tls.ca ? { serverRootCACertificate: config.tls.ca } : {}),
        ...(config.tls.serverName ? { serverNameOverride: config.tls.serverName } : {}),
      }
    : undefined;
  return { address, ...(tls ? { tls } : {}), ...(config.TEMPORAL_API_KEY ? { apiKey: config.TEMPORAL_API_KEY } : {}) };
}

/**
 * The settings only the HTTP API needs, checked on top of `loadConfig`: in production `/metrics` (counts of cases by
 * stage across every body) must not be open, so METRICS_TOKEN is required.
 *
 * @throws ConfigError naming METRICS_TOKEN.
 */
export function checkApiConfig(config: AppConfig): AppConfig {
  if (config.NODE_ENV === 'production' && !config.METRICS_TOKEN) {
    failConfig(['METRICS_TOKEN: required when NODE_ENV=production (at least 16 characters)']);
  }
  return config;
}

/**
 * The payload keys from `env`, with DATA_DIR defaulted as `loadConfig` does. Only `npm start`'s embedded setup
 * passes `allowGenerated`: everywhere else a missing key is a configuration error, never a key made up on the spot.
 *
 * @throws PayloadKeyError naming the variable or file at fault.
 */
export function loadKeysFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  options: { readonly allowGenerated?: boolean } = {},
): PayloadKeys {
  return loadPayloadKeys({
    ...env,
    DATA_DIR: env.DATA_DIR || DEFAULT_DATA_DIR,
    allowGenerated: options.allowGenerated ?? false,
  });
}

/** How the codec treats payloads that are not sealed, from the configuration. */
export function sealingPolicy(config: Pick<AppConfig, 'PAYLOAD_PLAINTEXT_UNTIL'>): SealingPolicy {
  return config.PAYLOAD_PLAINTEXT_UNTIL ? { plaintextUntil: config.PAYLOAD_PLAINTEXT_UNTIL } : {};
}
