/**
 * The HTTP API over a Temporal client, in the order a request meets it: metrics, the hardened edge (request id, log
 * line, security headers, per-address rate limit), the codec server for the Web UI, the public routes (health,
 * readiness, metrics, OpenAPI document and docs, demo tokens in development), authentication and the per-caller
 * rate limit, the access log of case reads, the JSON body, the Idempotency-Key of every POST (with its caps), the applicants' daily quota, the
 * bound on Temporal calls, the case, calendar, organisation tree and statistics routes, and one problem+json handler
 * for every error.
 */
import { hkdfSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Client } from '@temporalio/client';
import express, { Router } from 'express';

import type { CaseCodec } from '../codec/case-codec';
import type { PayloadKeys } from '../codec/keys';
import type { CaseRegister } from '../register/register';
import { calendarSource, DEFAULT_HOLIDAYS_DIR } from '../calendar';
import { ApplicantIndex, PartyIndex } from '../codec/blind-index';
import { projectRoot } from '../config/paths';
import type { Authentication } from './auth';
import { authenticate, devTokensRouter, signInConfigRoute } from './auth';
import type { Role } from '../domain/case';
import { codecServer, devCodecSessionRouter } from './codec/codec-server';
import { caseSeatLookup } from './codec/case-seat';
import type { AccessLog } from './http/access-log';
import { caseReadLog } from './http/case-read-log';
import { useChineseValidationMessages } from './http/zod-locale';
import { HttpProblem, problemHandler } from './http/errors';
import { hardening, principalRateLimit } from './http/hardening';
import type { HttpConfig, Logger } from './http/hardening';
import { createLogger } from './http/hardening';
import { jsonBody } from './http/json-body';
import { principalOf } from './http/locals';
import { idempotency } from './idempotency/idempotency';
import { FileIdempotencyStore } from './idempotency/idempotency-file-store';
import type { IdempotencyStore } from './idempotency/idempotency-store';
import { MemoryIdempotencyStore } from './idempotency/idempotency-store';
import { createApiMetrics } from './http/metrics';
import { OpenApiRegistry } from './docs/openapi';
import { docsRouter } from './docs/openapi-docs';
import { readinessRoute } from './http/readiness';
import { calendarRoute } from './calendar/calendar-route';
import { caseActionRoutes } from './cases/case-actions';
import { caseListRoute } from './cases/case-list';
import { caseReadRoutes } from './cases/case-reads';
import { caseDocumentRoutes } from './cases/case-documents';
import type { DocumentStore } from '../documents/document-store';
import { FileDocumentStore } from '../documents/document-store';
import type { ApiRoute } from './http/route';
import { mountRoutes } from './http/route';
import { submissionRoute } from './cases/submission';
import { registerExportRoute } from './statistics/register-export-route';
import type { CaseRecordSource } from './statistics/source';
import { temporalCaseRecords } from './statistics/source';
import { statisticsRoute } from './statistics/statistics-route';
import { DEFAULT_ORG_TREE_FILE, orgTreeHolder } from './org-tree/org-tree-file';
import { placeInTree } from './org-tree/place-in-tree';
import { orgTreeRoutes } from './org-tree/org-tree-route';
import { competentBodyRoute } from './org-tree/competent-body-route';
import type { NumberingConfig } from '../domain/case-numbers';
import { numberingInSeries } from '../domain/case-numbers';
import { HTTP_PROBLEM_TEXTS } from '../domain/texts';
import { submissionQuota } from './cases/submission-quota';
import { temporalDeadline } from './http/temporal-deadline';
import { workbenchRouter } from './web/workbench';

