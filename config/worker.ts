/**
 * The worker's settings: its cache, its metrics endpoint, the reminder lead, and where notices and archive entries
 * go. Part of `loadConfig`; every bad variable is listed in one error.
 */
import { z } from 'zod';

import { failConfig, issueLines } from './errors';
import { port, secureUrl } from './fields';

/** The worker's variables; the descriptions are what docs/OPERATIONS.md lists (test/unit/config-docs.test.ts). */
export const workerSchema = z.object({
  /**
   * Cases a worker keeps in memory between their steps. Almost every case sleeps on a timer for days, so a small
   * cache bounds the worker's memory; a case outside it is rebuilt from its history (tens of ms) on its next step.
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce
    .number()
    .int()
    .min(0)
    .max(100_000)
    .default(500)
    .describe('worker 在内存中保留的案件数；其余案件在下一步时从历史重建'),
  /** How many working days before a statutory deadline its reminder goes out. */
  REMINDER_WORKING_DAYS: z.coerce.number().int().min(1).max(10).default(1).describe('法定期限前几个工作日发出提醒'),
  PAUSE_LIMIT_WORKING_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(250)
    .default(30)
    .describe('暂停计时超过多少个工作日即向办理机关及其上级督办，此后每个工作日再督办一次'),
  /**
   * Production notice transport and archive store; unset, notices go to DATA_DIR/outbox and entries to
   * DATA_DIR/archive, which production refuses (`loadConfig`).
   */
  NOTICE_WEBHOOK_URL: secureUrl
    .optional()
    .describe('通知网关地址（https）；未设置时通知写入 DATA_DIR/outbox，NODE_ENV=production 时必填'),
  NOTICE_WEBHOOK_TOKEN: z.string().min(1).optional().describe('发往通知网关的 Bearer 令牌'),
  ARCHIVE_URL: secureUrl
    .optional()
    .describe('档案服务地址（https）；未设置时归档写入 DATA_DIR/archive，NODE_ENV=production 时必填'),
  ARCHIVE_TOKEN: z.string().min(1).optional().describe('发往档案服务的 Bearer 令牌'),
  /** Where the worker serves the Temporal SDK's Prometheus metrics; unset, it serves none. */
  METRICS_PORT: port.optional().describe('worker 提供 Temporal SDK Prometheus 指标的端口；未设置则不提供'),
  METRICS_HOST: z.string().default('127.0.0.1').describe('worker 指标的监听地址'),
});

/** The worker's validated settings, keyed by their variables. */
export type WorkerConfig = z.infer<typeof workerSchema>;

/**
 * Reads and validates the worker's settings from `env`. In production notices and archive entries must not stay in
 * files on the worker's disk, where nobody archives or deletes them, so both URLs are required there.
 *
 * @throws ConfigError listing every bad or missing variable.
 */
export function loadWorkerConfig(env: NodeJS.ProcessEnv, context: { readonly production: boolean }): WorkerConfig {
  const parsed = workerSchema.safeParse(env);
  if (!parsed.success) failConfig(issueLines(parsed.error));
  const c = parsed.data;
  if (context.production) {
    const missing = (['NOTICE_WEBHOOK_URL', 'ARCHIVE_URL'] as const).filter((name) => !c[name]);
    if (missing.length) failConfig(missing.map((name) => `${name}: required when NODE_ENV=production`));
  }
  return c;
}
