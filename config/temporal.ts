/**
 * The Temporal connection, by the SDK's standard names: `@temporalio/envconfig` reads a temporal.toml profile
 * (TEMPORAL_CONFIG_FILE, TEMPORAL_PROFILE; by default the user's `temporalio/temporal.toml`) and lets TEMPORAL_ADDRESS,
 * TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS_* and TEMPORAL_GRPC_META_* override it, as the Temporal CLI
 * and every SDK do, so one profile serves the CLI, the worker and the API. The client (API) and the worker's
 * NativeConnection connect with the same options. The task queue and the embedded dev server's ports are this
 * project's own.
 */
import { accessSync, constants, existsSync } from 'node:fs';

import type { ClientConfigProfile, ClientConnectConfig } from '@temporalio/envconfig';
import { loadClientConfigProfile, toClientOptions } from '@temporalio/envconfig';
import { z } from 'zod';

import { failConfig, issueLines } from './errors';
import { port } from './fields';

const ADDRESS = /^[\w.-]+:\d+$/;
const optional = (description: string) => z.string().min(1).optional().describe(description);

/**
 * The project's first TLS names, kept so existing deployments keep working: each is the SDK's `*_PATH` variable
 * under another name, and giving both is refused.
 */
const TLS_ALIASES = {
  TEMPORAL_TLS_CERT: 'TEMPORAL_TLS_CLIENT_CERT_PATH',
  TEMPORAL_TLS_KEY: 'TEMPORAL_TLS_CLIENT_KEY_PATH',
  TEMPORAL_TLS_CA: 'TEMPORAL_TLS_SERVER_CA_CERT_PATH',
} as const;

/** The TEMPORAL_* variables; the descriptions are what docs/OPERATIONS.md lists (test/unit/config-docs.test.ts). */
export const temporalSchema = z.object({
  TEMPORAL_CONFIG_FILE: optional(
    'temporal.toml 配置文件（Temporal 标准）；未设置时读用户配置目录下的 temporalio/temporal.toml（如存在）',
  ),
  TEMPORAL_PROFILE: optional('使用配置文件中的哪个 profile；默认 default'),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(ADDRESS, 'host:port')
    .optional()
    .describe('Temporal 前端的 host:port，覆盖 profile；都未设置时 npm start 启动内嵌开发服务器'),
  TEMPORAL_NAMESPACE: optional('命名空间，覆盖 profile；默认 default'),
  TEMPORAL_API_KEY: optional('API 密钥（Temporal Cloud），覆盖 profile；设置后启用 TLS'),
  TEMPORAL_TLS: z.enum(['true', 'false', '1', '0']).optional().describe('true 启用、false 关闭 TLS，覆盖 profile'),
  TEMPORAL_TLS_CLIENT_CERT_PATH: optional('客户端证书文件（mTLS）'),
  TEMPORAL_TLS_CLIENT_CERT_DATA: optional('客户端证书内容（PEM），代替文件'),
  TEMPORAL_TLS_CLIENT_KEY_PATH: optional('客户端私钥文件（mTLS），与证书同时设置'),
  TEMPORAL_TLS_CLIENT_KEY_DATA: optional('客户端私钥内容（PEM），代替文件'),
  TEMPORAL_TLS_SERVER_CA_CERT_PATH: optional('服务器 CA 证书文件；默认系统根证书'),
  TEMPORAL_TLS_SERVER_CA_CERT_DATA: optional('服务器 CA 证书内容（PEM），代替文件'),
  TEMPORAL_TLS_SERVER_NAME: optional('TLS 服务器名称（SNI）覆盖'),
  TEMPORAL_TLS_CERT: optional('旧名，同 TEMPORAL_TLS_CLIENT_CERT_PATH'),
  TEMPORAL_TLS_KEY: optional('旧名，同 TEMPORAL_TLS_CLIENT_KEY_PATH'),
  TEMPORAL_TLS_CA: optional('旧名，同 TEMPORAL_TLS_SERVER_CA_CERT_PATH'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('tolerance-cases').describe('案件 worker 的任务队列（本项目专有）'),
  /** Ports of the embedded dev server, used only when no address is configured. */
  TEMPORAL_DEV_PORT: port.default(7233).describe('npm start 内嵌开发服务器的端口（未配置地址时）'),
  TEMPORAL_UI_PORT: port.default(8233).describe('npm start 内嵌 Web UI 的端口'),
});

/** What the client and the worker's NativeConnection are given besides the address: API key, TLS, gRPC metadata. */
export type TemporalConnection = Omit<ClientConnectConfig['connectionOptions'], 'address'>;

/** The validated Temporal settings. */
export interface TemporalConfig {
  /** `host:port` of the frontend, from TEMPORAL_ADDRESS or the profile; unset, `npm start` runs its own dev server. */
  readonly address?: string;
  readonly namespace: string;
  readonly taskQueue: string;
  readonly devPort: number;
  readonly uiPort: number;
  readonly connection: TemporalConnection;
}

/** A TLS file of the profile and the variables that may have named it, for error lines. */
const TLS_FILES = [
  ['clientCert', 'TEMPORAL_TLS_CLIENT_CERT_PATH', 'TEMPORAL_TLS_CERT', 'client_cert_path'],
  ['clientKey', 'TEMPORAL_TLS_CLIENT_KEY_PATH', 'TEMPORAL_TLS_KEY', 'client_key_path'],
  ['serverCACert', 'TEMPORAL_TLS_SERVER_CA_CERT_PATH', 'TEMPORAL_TLS_CA', 'server_ca_cert_path'],
] as const;

/** The variable that set a value, or where in the profile it came from. */
function sourceOf(env: NodeJS.ProcessEnv, names: readonly string[], tomlKey: string): string {
  return names.find((n) => env[n]) ?? `temporal.toml ${tomlKey}`;
}

/**
 * The profile as the SDK reads it, with the project's old TLS names mapped to the standard ones. Only `env` is
 * given to the SDK, never the process environment itself, so a test's or a caller's environment is the whole input.
 */
function readProfile(env: NodeJS.ProcessEnv, problems: string[]): ClientConfigProfile | undefined {
  const sdkEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined) sdkEnv[name] = value;
  for (const [old, standard] of Object.entries(TLS_ALIASES)) {
    if (!env[old]) continue;
    if (env[standard]) problems.push(`${old}: 与 ${standard} 重复，只设置 ${standard}`);
    else sdkEnv[standard] = env[old];
  }
  const file = env.TEMPORAL_CONFIG_FILE;
  // The SDK skips a missing file silently, which is right for the default location but hides a typo in a path an
  // operator named on purpose.
  if (file && !existsSync(file)) {
    problems.push(`TEMPORAL_CONFIG_FILE: 找不到文件 ${file}`);
    return undefined;
  }
  try {
    return loadClientConfigProfile({ overrideEnvVars: sdkEnv, configFileStrict: true });
  } catch (err) {
    const message = (err as Error).message;
    const missing = /^Profile '(.*)' not found/.exec(message);
    problems.push(
      missing
        ? `TEMPORAL_PROFILE: ${file ? `配置文件 ${file}` : '默认的 temporal.toml（用户配置目录下）'} 中没有 profile "${missing[1]}"`
        : `TEMPORAL_CONFIG_FILE: ${file ?? '默认的 temporal.toml'} 无法使用：${message}`,
    );
    return undefined;
  }
}