export interface ApiDependencies {
  /** The Temporal client, injected so tests and start-up pass a real one connected where they choose. */
  readonly client: Client;
  readonly taskQueue: string;
  /** How the office numbers its cases (patterns per body, numbering workflows' prefix); the defaults when absent. */
  readonly numbering?: NumberingConfig;
  /** The operators' holiday directory the workers' calendars read; the repository's `config/holidays` by default. */
  readonly holidaysDir?: string;
  /** The built workbench (`npm run build` writes `dist/web`), served at `/` and `/app/…`; `dist/web` by default. */
  readonly webDir?: string;
  /** The Temporal Web UI the workbench links each case to (TEMPORAL_UI_URL); no links when absent. */
  readonly temporalUiUrl?: string;
  /** The operators' organisation tree file; the repository's `config/org-tree.json` by default. */
  readonly orgTreeFile?: string;
  /** How tokens are verified, built from the AUTH_* settings (`createAuthentication`, `lazyAuthentication`). */
  readonly authentication: Authentication;
  /** Where first answers to POSTs are kept; files under `<dataDir>/idempotency`, or memory when neither is given. */
  readonly idempotencyStore?: IdempotencyStore;
  readonly dataDir?: string;
  /**
   * Where the workers keep issued documents; `<dataDir>/documents` (opened with the payload keys) by default, none
   * without a data directory (a download then answers 503).
   */
  readonly documents?: DocumentStore;
  /** The payload keys, which seal the answers kept under `dataDir`; required with it. */
  readonly payloadKeys?: PayloadKeys;
  /** Rate limits, log level and the bound on Temporal calls (`config/http.ts`). */
  readonly http: HttpConfig;
  readonly logger?: Logger;
  /** The case codec to serve to the Temporal Web UI at `/codec`; no codec server when absent. */
  readonly codec?: {
    readonly codec: CaseCodec;
    /** The Web UI's origins, allowed to call the codec server from the browser. */
    readonly allowedOrigins: readonly string[];
    readonly roles: readonly Role[];
  };
  /** Bearer token `GET /metrics` requires (METRICS_TOKEN); open to the scraper's network when absent. */
  readonly metricsToken?: string;
  /**
   * Where every read of case content and every codec decode is recorded (`FileAccessLog` under ACCESS_LOG_DIR);
   * nothing is recorded without one, which only tests and memory-only set-ups leave out.
   */
  readonly accessLog?: AccessLog;
  /**
   * Where the statistics and the register export read cases' full records; by default the register below, else
   * Temporal itself (visibility, then each case's query).
   */
  readonly caseRecords?: CaseRecordSource;
  /**
   * The register (`register/`): lists, the statistics and the export read it, and reads of a case Temporal no
   * longer has fall back to it. Without one (an API alone outside production, unit tests) they read Temporal.
   */
  readonly register?: CaseRegister;
}

/** Largest request body: the longest texts (facts, reasoning) are 20 000 characters, three bytes each in UTF-8. */
const BODY_LIMIT = '256kb';

/**
 * The key that authenticates list cursors: derived from the current payload key, so every API process of a
 * deployment accepts the others' cursors; without payload keys (tests, memory-only set-ups) one per process.
 */
function cursorKey(keys: PayloadKeys | undefined): Buffer {
  if (!keys) return randomBytes(32);
  const secret = keys.keys.get(keys.currentKeyId) as Buffer;
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'tolerance-cases/case-list-cursor', 32));
}

function apiVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

const publicRoutes: ApiRoute[] = [
  {
    doc: {
      method: 'get',
      path: '/healthz',
      summary: '健康检查',
      tags: ['运维'],
      operationId: 'health',
      responses: { 200: 'the API is up' },
      security: 'none',
    },
    handler: (_req, res) => {
      res.json({ status: 'ok' });
    },
  },
];

