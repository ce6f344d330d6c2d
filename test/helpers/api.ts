/**
 * A whole stack for end-to-end tests: the run's real dev server, the real worker and the real HTTP API on an
 * ephemeral 127.0.0.1 port, in development mode with the demo users, torn down together. One stack per test file.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';

import { FileArchive } from '../../activities/file-archive';
import { CaseCodec } from '../../codec/case-codec';
import { FileOutbox } from '../../activities/file-outbox';
import { FileDocumentStore } from '../../documents/document-store';
import { createApp } from '../../api/app';
import { DEFAULT_ORG_TREE_FILE } from '../../api/org-tree/org-tree-file';
import { FileAccessLog } from '../../api/http/access-log';
import { CASE_CLIENT_INTERCEPTORS } from '../../api/cases/sent-messages';
import { DEMO_USERS } from '../../api/auth';
import type { Authentication, DevelopmentAuth } from '../../api/auth';
import { createDevelopmentAuth } from '../../api/auth/development';
import type { HttpConfig } from '../../api/http/hardening';
import { loadHttpConfig } from '../../config/http';
import { createLogger } from '../../api/http/logger';
import { calendarSource } from '../../calendar';
import type { NumberingConfig } from '../../domain/case-numbers';
import { createCaseWorker } from '../../worker/worker';
import type { OpenRegister } from '../../register/register';
import { TEST_PAYLOAD_KEYS, testDataConverter } from './payload-keys';
import { openTestRegister } from './register';
import { startDevServer } from './temporal';
import { stopping } from './stopping';

/** The codec server's roles as configured by default. */
const CODEC_ROLES = loadHttpConfig({}).CODEC_ROLES;

export interface Stack {
  readonly env: TestWorkflowEnvironment;
  /** The task queue of this stack's worker. */
  readonly taskQueue: string;
  readonly baseUrl: string;
  readonly outbox: FileOutbox;
  /** The operators' holiday directory both the API writes and the worker's calendar reads. */
  readonly holidaysDir: string;
  /** The stack's own copy of `config/org-tree.json`, which `PUT /org-tree` replaces. */
  readonly orgTreeFile: string;
  /** Where the API writes its access log (one chain file). */
  readonly accessLogDir: string;
  /** How this stack's API numbers cases. */
  readonly numbering: NumberingConfig;
  /** True when `caseNumber` is one this stack's API gave (the e2e files share one dev server). */
  numberedHere(caseNumber: string): boolean;
  /** The register the stack's worker writes and its API reads (PGlite). */
  readonly register: OpenRegister;
  /** Mints tokens with the app's development key. */
  readonly dev: DevelopmentAuth;
  /** A token for each demo user, by `sub` (`officer.dc`, `leader.od`, `applicant.li`, `operator`, ...). */
  readonly tokens: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** A server of the test's own (taken over: `stop()` tears it down); the run's shared dev server by default. */
  readonly env?: TestWorkflowEnvironment;
  /** The API's port; an ephemeral one by default. */
  readonly port?: number;
  /** Serve the codec server, allowing these Web UI origins. */
  readonly codecOrigins?: readonly string[];
  /** Edge settings over the test defaults (high rate limits, silent log). */
  readonly http?: Partial<HttpConfig>;
  /** The worker's task queue; a fresh one by default (give the same one to restart a stack). */
  readonly taskQueue?: string;
  /**
   * How the API numbers cases; by default a series of this stack's own (e.g. `TQXZ纪容〔2026〕1号` under
   * `numbering-TQXZ/…`), since the e2e files share one dev server and each stack has its own task queue.
   */
  readonly numbering?: NumberingConfig;
  /** The register's PGlite directory; in memory by default. */
  readonly registerDir?: string;
  /**
   * How the API verifies tokens, for a stack that trusts an identity provider (AUTH_MODE=jwt); development mode with
   * the stack's own key by default. With another, `tokens` are the development key's and the API refuses them.
   */
  readonly authentication?: Authentication;
  /** The Temporal Web UI the workbench links each case to; none by default. */
  readonly temporalUiUrl?: string;
}

/** A numbering of the stack's own: its own series letters and its own numbering workflows. */
export function stackNumbering(): NumberingConfig {
  const series = `T${Array.from({ length: 4 }, () => String.fromCharCode(65 + randomInt(26))).join('')}`;
  return {
    prefix: `numbering-${series}`,
    patterns: {
      partyCommittee: `${series}委容〔{year}〕{n}号`,
      disciplineCommission: `${series}纪容〔{year}〕{n}号`,
      organizationDepartment: `${series}组容〔{year}〕{n}号`,
    },
  };
}