/** The problems of a profile's values that the SDK leaves to the first connection attempt. */
function profileProblems(env: NodeJS.ProcessEnv, profile: ClientConfigProfile): string[] {
  const problems: string[] = [];
  if (profile.address !== undefined && !ADDRESS.test(profile.address)) {
    problems.push(`${sourceOf(env, ['TEMPORAL_ADDRESS'], 'address')}: "${profile.address}" 不是 host:port`);
  }
  const tls = profile.tls;
  if (tls && Boolean(tls.clientCert) !== Boolean(tls.clientKey)) {
    problems.push(
      'TEMPORAL_TLS_CLIENT_CERT_PATH (TEMPORAL_TLS_CERT) and TEMPORAL_TLS_CLIENT_KEY_PATH (TEMPORAL_TLS_KEY) go together: 客户端证书与私钥须同时设置',
    );
  }
  for (const [field, standard, old, tomlKey] of TLS_FILES) {
    const source = tls?.[field];
    if (!source || !('path' in source)) continue;
    try {
      accessSync(source.path, constants.R_OK);
    } catch (err) {
      problems.push(
        `${sourceOf(env, [old, standard], `tls.${tomlKey}`)}: cannot read ${source.path}: ${(err as Error).message}`,
      );
    }
  }
  return problems;
}

/**
 * Reads and validates the Temporal settings from `env`: the project's variables, then the SDK's profile with its
 * environment overrides. TLS files are read here, so an unreadable one stops start-up with its variable's name.
 *
 * @throws ConfigError listing every bad variable, the profile file or profile at fault.
 */
export function loadTemporalConfig(env: NodeJS.ProcessEnv): TemporalConfig {
  const parsed = temporalSchema.safeParse(env);
  const problems = parsed.success ? [] : issueLines(parsed.error);
  const profile = readProfile(env, problems);
  if (profile) problems.push(...profileProblems(env, profile));
  if (problems.length || !parsed.success || !profile) failConfig(problems);
  let connect: ClientConnectConfig;
  try {
    connect = toClientOptions(profile);
  } catch (err) {
    return failConfig([`TEMPORAL_TLS_*: ${(err as Error).message}`]);
  }
  const { address, ...connection } = connect.connectionOptions;
  return {
    ...(address ? { address } : {}),
    namespace: connect.namespace || 'default',
    taskQueue: parsed.data.TEMPORAL_TASK_QUEUE,
    devPort: parsed.data.TEMPORAL_DEV_PORT,
    uiPort: parsed.data.TEMPORAL_UI_PORT,
    connection: Object.fromEntries(Object.entries(connection).filter(([, v]) => v !== undefined)),
  };
}

/**
 * The options `Connection.connect` (client) and `NativeConnection.connect` (worker) both take: `address`, or the
 * configured one, or the local dev server's port when none is configured.
 */
export function connectionOptions(temporal: TemporalConfig, address?: string) {
  return { ...temporal.connection, address: address ?? temporal.address ?? `127.0.0.1:${temporal.devPort}` };
}
