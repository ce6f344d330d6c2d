/**
 * Issue 12, the API's findings, each named by the attack it stops and each tried over real HTTP on 127.0.0.1 (or
 * against start-up itself): the API's own pieces without Temporal, which a stand-in client replaces where a route
 * needs one. docs/RELIABILITY.md lists every test with its finding.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Client } from '@temporalio/client';
import express from 'express';
import { SignJWT, generateKeyPair } from 'jose';
import type { CryptoKey } from 'jose';

import { FileArchive } from '../../activities/file-archive';
import { FileOutbox } from '../../activities/file-outbox';
import { postIdempotent } from '../../activities/http-post';
import { createApp } from '../../api/app';
import { DEMO_USERS, authenticate } from '../../api/auth';
import type { DevelopmentAuth } from '../../api/auth';
import { createDevelopmentAuth } from '../../api/auth/development';
import { createJwtVerifier } from '../../api/auth/verifier';
import { problemHandler } from '../../api/http/errors';
import type { HttpConfig } from '../../api/http/hardening';
import { idempotency } from '../../api/idempotency/idempotency';
import { FileIdempotencyStore } from '../../api/idempotency/idempotency-file-store';
import { MemoryIdempotencyStore } from '../../api/idempotency/idempotency-store';
import { createLogger } from '../../api/http/logger';
import { CaseCodec } from '../../codec/case-codec';
import { loadConfig } from '../../config';
import { loadAuthConfig } from '../../config/auth';
import { loadHttpConfig } from '../../config/http';
import { loadWorkerConfig } from '../../config/worker';
import { projectRoot } from '../../config/paths';
import type { Listening } from '../helpers/listen';
import { listen } from '../helpers/listen';
import { TEST_PAYLOAD_KEYS } from '../helpers/payload-keys';
import { startReceiver } from '../helpers/receiver';

const ISSUER = 'https://idp.test';
const AUDIENCE = 'tolerance-cases-api';
const silent = createLogger({ level: 'silent' });

function captured() {
  const lines: Record<string, any>[] = [];
  return { lines, logger: createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line)) }) };
}

/** A Temporal client whose every call fails as an unreachable server does, naming its host. */
function unreachableClient(): Client {
  const fail = async () => {
    throw new Error('14 UNAVAILABLE: No connection established. Last error: connect ECONNREFUSED 10.20.30.40:7233');
  };
  return {
    connection: { withDeadline: (_deadline: unknown, fn: () => unknown) => fn() },
    withDeadline: (_deadline: unknown, fn: () => unknown) => fn(),
    withAbortSignal: (_signal: unknown, fn: () => unknown) => fn(),
    workflowService: { describeTaskQueue: fail, listWorkflowExecutions: fail },
    workflow: { count: fail },
    options: { namespace: 'default' },
  } as unknown as Client;
}

function httpConfig(overrides: Partial<HttpConfig> = {}): HttpConfig {
  return { ...loadHttpConfig({}), LOG_LEVEL: 'silent', ...overrides };
}

function configError(load: () => unknown): string {
  try {
    load();
    return '';
  } catch (err) {
    return (err as Error).message;
  }
}

