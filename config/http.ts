/**
 * The HTTP API's settings: where it listens, its limits and log level, the codec server's callers and the token of
 * `/metrics`. Part of `loadConfig`; every bad variable is listed in one error.
 */
import { z } from 'zod';

import type { Role } from '../domain/case';
import { ROLES } from '../domain/case';
import { failConfig, issueLines } from './errors';
import { commaList, port } from './fields';

/** The API's log levels, from the most to the least verbose; `silent` logs nothing. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

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

/** The API's variables; the descriptions are what docs/OPERATIONS.md lists (test/unit/config-docs.test.ts). */
export const httpSchema = z.object({
  PORT: port.default(3000).describe('HTTP API 的监听端口'),
  /** Read by the auth settings too: development mode hands out tokens to anyone, so only a loopback API may run it. */
  HOST: z.string().default('127.0.0.1').describe('HTTP API 的监听地址；非回环地址时不允许开发模式认证'),
  /** Requests per principal per window, counted after authentication. */
  RATE_LIMIT_MAX: positive.default(300).describe('每个调用者在一个窗口内的请求上限（认证之后计数）'),
  /**
   * Requests per client address per window, counted before authentication so that floods of bad tokens are cut
   * off too. Higher than the per-principal limit because a whole office may share one address.
   */
  RATE_LIMIT_IP_MAX: positive.default(1200).describe('每个客户端地址在一个窗口内的请求上限（认证之前计数）'),
  RATE_LIMIT_WINDOW_SECONDS: positive.default(60).describe('限流窗口（秒）'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info').describe('API 日志级别：debug、info、warn、error、silent'),
  /** How long a shutdown waits for requests in flight before cutting connections. */
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(10_000)
    .describe('停止时等待处理中请求的最长时间（毫秒），之后断开连接'),
  /** How long a request may wait on Temporal before it is answered 503 with Retry-After (api/http/temporal-deadline.ts). */
  TEMPORAL_CALL_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(10_000)
    .describe('一个请求等待 Temporal 的最长时间（毫秒），超时答 503 并带 Retry-After'),
  /**
   * A series letter code before the office's case numbers (e.g. `T1` gives T1宛纪容〔2026〕1号), with numbering
   * workflows of its own: for a second installation (a test deployment) sharing one Temporal namespace.
   */
  CASE_NUMBER_SERIES: z
    .string()
    .regex(/^[A-Z0-9]{1,8}$/, '1–8 characters from A–Z 0–9')
    .optional()
    .describe('案件编号前的系列代码（大写字母或数字，至多 8 位）；仅供与他处共用同一 Temporal 命名空间的测试部署'),
  /** Which proxies' X-Forwarded-For names the client (Express `trust proxy`); off by default. */
  TRUST_PROXY: trustProxy.describe(
    '信任哪些代理的 X-Forwarded-For：false、代理跳数，或代理地址/网段列表（loopback、10.0.0.0/8）；不接受 true',
  ),
  /**
   * Stored first answers (Idempotency-Key) one caller may hold within a day: ten times what a busy officer sends,
   * far below what fills a disk. Over it a POST is answered 429.
   */
  IDEMPOTENCY_MAX_PER_CALLER: positive
    .default(2_000)
    .describe('每个调用者一天内保存的首次应答（Idempotency-Key）上限，超过答 429'),
  /** Stored first answers across all callers; over it a POST is answered 503 until old answers expire. */
  IDEMPOTENCY_MAX_TOTAL: positive.default(200_000).describe('所有调用者保存的首次应答总数上限，超过答 503'),
  /** Applications (`POST /cases` by an applicant) one applicant may submit per calendar day in Beijing time. */
  SUBMISSIONS_PER_APPLICANT_PER_DAY: positive.default(20).describe('每位申请人每个自然日（北京时间）可提交的申请数'),
  /**
   * Bearer token the API's `GET /metrics` requires; required in production (`loadConfig`), open without it
   * elsewhere (keep the API's port internal).
   */
  METRICS_TOKEN: z
    .string()
    .min(16)
    .optional()
    .describe('API 的 GET /metrics 要求的 Bearer 令牌（至少 16 个字符）；NODE_ENV=production 时必填'),
  /**
   * Origins of the Temporal Web UI allowed to call the API's codec server from the browser (comma-separated);
   * `npm start` adds its embedded UI's own origins.
   */
  CODEC_CORS_ORIGINS: commaList('')
    .pipe(z.array(z.url({ protocol: /^https?$/ })))
    .describe('允许从浏览器调用 API 解码服务（/codec）的 Temporal Web UI 源，逗号分隔；npm start 自动加入内嵌 UI'),
  /** The Temporal Web UI the workbench links each case to (operators' register); `npm start` uses its embedded one. */
  TEMPORAL_UI_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('工作台运维页面中每个案件链接到的 Temporal Web UI 地址；npm start 使用内嵌 Web UI'),
  /** Roles whose tokens may decrypt case data through the codec server. */
  CODEC_ROLES: commaList(
    // Operators run the system and never read a case's contents, so they are not among the defaults.
    'caseOfficer,investigator,approvingLeader,meetingSecretary',
  )
    .pipe(z.array(z.enum(ROLES.filter((r) => r !== 'applicant') as [Role, ...Role[]])))
    .describe('可通过解码服务解密案件数据的角色，逗号分隔；申请人不在其列'),
  /** Where each API process writes its hash-chained access log (a file of its own); DATA_DIR/access-log by default. */
  ACCESS_LOG_DIR: z
    .string()
    .optional()
    .describe(
      '访问记录目录：每次读取案件内容与每次解码各记一条（哈希链），每个 API 进程一个文件；默认 DATA_DIR/access-log',
    ),
});

/** The API's validated settings, keyed by their variables. */
export type HttpConfig = z.infer<typeof httpSchema>;

/**
 * Reads and validates the API's settings from `env`. In production `/metrics` (counts of cases by stage across
 * every body) must not be open, so METRICS_TOKEN is required there.
 *
 * @throws ConfigError listing every bad or missing variable.
 */
export function loadHttpConfig(env: NodeJS.ProcessEnv, context: { readonly production?: boolean } = {}): HttpConfig {
  const parsed = httpSchema.safeParse(env);
  if (!parsed.success) failConfig(issueLines(parsed.error));
  if (context.production && !parsed.data.METRICS_TOKEN) {
    failConfig(['METRICS_TOKEN: required when NODE_ENV=production (at least 16 characters)']);
  }
  return parsed.data;
}
