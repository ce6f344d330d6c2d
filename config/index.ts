/**
 * The one configuration. `loadConfig` reads the environment once, at start-up, validates every variable of every
 * concern the command runs (one module each: `temporal.ts`, `worker.ts`, `http.ts`, `auth.ts`, `payload-keys.ts`),
 * and returns a frozen object that is handed down as parameters; no other application module reads `process.env`.
 * Every missing or bad variable is listed in one error, and nothing starts half-configured.
 */
import path from 'node:path';

import { z } from 'zod';

import type { AuthConfig } from './auth';
import { loadAuthConfig } from './auth';
import { collect } from './errors';
import type { HttpConfig } from './http';
import { loadHttpConfig } from './http';
import { DEFAULT_DATA_DIR, projectRoot } from './paths';
import type { PayloadConfig } from './payload-keys';
import { loadPayloadConfig } from './payload-keys';
import type { RegisterConfig } from './register';
import { loadRegisterConfig } from './register';
import type { TemporalConfig } from './temporal';
import { loadTemporalConfig } from './temporal';
import type { WorkerConfig } from './worker';
import { loadWorkerConfig } from './worker';

/** The commands of `node dist/main.js`; each needs its own part of the configuration. */
export const COMMANDS = ['all', 'worker', 'api'] as const;
/** One command of `node dist/main.js`. */
export type Command = (typeof COMMANDS)[number];

/** The variables every command reads; the descriptions are what docs/OPERATIONS.md lists. */
export const commonSchema = z.object({
  NODE_ENV: z
    .string()
    .optional()
    .describe('production 时要求通知网关、档案服务、载荷密钥与 METRICS_TOKEN，并拒绝开发模式认证'),
  DATA_DIR: z
    .string()
    .default(DEFAULT_DATA_DIR)
    .describe('数据目录：内嵌开发服务器的 SQLite、outbox、archive、幂等应答、开发密钥'),
  /** Operators' holiday files (`<year>.json`); shared by every worker and the API in a deployment. */
  HOLIDAYS_DIR: z
    .string()
    .default(path.join(projectRoot, 'config', 'holidays'))
    .describe('运维人员的节假日文件目录（每年一个“年份.json”），worker 与 API 共用'),
  /** The operators' organisation tree; the API reads it at start and an operator replaces it at run time. */
  ORG_TREE_FILE: z
    .string()
    .default(path.join(projectRoot, 'config', 'org-tree.json'))
    .describe('组织树文件（层级、办理机关及受理科室、所属单位），API 启动时校验，运维可经 PUT /org-tree 替换'),
});

/** What every command is configured with. */
export interface BaseConfig {
  readonly production: boolean;
  readonly nodeEnv?: string;
  readonly dataDir: string;
  readonly holidaysDir: string;
  readonly orgTreeFile: string;
  readonly temporal: TemporalConfig;
  /** The payload keys and the sealing policy of the codec, which client and worker share. */
  readonly payload: PayloadConfig;
  /** The register's database: workers write it, the API reads it; absent for an API alone outside production. */
  readonly register?: RegisterConfig;
}

/** `main worker`: a worker alone. */
export interface WorkerProcessConfig extends BaseConfig {
  readonly worker: WorkerConfig;
}

/** `main api`: the HTTP API alone. */
export interface ApiProcessConfig extends BaseConfig {
  readonly http: HttpConfig;
  readonly auth: AuthConfig;
}

/** `main all` (`npm start`): worker and API, and the embedded dev server unless an address is configured. */
export interface AllConfig extends WorkerProcessConfig, ApiProcessConfig {
  /** True when no Temporal address is configured: `npm start` runs its own dev server. */
  readonly embedded: boolean;
}

/** The configuration each command gets. */
export interface ConfigFor {
  readonly all: AllConfig;
  readonly worker: WorkerProcessConfig;
  readonly api: ApiProcessConfig;
}

/** Freezes plain objects and arrays all the way down; buffers, maps and URLs keep their own identity. */
function deepFreeze<T>(value: T): T {
  if (
    Array.isArray(value) ||
    (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
  ) {
    for (const v of Object.values(value as object)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Reads and validates the configuration `command` needs from `env` (the process environment by default, the only
 * read of it in the application). Only `all` without a configured Temporal address (everything on this machine)
 * defaults to demo tokens and makes its own payload key; against a separate Temporal both must be configured.
 *
 * @throws ConfigError listing every bad or missing variable of every concern at once.
 */
export function loadConfig<C extends Command>(command: C, env: NodeJS.ProcessEnv = process.env): ConfigFor[C] {
  const common = commonSchema.parse(env);
  const production = common.NODE_ENV === 'production';
  const api = command !== 'worker';
  const worker = command !== 'api';
  // The Temporal settings decide whether `all` is embedded, which the auth and key rules depend on; their own
  // problems are reported with the others'.
  let temporal: TemporalConfig | undefined;
  let temporalError: unknown;
  try {
    temporal = loadTemporalConfig(env);
  } catch (err) {
    temporalError = err;
  }
  const embedded = command === 'all' && temporal !== undefined && !temporal.address;
  const parts = collect({
    temporal: () => {
      if (!temporal) throw temporalError;
      return temporal;
    },
    payload: () => loadPayloadConfig(env, { dataDir: common.DATA_DIR, allowGenerated: embedded }),
    register: () => loadRegisterConfig(env, { dataDir: common.DATA_DIR, command, production }),
    worker: () => (worker ? loadWorkerConfig(env, { production }) : undefined),
    http: () => (api ? loadHttpConfig(env, { production }) : undefined),
    auth: () => (api ? loadAuthConfig(env, { embedded, temporalAddress: temporal?.address }) : undefined),
  });
  const config = {
    production,
    ...(common.NODE_ENV ? { nodeEnv: common.NODE_ENV } : {}),
    dataDir: common.DATA_DIR,
    holidaysDir: common.HOLIDAYS_DIR,
    orgTreeFile: common.ORG_TREE_FILE,
    ...(command === 'all' ? { embedded } : {}),
    ...Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined)),
  };
  return deepFreeze(config) as unknown as ConfigFor[C];
}

export { ConfigError, CONFIG_ERROR_HEADING } from './errors';
export { connectionOptions } from './temporal';
export type { TemporalConfig } from './temporal';
export type { HttpConfig } from './http';
export type { AuthConfig } from './auth';
export type { WorkerConfig } from './worker';
export type { PayloadConfig } from './payload-keys';
export type { RegisterConfig } from './register';