describe('tokens (JWT)', () => {
  let privateKey: CryptoKey;
  let http: Listening;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    const verifier = createJwtVerifier({
      key: pair.publicKey,
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['ES256'],
      maxTokenAgeSeconds: 12 * 3600,
    });
    const app = express();
    app.use(authenticate(verifier, { logger: silent }));
    app.get('/me', (_req, res) => {
      res.json(res.locals.principal);
    });
    app.use(problemHandler);
    http = await listen(app);
  });
  afterAll(() => http.close());

  const token = (
    options: { typ?: string | null; sub?: string; lifetime?: string; issuedAt?: boolean; iat?: number } = {},
  ) => {
    const jwt = new SignJWT({ role: 'caseOfficer', body: 'disciplineCommission' })
      .setProtectedHeader({ alg: 'ES256', ...(options.typ === null ? {} : { typ: options.typ ?? 'JWT' }) })
      .setSubject(options.sub ?? 'officer.dc')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime(options.lifetime ?? '1h');
    if (options.iat !== undefined) jwt.setIssuedAt(options.iat);
    else if (options.issuedAt !== false) jwt.setIssuedAt();
    return jwt.sign(privateKey);
  };
  const me = async (t: string) => fetch(`${http.baseUrl}/me`, { headers: { authorization: `Bearer ${t}` } });

  test('a token that lives ten years is refused', async () => {
    expect((await me(await token({ lifetime: '10y' }))).status).toBe(401);
    expect((await me(await token({ lifetime: '11h' }))).status).toBe(200);
  });

  test('a token without iat, or issued longer ago than the maximum age, is refused', async () => {
    expect((await me(await token({ issuedAt: false }))).status).toBe(401);
    const thirteenHoursAgo = Math.floor(Date.now() / 1000) - 13 * 3600;
    expect((await me(await token({ iat: thirteenHoursAgo, lifetime: '1h' }))).status).toBe(401);
  });

  test('an ID token or an untyped token of the same issuer is refused; JWT and at+jwt in any case pass', async () => {
    for (const typ of ['id_token+jwt', 'logout+jwt', null]) {
      expect({ typ, status: (await me(await token({ typ }))).status }).toEqual({ typ, status: 401 });
    }
    for (const typ of ['JWT', 'jwt', 'at+jwt', 'AT+JWT', 'application/at+jwt']) {
      expect({ typ, status: (await me(await token({ typ }))).status }).toEqual({ typ, status: 200 });
    }
  });

  test('a subject with surrounding spaces is refused, not trimmed into another officer', async () => {
    expect((await me(await token({ sub: ' officer.dc ' }))).status).toBe(401);
    expect((await me(await token({ sub: 'officer.dc\t' }))).status).toBe(401);
  });

  test('authenticated answers, refusals included, are never cached', async () => {
    const ok = await me(await token());
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const refused = await fetch(`${http.baseUrl}/me`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });
});

