/**
 * Prometheus metrics of the API at `GET /metrics`: requests and their latency by route (the route's pattern, never
 * a case number, so the series stay few), and the caseload read from Temporal visibility at scrape time: cases by
 * stage and overdue cases. The workers' own metrics come from the SDK runtime (METRICS_PORT).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

import type { Client } from '@temporalio/client';
import type { RequestHandler } from 'express';
import { Router } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

import { STAGES } from '../../domain/case';
import { HTTP_PROBLEM_TEXTS } from '../../domain/texts';
import { HttpProblem } from './errors';
import type { Logger } from './logger';
import { logger as defaultLogger } from './logger';

export interface ApiMetrics {
  /** Counts and times every request; mount first. */
  readonly middleware: RequestHandler;
  /** `GET /metrics`; with a token configured, only for `Authorization: Bearer <token>`. */
  readonly router: Router;
}

/** How long a caseload reading is reused, so frequent scrapes do not become visibility queries each. */
const CASELOAD_TTL_MS = 15_000;

/**
 * Whether `header` is `Bearer <token>`, compared in constant time: both sides are hashed first, so neither the
 * position of the first wrong character nor the token's length shows in the time of the answer.
 */
function bearerMatches(header: string | undefined, token: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(header ?? ''), digest(`Bearer ${token}`));
}

/** Creates the API's registry, its HTTP middleware and its `/metrics` route. */
export function createApiMetrics(
  client: Client,
  options: { readonly token?: string; readonly logger?: Logger } = {},
): ApiMetrics {
  const log = options.logger ?? defaultLogger;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  let caseload: { at: number; byStage: Map<string, number>; overdue: number } | undefined;
  const readCaseload = async (): Promise<NonNullable<typeof caseload>> => {
    if (caseload && Date.now() - caseload.at < CASELOAD_TTL_MS) return caseload;
    const count = async (filter: string): Promise<number> =>
      (await client.workflow.count(`WorkflowType = 'caseWorkflow' AND ${filter}`)).count;
    const byStage = new Map(
      await Promise.all(STAGES.map(async (stage) => [stage, await count(`CaseStage = '${stage}'`)] as const)),
    );
    const overdue = await count(`ExecutionStatus = 'Running' AND Overdue = true`);
    caseload = { at: Date.now(), byStage, overdue };
    return caseload;
  };
  new Gauge({
    name: 'cases_by_stage',
    help: 'Cases by stage of the procedure (from Temporal visibility)',
    labelNames: ['stage'] as const,
    registers: [registry],
    async collect() {
      for (const [stage, n] of (await readCaseload()).byStage) this.set({ stage }, n);
    },
  });
  new Gauge({
    name: 'cases_overdue',
    help: 'Open cases past a statutory deadline (from Temporal visibility)',
    registers: [registry],
    async collect() {
      this.set((await readCaseload()).overdue);
    },
  });

  const middleware: RequestHandler = (req, res, next) => {
    const stop = latency.startTimer();
    res.once('finish', () => {
      // The matched pattern, or one label for every unmatched path so that probing cannot mint series.
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      stop({ method: req.method, route });
      requests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };

  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (options.token && !bearerMatches(req.get('authorization'), options.token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new HttpProblem(401, 'Unauthorized', HTTP_PROBLEM_TEXTS.metricsToken);
    }
    try {
      const text = await registry.metrics();
      res.type(registry.contentType).send(text);
    } catch (err) {
      // The gRPC text names hosts and the server's internals: it goes to the log, the scraper learns only the status.
      log.warn('metrics: the caseload cannot be read', { requestId: res.locals.requestId, error: err });
      res.setHeader('Retry-After', '5');
      throw new HttpProblem(503, 'Metrics unavailable', HTTP_PROBLEM_TEXTS.metricsUnavailable);
    }
  });
  return { middleware, router };
}
