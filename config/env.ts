/**
 * Configuration comes only from the environment and is validated once at start-up: every missing or bad variable
 * is listed in one error, and nothing starts half-configured.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { z } from 'zod';

import { projectRoot } from './paths';

const port = z.coerce.number().int().min(1).max(65535);

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
  DATA_DIR: z.string().default(path.join(projectRoot, '.data')),
  /**
   * Cases a worker keeps in memory between their steps. Almost every case sleeps on a timer for days, so a small
   * cache bounds the worker's memory; a case outside it is rebuilt from its history (tens of ms) on its next step.
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(500),
  /** How many working days before a statutory deadline its reminder goes out. */
  REMINDER_WORKING_DAYS: z.coerce.number().int().min(1).max(10).default(1),
  /** Production notice transport and archive store; unset, notices go to DATA_DIR/outbox and entries to DATA_DIR/archive. */
  NOTICE_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  NOTICE_WEBHOOK_TOKEN: z.string().min(1).optional(),
  ARCHIVE_URL: z.url({ protocol: /^https?$/ }).optional(),
  ARCHIVE_TOKEN: z.string().min(1).optional(),
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
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`bad configuration in the environment:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (Boolean(c.TEMPORAL_TLS_CERT) !== Boolean(c.TEMPORAL_TLS_KEY)) {
    throw new ConfigError(
      'bad configuration in the environment:\n  TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together',
    );
  }
  const read = (name: string, file?: string): Buffer | undefined => {
    if (!file) return undefined;
    try {
      return readFileSync(file);
    } catch (err) {
      throw new ConfigError(
        `bad configuration in the environment:\n  ${name}: cannot read ${file}: ${(err as Error).message}`,
      );
    }
  };
  const useTls = c.TEMPORAL_TLS_CERT || c.TEMPORAL_TLS_CA || c.TEMPORAL_API_KEY;
  return {
    ...c,
    ...(useTls
      ? {
          tls: {
            cert: read('TEMPORAL_TLS_CERT', c.TEMPORAL_TLS_CERT),
            key: read('TEMPORAL_TLS_KEY', c.TEMPORAL_TLS_KEY),
            ca: read('TEMPORAL_TLS_CA', c.TEMPORAL_TLS_CA),
            serverName: c.TEMPORAL_TLS_SERVER_NAME,
          },
        }
      : {}),
  };
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