describe('development mode only where it is safe', () => {
  test('without AUTH_MODE the API is jwt: an unconfigured API refuses to start, naming AUTH_*', () => {
    const message = configError(() => loadAuthConfig({}, { temporalAddress: 'temporal.internal:7233' }));
    for (const name of ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL']) {
      expect(message).toMatch(new RegExp(`^ {2}${name}: `, 'm'));
    }
  });

  test('demo tokens are refused for an API listening beyond loopback or talking to another Temporal', () => {
    expect(configError(() => loadAuthConfig({ AUTH_MODE: 'development', HOST: '0.0.0.0' }))).toMatch(
      /^ {2}AUTH_MODE: development is refused when the API listens beyond loopback \(HOST=0\.0\.0\.0\)/m,
    );
    expect(
      configError(() => loadAuthConfig({ AUTH_MODE: 'development' }, { temporalAddress: 'temporal.internal:7233' })),
    ).toMatch(/^ {2}AUTH_MODE: development is refused against a Temporal server of its own/m);
    // Even npm start's embedded default gives way to a public HOST.
    expect(configError(() => loadAuthConfig({ HOST: '0.0.0.0' }, { embedded: true }))).toMatch(/AUTH_MODE/);
    expect(loadAuthConfig({ HOST: '::1' }, { embedded: true })).toEqual({ mode: 'development' });
  });

  test('main api with TEMPORAL_ADDRESS and no AUTH_* or payload key refuses to start, naming them', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sec-main-'));
    try {
      const run = spawnSync(
        process.execPath,
        [path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(projectRoot, 'main.ts'), 'api'],
        {
          env: { PATH: process.env.PATH, TEMPORAL_ADDRESS: '127.0.0.1:1', DATA_DIR: dataDir, NODE_ENV: 'development' },
          encoding: 'utf8',
          timeout: 30_000,
        },
      );
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^ {2}AUTH_ISSUER: required when AUTH_MODE=jwt/m);
      expect(run.stderr).toMatch(/PAYLOAD_KEY_ID and PAYLOAD_KEY \(or PAYLOAD_KEY_FILE\) are required/);
      // No key was made up beside the data.
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('codec server', () => {
  let dev: DevelopmentAuth;
  let http: Listening;
  let log: ReturnType<typeof captured>;
  const codec = new CaseCodec(TEST_PAYLOAD_KEYS);

  beforeAll(async () => {
    dev = await createDevelopmentAuth();
    log = captured();
    const app = createApp({
      client: unreachableClient(),
      taskQueue: 'security',
      authentication: { mode: 'development', verifier: dev.verifier, development: dev },
      http: httpConfig({ RATE_LIMIT_MAX: 3, TRUST_PROXY: 'loopback' }),
      logger: log.logger,
      codec: { codec, allowedOrigins: [], roles: loadHttpConfig({}).CODEC_ROLES },
    });
    http = await listen(app);
  });
  afterAll(() => http.close());

  const user = (role: string) =>
    DEMO_USERS.find((u) => u.role === role && (!u.body || u.body === 'disciplineCommission'))!;
  const decode = (token: string, payloads: unknown[] = []) =>
    fetch(`${http.baseUrl}/codec/decode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ payloads }),
    });

  test('an operator cannot read case data through the codec by default', async () => {
    expect(loadHttpConfig({}).CODEC_ROLES).not.toContain('operator');
    expect((await decode(await dev.mint(user('operator')))).status).toBe(403);
  });

  test('nobody can have the codec seal a forged message: /codec/encode does not exist', async () => {
    const res = await fetch(`${http.baseUrl}/codec/encode`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': 'forge-1',
        authorization: `Bearer ${await dev.mint(user('caseOfficer'))}`,
      },
      body: JSON.stringify({ payloads: [{ data: Buffer.from('{"actor":"intruder"}').toString('base64') }] }),
    });
    expect(res.status).toBe(404);
  });

  test('an unauthenticated 3 MB body is refused before a byte of it is read', async () => {
    const started = Date.now();
    const answer = await new Promise<{ status: number; ms: number }>((resolve, reject) => {
      const req = httpRequest(`${http.baseUrl}/codec/decode`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(3 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        resolve({ status: res.statusCode ?? 0, ms: Date.now() - started });
        res.resume();
        req.destroy();
      });
      req.on('error', reject);
      // The body is announced but never sent: only a server that answers before reading it can reply.
      req.write('{"payloads":[');
      setTimeout(() => reject(new Error('no answer within 5 s: the server waited for the body')), 5_000).unref();
    });
    expect(answer.status).toBe(401);
  });

  test('a signed-in officer cannot make the codec parse more than 1 MB', async () => {
    const res = await decode(await dev.mint(user('caseOfficer')), [{ data: 'A'.repeat(1100 * 1024) }]);
    expect(res.status).toBe(413);
  });

  test('a codec caller is held to the per-caller rate limit', async () => {
    const token = await dev.mint({ sub: 'limited.officer', role: 'investigator', body: 'disciplineCommission' });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await decode(token)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  test('each decode is logged with who, role, body and the digest of every payload decoded', async () => {
    const sealed = await codec.encode([
      { metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from('"李娜"') },
    ]);
    const json = sealed.map((p) => ({
      metadata: Object.fromEntries(
        Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v!).toString('base64')]),
      ),
      data: Buffer.from(p.data!).toString('base64'),
    }));
    const officer = user('caseOfficer');
    expect((await decode(await dev.mint(officer), json)).status).toBe(200);
    const line = log.lines.find((l) => l.msg === 'codec decode' && l.actor === officer.sub);
    const digest = createHash('sha256').update(sealed[0].data!).digest('hex');
    expect(line).toMatchObject({ role: 'caseOfficer', body: 'disciplineCommission', payloads: 1, digests: [digest] });
  });

  test('the development codec cookie opens the codec only, never the API, and is Secure over https', async () => {
    const session = await fetch(`${http.baseUrl}/dev/codec-session?user=investigator.dc`, {
      headers: { 'x-forwarded-proto': 'https' },
    });
    const cookie = session.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly; SameSite=Strict; .*Secure/);
    const token = /codec_token=([^;]+)/.exec(cookie)![1];
    const viaCookie = await fetch(`${http.baseUrl}/codec/decode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `codec_token=${token}` },
      body: '{"payloads":[]}',
    });
    expect(viaCookie.status).toBe(200);
    const asApiToken = await fetch(`${http.baseUrl}/cases`, { headers: { authorization: `Bearer ${token}` } });
    expect(asApiToken.status).toBe(401);
    const plain = await fetch(`${http.baseUrl}/dev/codec-session?user=investigator.dc`);
    expect(plain.headers.get('set-cookie')).not.toMatch(/Secure/);
  });
});

