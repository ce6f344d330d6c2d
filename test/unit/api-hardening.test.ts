import { get } from 'node:http';

import express from 'express';

import { problemHandler } from '../../api/http/errors';
import type { HttpConfig } from '../../api/http/hardening';
import { createLogger, gracefulClose, hardening, principalRateLimit } from '../../api/http/hardening';
import { loadHttpConfig } from '../../config/http';
import { listen } from '../helpers/listen';

function captured() {
  const lines: Record<string, unknown>[] = [];
  return { lines, logger: createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line)) }) };
}

function config(overrides: Partial<HttpConfig> = {}): HttpConfig {
  return { ...loadHttpConfig({}), ...overrides };
}

describe('hardening', () => {
  test('defaults: 300 per principal and 1200 per address a minute', () => {
    expect(loadHttpConfig({})).toMatchObject({
      RATE_LIMIT_MAX: 300,
      RATE_LIMIT_IP_MAX: 1200,
      RATE_LIMIT_WINDOW_SECONDS: 60,
    });
    expect(() => loadHttpConfig({ RATE_LIMIT_MAX: '0', LOG_LEVEL: 'loud' })).toThrow(/RATE_LIMIT_MAX[\s\S]*LOG_LEVEL/);
  });

  test('request ids are echoed when well-formed, generated otherwise, and reach handlers and logs', async () => {
    const { lines, logger } = captured();
    const app = express();
    app.use(hardening({ config: config(), logger }));
    app.use((_req, res, next) => {
      res.locals.principal = { sub: 'officer.dc', role: 'caseOfficer', body: 'disciplineCommission' };
      next();
    });
    app.get('/cases/:caseNumber', (_req, res) => {
      res.json({ seen: res.locals.requestId });
    });
    app.use(problemHandler);
    const http = await listen(app);
    try {
      const given = await fetch(`${http.baseUrl}/cases/NY-2026-0001?secret=1`, {
        headers: { 'X-Request-Id': 'client-req-0001' },
      });
      expect(given.headers.get('x-request-id')).toBe('client-req-0001');
      expect(await given.json()).toEqual({ seen: 'client-req-0001' });

      for (const bad of [undefined, 'short', 'has spaces in it', 'x'.repeat(129)]) {
        const res = await fetch(`${http.baseUrl}/cases/NY-2026-0002`, { headers: bad ? { 'X-Request-Id': bad } : {} });
        const id = res.headers.get('x-request-id');
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(await res.json()).toEqual({ seen: id });
      }
      expect(lines[0]).toEqual({
        time: expect.any(String),
        level: 'info',
        msg: 'request',
        requestId: 'client-req-0001',
        method: 'GET',
        path: '/cases/NY-2026-0001',
        status: 200,
        ms: expect.any(Number),
        sub: 'officer.dc',
        caseNumber: 'NY-2026-0001',
      });
      expect(JSON.stringify(lines)).not.toContain('secret');
    } finally {
      await http.close();
    }
  });

  test('security headers: a strict CSP and no MIME sniffing', async () => {
    const app = express();
    app.use(hardening({ config: config(), logger: createLogger({ level: 'silent' }) }));
    app.get('/x', (_req, res) => {
      res.json({});
    });
    const http = await listen(app);
    try {
      const res = await fetch(`${http.baseUrl}/x`);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      await http.close();
    }
  });

  test('over the limit: 429 problem+json with Retry-After, counted per principal after authentication', async () => {
    const { lines, logger } = captured();
    const limits = config({ RATE_LIMIT_MAX: 2, RATE_LIMIT_IP_MAX: 5, RATE_LIMIT_WINDOW_SECONDS: 30 });
    const app = express();
    app.use(hardening({ config: limits, logger }));
    app.use((req, res, next) => {
      res.locals.principal = {
        sub: req.get('x-test-sub') ?? 'officer.dc',
        role: 'caseOfficer',
        body: 'disciplineCommission',
      };
      next();
    });
    app.use(principalRateLimit({ config: limits }));
    app.get('/x', (_req, res) => {
      res.json({ ok: true });
    });
    app.use(problemHandler);
    const http = await listen(app);
    const get = (sub: string) => fetch(`${http.baseUrl}/x`, { headers: { 'x-test-sub': sub } });
    try {
      expect((await get('a')).status).toBe(200);
      expect((await get('a')).status).toBe(200);
      const limited = await get('a');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(30);
      expect(await limited.json()).toMatchObject({ status: 429, title: 'Too many requests' });
      // Another principal has its own budget, until the per-address cap (5) is reached.
      expect((await get('b')).status).toBe(200);
      expect((await get('b')).status).toBe(200);
      expect((await get('c')).status).toBe(429);
      expect(lines.filter((l) => l.status === 429)).toHaveLength(2);
    } finally {
      await http.close();
    }
  });
});

/** A GET on a connection of its own, unlike fetch, which would reuse a pooled one. */
function freshConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

describe('gracefulClose', () => {
  test('finishes a request in flight, refuses new connections, and needs no force', async () => {
    let entered: () => void = () => undefined;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    const app = express();
    app.get('/slow', async (_req, res) => {
      entered();
      await new Promise((resolve) => setTimeout(resolve, 300));
      res.json({ done: true });
    });
    app.get('/fast', (_req, res) => {
      res.json({ fast: true });
    });
    const http = await listen(app);
    // A kept-alive idle connection must not hold the shutdown up.
    expect((await fetch(`${http.baseUrl}/fast`)).status).toBe(200);

    const slow = fetch(`${http.baseUrl}/slow`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await inHandler;
    const started = Date.now();
    const closing = gracefulClose(http.server, { timeoutMs: 5_000 });
    await expect(freshConnection(`${http.baseUrl}/fast`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(await slow).toEqual({ status: 200, body: { done: true } });
    await expect(closing).resolves.toEqual({ forced: false });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  test('cuts a request that outlives the timeout', async () => {
    const app = express();
    app.get('/hang', () => undefined);
    const http = await listen(app);
    const hanging = fetch(`${http.baseUrl}/hang`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(gracefulClose(http.server, { timeoutMs: 200 })).resolves.toEqual({ forced: true });
    await expect(hanging).rejects.toThrow();
  });
});
