/**
 * What the API's problems (RFC 9457 `detail`) tell the person behind a request, for the HTTP plumbing every route
 * shares: the token, the body, the rate limit, the case service, the idempotency key, the access log, the codec.
 * A refusal by the procedure itself is in `refusals.ts`; a field's complaint in `requests.ts`.
 */
import type { Role } from '../case';
import { ROLE_NAMES } from './refusals';

/** The details of the API's shared problems. */
export const HTTP_PROBLEM_TEXTS = {
  /** A case that does not exist, or one the caller may not read: the same answer, revealing nothing. */
  caseNotFound: '没有此编号的案件',
  /** A key the schema does not know, named as its own field. */
  unknownField: '未知字段',
  /** The body's fields, listed one by one beside this detail. */
  invalidFields: '一个或多个字段不符合要求',
  /** A case number already started. */
  caseExists: '此编号的案件已经提出',
  /** Temporal did not answer in time: the same request may be sent again with the same key. */
  temporalUnavailable: '案件服务暂时无法连接或未及时应答，请用同一 Idempotency-Key 重新发送同一请求',
  /** Anything unforeseen. */
  internal: '请求处理出现意外错误',
  /** The workbench's page asked for before `npm run build` made it. */
  workbenchNotBuilt: '工作台尚未构建，请先运行 npm run build',
  /** A workbench file (script, style) that the build did not make. */
  noSuchAsset: (path: string) => `没有文件 ${path}`,
  /** A path and method the API does not have. */
  noSuchRoute: (method: string, path: string) => `没有 ${method} ${path} 这一接口`,
  /** A body that is not JSON. */
  jsonBody: '请求体须为 application/json',
  /** Too many requests in the window. */
  rateLimited: '请求过于频繁，请在 Retry-After 所示秒数后再试',
  /** A request without its token. */
  tokenMissing: '缺少 Bearer 令牌',
  /** The identity provider's keys cannot be fetched now. */
  keysUnavailable: '暂时无法获取令牌验证密钥，请稍后再试',
  /** Readiness: Temporal does not answer. */
  temporalSilent: 'Temporal 暂无应答',
  /** Readiness: no worker polls the task queue. */
  noWorker: (taskQueue: string) => `任务队列 ${taskQueue} 暂无 worker 在线`,
  /** `GET /metrics` without its token. */
  metricsToken: '读取指标须提供 METRICS_TOKEN 令牌',
  /** The caseload cannot be read for the metrics now. */
  metricsUnavailable: '暂时无法读取案件统计，请稍后再试',
  /** A case read that cannot be logged is not served (every read of a case's content is recorded). */
  readNotLogged: '访问记录无法写入，暂不提供案件内容',
  /** The POST lacks a well-formed Idempotency-Key. */
  idempotencyKey: '每个 POST 请求须带 Idempotency-Key 请求头：1–200 个字符，限 A–Z a–z 0–9 . _ : -',
  /** The first request with this key is still running. */
  idempotencyInProgress: '使用此 Idempotency-Key 的请求正在处理中',
  /** The key came with another request before. */
  idempotencyReused: '此 Idempotency-Key 已用于另一个不同的请求',
  /** The caller's stored first answers reached their bound. */
  idempotencyCallerFull: (maxPerCaller: number) =>
    `本账号 24 小时内的请求记录已达上限（${maxPerCaller} 条），请稍后再试`,
  /** The store of first answers is full. */
  idempotencyStoreFull: '请求记录存储已满，请稍后再试',
} as const;

/** What the codec server (decryption for the Temporal Web UI) tells its caller. */
export const CODEC_TEXTS = {
  /** Decryption needs an officer's token. */
  tokenRequired: '解密服务须凭办案人员的令牌访问',
  /** A role that may not read case data through the codec. */
  roleMayNotRead: (role: Role) => `${ROLE_NAMES[role]}不能读取案件数据`,
  /** A decryption that cannot be logged is not done. */
  decodeNotLogged: '访问记录无法写入，暂不解密',
  /** Development mode: the demo user named is not one of them. */
  unknownDemoUser: (subjects: readonly string[]) => `演示用户须为以下之一：${subjects.join('、')}`,
  /** Development mode: the codec session opened for a demo user. */
  sessionOpened: (subject: string) =>
    `编解码服务已为 ${subject} 开启（8 小时）。请回到 Temporal Web UI 查看案件内容。\n`,
} as const;