describe('operations endpoints', () => {
  test('/readyz and /metrics say they are not ready without giving away Temporal’s error text', async () => {
    const log = captured();
    const app = createApp({
      client: unreachableClient(),
      taskQueue: 'security',
      authentication: { mode: 'development', ...(await devAuth()) },
      http: httpConfig(),
      logger: log.logger,
    });
    const http = await listen(app);
    try {
      for (const route of ['/readyz', '/metrics']) {
        const res = await fetch(`${http.baseUrl}${route}`);
        const text = await res.text();
        expect({ route, status: res.status }).toEqual({ route, status: 503 });
        expect(text).not.toMatch(/10\.20\.30\.40|ECONNREFUSED|UNAVAILABLE/);
      }
      expect(JSON.stringify(log.lines)).toMatch(/10\.20\.30\.40/);
    } finally {
      await http.close();
    }
  });

  test('production refuses an open /metrics: the API will not start without METRICS_TOKEN', () => {
    expect(configError(() => loadConfig('api', { NODE_ENV: 'production' }))).toMatch(
      /^ {2}METRICS_TOKEN: required when NODE_ENV=production/m,
    );
    expect(() => loadHttpConfig({ METRICS_TOKEN: 'x'.repeat(16) }, { production: true })).not.toThrow();
  });

  test('behind a trusted proxy each caller gets its own address limit instead of sharing the proxy’s', async () => {
    const app = createApp({
      client: unreachableClient(),
      taskQueue: 'security',
      authentication: { mode: 'development', ...(await devAuth()) },
      http: httpConfig({ RATE_LIMIT_IP_MAX: 2, TRUST_PROXY: 'loopback' }),
      logger: silent,
    });
    const http = await listen(app);
    try {
      const from = async (address: string) =>
        (await fetch(`${http.baseUrl}/healthz`, { headers: { 'x-forwarded-for': address } })).status;
      expect([await from('203.0.113.1'), await from('203.0.113.1'), await from('203.0.113.1')]).toEqual([
        200, 200, 429,
      ]);
      expect(await from('203.0.113.2')).toBe(200);
    } finally {
      await http.close();
    }
    expect(configError(() => loadHttpConfig({ TRUST_PROXY: 'true' }))).toMatch(/TRUST_PROXY/);
  });
});

async function devAuth() {
  const dev = await createDevelopmentAuth();
  return { verifier: dev.verifier, development: dev };
}