/** Starts the dev server, worker and API; `stop()` tears all down. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  // The dev server of the whole run (test/global-setup.ts); each file gets its own task queue, worker and API.
  const address = process.env.E2E_TEMPORAL_ADDRESS;
  const env =
    options.env ??
    (address
      ? await TestWorkflowEnvironment.createFromExistingServer({
          address,
          client: { dataConverter: testDataConverter, interceptors: CASE_CLIENT_INTERCEPTORS },
        })
      : await startDevServer());
  // The stack's own client, so it encrypts case data whichever client the server came with.
  const client = new Client({
    connection: env.connection,
    namespace: 'default',
    dataConverter: testDataConverter,
    interceptors: CASE_CLIENT_INTERCEPTORS,
  });
  const taskQueue = options.taskQueue ?? `e2e-${randomUUID()}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-'));
  const holidaysDir = path.join(dir, 'holidays');
  mkdirSync(holidaysDir);
  const orgTreeFile = path.join(dir, 'org-tree.json');
  copyFileSync(DEFAULT_ORG_TREE_FILE, orgTreeFile);
  const outbox = new FileOutbox(path.join(dir, 'outbox'));
  // One register for the stack's worker and API, as `npm start` has.
  const register = await openTestRegister(options.registerDir);
  // The worker issues documents into the store the API serves them from, as under one DATA_DIR.
  const documents = new FileDocumentStore(path.join(dir, 'documents'), TEST_PAYLOAD_KEYS);
  const worker: Worker = await createCaseWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    dependencies: {
      calendar: calendarSource({ holidaysDir }),
      notices: outbox,
      archive: new FileArchive(path.join(dir, 'archive')),
      register: register.register,
      documents: { store: documents },
    },
    dataConverter: testDataConverter,
  });
  const workerRun = worker.run();
  const dev = await createDevelopmentAuth();
  const accessLogDir = path.join(dir, 'access-log');
  const numbering = options.numbering ?? stackNumbering();
  const app = createApp({
    client,
    taskQueue,
    numbering,
    holidaysDir,
    orgTreeFile,
    documents,
    authentication: options.authentication ?? { mode: 'development', verifier: dev.verifier, development: dev },
    // The authorisation matrix alone sends hundreds of requests from one address within a minute.
    http: {
      ...loadHttpConfig({}),
      RATE_LIMIT_MAX: 10_000,
      RATE_LIMIT_IP_MAX: 100_000,
      // The fuzzer and the journeys submit far more than a real applicant does in a day.
      SUBMISSIONS_PER_APPLICANT_PER_DAY: 100_000,
      IDEMPOTENCY_MAX_PER_CALLER: 1_000_000,
      LOG_LEVEL: 'silent',
      SHUTDOWN_TIMEOUT_MS: 1_000,
      ...options.http,
    },
    logger: createLogger({ level: 'silent' }),
    ...(options.temporalUiUrl ? { temporalUiUrl: options.temporalUiUrl } : {}),
    accessLog: new FileAccessLog({ dir: accessLogDir }),
    // The register's keys, so that the API's blind indexes of applicants and parties are the register's.
    payloadKeys: TEST_PAYLOAD_KEYS,
    register: register.register,
    ...(options.codecOrigins
      ? {
          codec: {
            codec: new CaseCodec(TEST_PAYLOAD_KEYS),
            allowedOrigins: options.codecOrigins,
            roles: CODEC_ROLES,
          },
        }
      : {}),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(options.port ?? 0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const tokens = Object.fromEntries(await Promise.all(DEMO_USERS.map(async (u) => [u.sub, await dev.mint(u)])));
  return {
    env,
    taskQueue,
    outbox,
    holidaysDir,
    orgTreeFile,
    accessLogDir,
    register,
    dev,
    tokens,
    baseUrl: `http://127.0.0.1:${port}`,
    numbering,
    numberedHere: (n) => Object.values(numbering.patterns).some((p) => n.startsWith(p.slice(0, p.indexOf('{')))),
    async stop() {
      await new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      });
      worker.shutdown();
      await stopping(taskQueue, worker, env.client, workerRun);
      await register.close();
      await env.teardown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly headers: Headers;
  readonly body: Record<string, any> | undefined;
}

export interface RequestOptions {
  /** A demo user's `sub`, whose token is sent; none when absent. */
  readonly as?: string;
  /** The Idempotency-Key of a POST; a fresh one when absent, none when null. */
  readonly key?: string | null;
  readonly headers?: Record<string, string>;
}

/** Sends JSON (or a raw string) and returns the status, content type and parsed body. */
export async function request(
  stack: Stack,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<Answer> {
  const headers: Record<string, string> = {
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(options.as ? { authorization: `Bearer ${stack.tokens[options.as]}` } : {}),
    ...(method === 'POST' && options.key !== null ? { 'idempotency-key': options.key ?? randomUUID() } : {}),
    ...options.headers,
  };
  const res = await fetch(`${stack.baseUrl}${url}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Record<string, any> | undefined;
  try {
    parsed = text ? (JSON.parse(text) as Record<string, any>) : undefined;
  } catch {
    parsed = { text };
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', headers: res.headers, body: parsed };
}

/** A client bound to one stack. */
export function api(stack: Stack) {
  return {
    get: (url: string, as?: string) => request(stack, 'GET', url, undefined, { as }),
    post: (url: string, body: unknown, as: string, options: Omit<RequestOptions, 'as'> = {}) =>
      request(stack, 'POST', url, body, { ...options, as }),
  };
}

/** Polls `read` until `done` holds: signals and visibility are applied a moment after they are accepted. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const until = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`never reached ${what}: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A second API process over the same Temporal server, task queue, organisation tree file and numbering as `stack`'s
 * (as a deployment runs several): what one process changes, the other must see. Its own scope cache and tree holder.
 */
export async function startSecondApi(stack: Stack): Promise<{ readonly baseUrl: string; stop(): Promise<void> }> {
  const client = new Client({
    connection: stack.env.connection,
    namespace: 'default',
    dataConverter: testDataConverter,
    interceptors: CASE_CLIENT_INTERCEPTORS,
  });
  const app = createApp({
    client,
    taskQueue: stack.taskQueue,
    numbering: stack.numbering,
    holidaysDir: stack.holidaysDir,
    orgTreeFile: stack.orgTreeFile,
    authentication: { mode: 'development', verifier: stack.dev.verifier, development: stack.dev },
    http: {
      ...loadHttpConfig({}),
      RATE_LIMIT_MAX: 10_000,
      RATE_LIMIT_IP_MAX: 100_000,
      LOG_LEVEL: 'silent',
      SHUTDOWN_TIMEOUT_MS: 1_000,
    },
    logger: createLogger({ level: 'silent' }),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