/** Builds the HTTP API. Configuration errors (AUTH_*, rate limits) throw here, at start-up. */
export function createApp(deps: ApiDependencies): express.Express {
  useChineseValidationMessages();
  const http = deps.http;
  const logger = deps.logger ?? createLogger({ level: http.LOG_LEVEL });
  const auth = deps.authentication;
  if (deps.dataDir && !deps.idempotencyStore && !deps.payloadKeys) {
    throw new Error('createApp: dataDir needs payloadKeys, which seal the stored answers');
  }
  const store =
    deps.idempotencyStore ??
    (deps.dataDir
      ? new FileIdempotencyStore(path.join(deps.dataDir, 'idempotency'), { keys: deps.payloadKeys as PayloadKeys })
      : new MemoryIdempotencyStore());
  const registry = new OpenApiRegistry();
  // Applicants are found by a keyed index of their subject (codec/blind-index.ts); an app without payload keys (a
  // test's, in memory) indexes under a key of its own process.
  const indexKeys = deps.payloadKeys ?? { currentKeyId: 'process', keys: new Map([['process', randomBytes(32)]]) };
  const applicants = new ApplicantIndex(indexKeys);
  // Parties likewise, by their identifier, under a label of their own.
  const parties = new PartyIndex(indexKeys);

  const metrics = createApiMetrics(deps.client, { token: deps.metricsToken, logger });
  const open = Router();
  mountRoutes(open, registry, [
    ...publicRoutes,
    readinessRoute(deps.client, deps.taskQueue, logger),
    signInConfigRoute(auth),
  ]);
  open.use(metrics.router);
  if (auth.development) {
    registry.registerRoute({
      method: 'get',
      path: '/dev/tokens',
      summary: '开发模式：各演示用户的令牌',
      tags: ['运维'],
      operationId: 'devTokens',
      responses: { 200: 'a bearer token for every demo user' },
      security: 'none',
    });
    open.use(devTokensRouter(auth.development));
  }

  // Read and checked now: a bad tree stops the API at start with its bad entries named.
  const orgTree = orgTreeHolder(deps.orgTreeFile ?? DEFAULT_ORG_TREE_FILE, (err) =>
    logger.warn('organisation tree file changed into a bad tree; the tree in force stays', {
      problems: err.problems,
    }),
  );
  const holidaysDir = deps.holidaysDir ?? DEFAULT_HOLIDAYS_DIR;
  // One calendar for the reads' working days left and the statistics' working days per stage.
  const calendar = calendarSource({ holidaysDir });
  const statistics = {
    source: deps.caseRecords ?? deps.register ?? temporalCaseRecords(deps.client, deps.taskQueue),
    calendar,
    levelNames: () => Object.fromEntries(orgTree.current().tree.levels.map((l) => [l.id, l.name])),
  };
  const cases = Router();
  mountRoutes(cases, registry, [
    submissionRoute(
      deps.client,
      deps.taskQueue,
      applicants,
      orgTree,
      parties,
      deps.numbering ?? numberingInSeries(http.CASE_NUMBER_SERIES),
    ),
    caseListRoute(deps.client, cursorKey(deps.payloadKeys), parties, deps.register),
    ...caseReadRoutes(deps.client, calendar, deps.register),
    ...caseDocumentRoutes(
      deps.client,
      deps.documents ??
        (deps.dataDir && deps.payloadKeys
          ? new FileDocumentStore(path.join(deps.dataDir, 'documents'), deps.payloadKeys)
          : undefined),
    ),
    ...caseActionRoutes(deps.client, orgTree),
    calendarRoute(deps.client, holidaysDir, logger),
    ...orgTreeRoutes(orgTree, logger),
    competentBodyRoute(orgTree),
    statisticsRoute(statistics),
    registerExportRoute({ ...statistics, logger, ...(deps.accessLog ? { accessLog: deps.accessLog } : {}) }),
  ]);

  const document = registry.buildOpenApiDocument({
    title: '容错纠错免责减责 案件办理 API',
    version: apiVersion(),
    description:
      '按办理程序（事项提出、受理办理、调查核实、研究认定、反馈结论）办理容错纠错免责减责事项。办理人一律取自令牌；每个 POST 须带 Idempotency-Key。',
  });

  const app = express();
  app.disable('x-powered-by');
  // Behind a proxy, the client's own address (from X-Forwarded-For) keys the per-address limit, not the proxy's.
  app.set('trust proxy', http.TRUST_PROXY);
  app.use(metrics.middleware);
  // The workbench fetches the identity provider's discovery document, keys and token endpoint from the browser.
  const connectSources = auth.oidc ? [new URL(auth.oidc.issuer).origin] : [];
  app.use(hardening({ config: http, logger, connectSources }));
  // One per-caller budget for the codec server and the API alike.
  const perCaller = principalRateLimit({ config: http });
  // Before the JSON body limit: the codec server authenticates and bounds its own bodies.
  if (deps.codec) {
    app.use(
      codecServer({
        ...deps.codec,
        verifier: auth.verifier,
        sessionVerifier: auth.development?.codecVerifier,
        rateLimit: perCaller,
        logger,
        ...(deps.accessLog ? { accessLog: deps.accessLog } : {}),
        jurisdiction: { orgTree, seatOf: caseSeatLookup(deps.client) },
      }),
    );
  }
  if (deps.codec && auth.development) app.use(devCodecSessionRouter(auth.development));
  app.use(open);
  app.use(docsRouter(document));
  // Before authentication: the page itself is public; it signs in and sends the token with every API call.
  app.use(
    workbenchRouter({
      dir: deps.webDir,
      connectSources,
      ...(deps.temporalUiUrl
        ? { temporalUi: { url: deps.temporalUiUrl, namespace: deps.client.options.namespace } }
        : {}),
    }),
  );
  app.use(authenticate(auth.verifier, { logger }));
  app.use((_req, res, next) => {
    const p = principalOf(res);
    if (p.role === 'applicant') res.locals.principal = { ...p, applicantKeys: applicants.candidates(p.sub) };
    if (p.body) res.locals.principal = placeInTree(p, orgTree.current());
    next();
  });
  app.use(perCaller);
  if (deps.accessLog) app.use(caseReadLog(deps.accessLog, logger));
  // After authentication: a caller without a token learns nothing about what the body would have been judged.
  app.use(jsonBody({ limit: BODY_LIMIT }));
  app.use(
    idempotency({
      store,
      logger,
      maxPerCaller: http.IDEMPOTENCY_MAX_PER_CALLER,
      maxTotal: http.IDEMPOTENCY_MAX_TOTAL,
    }),
  );
  // After idempotency: a replayed answer is not a new submission.
  app.use(submissionQuota({ perDay: http.SUBMISSIONS_PER_APPLICANT_PER_DAY }));
  app.use(temporalDeadline(deps.client, http.TEMPORAL_CALL_TIMEOUT_MS));
  app.use(cases);
  app.use((req) => {
    throw new HttpProblem(404, 'Not found', HTTP_PROBLEM_TEXTS.noSuchRoute(req.method, req.path));
  });
  app.use(problemHandler);
  return app;
}