describe('idempotency records', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sec-idem-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function appWith(store: FileIdempotencyStore | MemoryIdempotencyStore, caps: { perCaller?: number; total?: number }) {
    const app = express();
    app.use(express.json());
    app.use((req, res, next) => {
      res.locals.principal = { sub: req.get('x-sub') ?? 'applicant.li', role: 'applicant' };
      next();
    });
    app.use(idempotency({ store, logger: silent, maxPerCaller: caps.perCaller, maxTotal: caps.total }));
    app.post('/cases', (req, res) => {
      res.status(201).json({ caseNumber: 'JW-2026-0001', party: req.body.party });
    });
    app.post('/cases/:n/acceptance', (_req, res) => {
      res.status(404).json({ title: 'Case not found' });
    });
    app.use(problemHandler);
    return app;
  }
  const post = (base: string, route: string, key: string, body: unknown, sub = 'applicant.li') =>
    fetch(`${base}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key, 'x-sub': sub },
      body: JSON.stringify(body),
    });

  test('a stolen idempotency directory reveals no names: answers are sealed, files 0600 in a 0700 directory', async () => {
    const store = new FileIdempotencyStore(path.join(dir, 'idempotency'), { keys: TEST_PAYLOAD_KEYS });
    const http = await listen(appWith(store, {}));
    try {
      const first = await post(http.baseUrl, '/cases', 'k-1', { party: '张三丰' });
      expect(first.status).toBe(201);
      const again = await post(http.baseUrl, '/cases', 'k-1', { party: '张三丰' });
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.json()).toEqual({ caseNumber: 'JW-2026-0001', party: '张三丰' });
    } finally {
      await http.close();
    }
    const files = readdirSync(store.dir);
    expect(files).toHaveLength(1);
    const text = readFileSync(path.join(store.dir, files[0]), 'utf8');
    expect(text).not.toMatch(/张三丰|JW-2026-0001/);
    expect(Buffer.from(JSON.parse(text).sealed, 'base64').toString('utf8')).not.toMatch(/JW-2026/);
    expect(statSync(path.join(store.dir, files[0])).mode & 0o777).toBe(0o600);
    expect(statSync(store.dir).mode & 0o777).toBe(0o700);
  });

  test('probing unknown cases leaves no stored record behind (only 2xx answers are kept)', async () => {
    const store = new MemoryIdempotencyStore();
    const http = await listen(appWith(store, {}));
    try {
      for (let i = 0; i < 20; i++) {
        expect((await post(http.baseUrl, `/cases/NO-${i}/acceptance`, `probe-${i}`, {})).status).toBe(404);
      }
    } finally {
      await http.close();
    }
    expect(store.size).toBe(0);
  });

  test('one caller cannot fill the store: over its cap 429, over the total 503, both problem+json', async () => {
    const store = new MemoryIdempotencyStore();
    const http = await listen(appWith(store, { perCaller: 3, total: 5 }));
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await post(http.baseUrl, '/cases', `a-${i}`, { i })).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
      const over = await post(http.baseUrl, '/cases', 'a-9', { i: 9 });
      expect(over.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(over.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await over.json()) as { detail: string }).detail).toMatch(/请求记录已达上限/);
      // A replay of a stored answer is still served over the cap.
      expect((await post(http.baseUrl, '/cases', 'a-0', { i: 0 })).status).toBe(201);
      expect((await post(http.baseUrl, '/cases', 'b-0', {}, 'applicant.wang')).status).toBe(201);
      expect((await post(http.baseUrl, '/cases', 'b-1', {}, 'applicant.wang')).status).toBe(201);
      const full = await post(http.baseUrl, '/cases', 'c-0', {}, 'applicant.zhao');
      expect(full.status).toBe(503);
      expect(((await full.json()) as { detail: string }).detail).toMatch(/存储已满/);
    } finally {
      await http.close();
    }
  });
});

describe('personal data in the file stores and on the way out', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sec-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('another user on the worker machine cannot read archive and outbox files (0600, directories 0700)', async () => {
    const archive = new FileArchive(path.join(dir, 'archive'));
    await archive.write({ key: 'JW-1/personnel', file: 'personnelFile', caseNumber: 'JW-1' } as never);
    const outbox = new FileOutbox(path.join(dir, 'outbox'));
    await outbox.deliver({ key: 'JW-1/notice', to: '张三' } as never);
    const archived = path.join(dir, 'archive', 'personnelFile');
    for (const d of [archived, path.join(dir, 'outbox')]) {
      expect(statSync(d).mode & 0o777).toBe(0o700);
      for (const f of readdirSync(d)) expect(statSync(path.join(d, f)).mode & 0o777).toBe(0o600);
    }
  });

  test('production refuses to keep notices and archive entries in files on the worker', () => {
    const message = configError(() => loadConfig('worker', { NODE_ENV: 'production', DATA_DIR: dir }));
    expect(message).toMatch(/^ {2}NOTICE_WEBHOOK_URL: required when NODE_ENV=production/m);
    expect(message).toMatch(/^ {2}ARCHIVE_URL: required when NODE_ENV=production/m);
  });

  test('notices and archive entries never travel in clear text to another host', () => {
    const message = configError(() =>
      loadWorkerConfig(
        { NOTICE_WEBHOOK_URL: 'http://gateway.example.gov.cn/notices', ARCHIVE_URL: 'http://archive:8080/' },
        { production: false },
      ),
    );
    expect(message).toMatch(/^ {2}NOTICE_WEBHOOK_URL: an https URL/m);
    expect(message).toMatch(/^ {2}ARCHIVE_URL: an https URL/m);
    expect(() =>
      loadWorkerConfig(
        { NOTICE_WEBHOOK_URL: 'http://127.0.0.1:9/n', ARCHIVE_URL: 'https://a.example/' },
        { production: false },
      ),
    ).not.toThrow();
  });

  test('a redirecting receiver cannot send a notice and its token elsewhere', async () => {
    const elsewhere = await startReceiver();
    const redirecting = express();
    redirecting.post('/notices', (_req, res) => {
      res.redirect(307, `${elsewhere.url}`);
    });
    const http = await listen(redirecting);
    try {
      await expect(
        postIdempotent({ url: `${http.baseUrl}/notices`, token: 'secret' }, 'k-1', { to: '张三' }, 'NoticeRefused'),
      ).rejects.toThrow();
      expect(elsewhere.log).toEqual([]);
    } finally {
      await http.close();
      await elsewhere.close();
    }
  });

  test('a .env with the payload key is kept out of git and of the image', () => {
    for (const file of ['.gitignore', '.dockerignore']) {
      expect({ file, lines: readFileSync(path.join(projectRoot, file), 'utf8').split('\n') }).toEqual({
        file,
        lines: expect.arrayContaining(['.env']),
      });
    }
  });
});
