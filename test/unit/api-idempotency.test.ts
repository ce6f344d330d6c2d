import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import express from 'express';

import { problemHandler } from '../../api/http/errors';
import { idempotency } from '../../api/idempotency/idempotency';
import { FileIdempotencyStore } from '../../api/idempotency/idempotency-file-store';
import type { IdempotencyStore, StoredResponse } from '../../api/idempotency/idempotency-store';
import { MemoryIdempotencyStore } from '../../api/idempotency/idempotency-store';
import { createLogger } from '../../api/http/logger';
import type { Listening } from '../helpers/listen';
import { listen } from '../helpers/listen';
import { TEST_PAYLOAD_KEYS } from '../helpers/payload-keys';

/** Counts handler runs and lets a test hold the slow route open. */
function appWith(store: IdempotencyStore) {
  const calls = { things: 0, fail: 0, empty: 0 };
  let releaseSlow: () => void = () => undefined;
  const slowStarted: { promise?: Promise<void>; resolve?: () => void } = {};
  slowStarted.promise = new Promise((resolve) => (slowStarted.resolve = resolve));
  const app = express();
  app.use(express.json());
  // Stands in for `authenticate`: the tests choose the principal by header.
  app.use((req, res, next) => {
    res.locals.principal = {
      sub: req.get('x-test-sub') ?? 'officer.dc',
      role: 'caseOfficer',
      body: 'disciplineCommission',
    };
    next();
  });
  app.use(idempotency({ store, logger: createLogger({ level: 'silent' }) }));
  app.post('/things', (req, res) => {
    calls.things += 1;
    res.status(201).location(`/things/${calls.things}`).json({ n: calls.things, got: req.body });
  });
  app.post('/slow', async (_req, res) => {
    slowStarted.resolve?.();
    await new Promise<void>((resolve) => (releaseSlow = resolve));
    res.json({ slow: true });
  });
  app.post('/fail', (_req, res) => {
    calls.fail += 1;
    res.status(503).json({ attempt: calls.fail });
  });
  app.post('/validated', (req, res) => {
    if (!req.body.name) return void res.status(400).json({ title: 'Invalid request' });
    res.status(201).json({ name: req.body.name });
  });
  app.post('/empty', (_req, res) => {
    calls.empty += 1;
    res.status(204).end();
  });
  app.get('/things', (_req, res) => {
    res.json({ listed: true });
  });
  app.use(problemHandler);
  return { app, calls, slowStarted: slowStarted.promise, releaseSlow: () => releaseSlow() };
}

async function post(base: string, route: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: (text ? JSON.parse(text) : undefined) as any,
  };
}

describe('idempotency middleware (memory store)', () => {
  let http: Listening;
  let ctx: ReturnType<typeof appWith>;

  beforeEach(async () => {
    ctx = appWith(new MemoryIdempotencyStore());
    http = await listen(ctx.app);
  });
  afterEach(() => http.close());

  test('a repeat gets the first answer, and the handler runs once', async () => {
    const first = await post(http.baseUrl, '/things', { a: 1, b: [1, 2] }, { 'Idempotency-Key': 'key-1' });
    expect(first).toMatchObject({ status: 201, body: { n: 1 } });
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // Same body with its keys in another order.
    const again = await post(http.baseUrl, '/things', { b: [1, 2], a: 1 }, { 'Idempotency-Key': 'key-1' });
    expect(again).toMatchObject({ status: 201, body: first.body });
    expect(again.headers.get('location')).toBe('/things/1');
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(ctx.calls.things).toBe(1);
  });

  test('the same key with a different body: 422', async () => {
    await post(http.baseUrl, '/things', { a: 1 }, { 'Idempotency-Key': 'key-2' });
    const reused = await post(http.baseUrl, '/things', { a: 2 }, { 'Idempotency-Key': 'key-2' });
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toContain('application/problem+json');
    expect(ctx.calls.things).toBe(1);
  });

  test('keys are per principal: another caller with the same key is a new request', async () => {
    await post(http.baseUrl, '/things', { a: 1 }, { 'Idempotency-Key': 'shared' });
    const other = await post(
      http.baseUrl,
      '/things',
      { a: 1 },
      { 'Idempotency-Key': 'shared', 'x-test-sub': 'officer.od' },
    );
    expect(other).toMatchObject({ status: 201, body: { n: 2 } });
  });

  test.each([
    ['missing', undefined, 'Idempotency-Key header required'],
    ['empty', '', 'Invalid Idempotency-Key header'],
    ['with spaces', 'two words', 'Invalid Idempotency-Key header'],
    ['too long', 'k'.repeat(201), 'Invalid Idempotency-Key header'],
  ])('key %s: 400 naming the header', async (_name, key, title) => {
    const answer = await post(http.baseUrl, '/things', { a: 1 }, key === undefined ? {} : { 'Idempotency-Key': key });
    expect(answer).toMatchObject({ status: 400, body: { title, errors: [{ field: 'Idempotency-Key' }] } });
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(ctx.calls.things).toBe(0);
  });

  test('a repeat while the first is still running: 409, then the stored answer', async () => {
    const first = post(http.baseUrl, '/slow', {}, { 'Idempotency-Key': 'slow-1' });
    await ctx.slowStarted;
    const busy = await post(http.baseUrl, '/slow', {}, { 'Idempotency-Key': 'slow-1' });
    expect(busy).toMatchObject({ status: 409, body: { detail: '使用此 Idempotency-Key 的请求正在处理中' } });
    ctx.releaseSlow();
    expect(await first).toMatchObject({ status: 200, body: { slow: true } });
    const after = await post(http.baseUrl, '/slow', {}, { 'Idempotency-Key': 'slow-1' });
    expect(after).toMatchObject({ status: 200, body: { slow: true } });
    expect(after.headers.get('idempotent-replayed')).toBe('true');
  });

  test('a 5xx is not stored, so a retry runs again', async () => {
    expect(await post(http.baseUrl, '/fail', {}, { 'Idempotency-Key': 'f-1' })).toMatchObject({
      status: 503,
      body: { attempt: 1 },
    });
    expect(await post(http.baseUrl, '/fail', {}, { 'Idempotency-Key': 'f-1' })).toMatchObject({
      status: 503,
      body: { attempt: 2 },
    });
  });

  test('a 400 is not stored: nothing ran, and the corrected request may come under the same key', async () => {
    expect((await post(http.baseUrl, '/validated', {}, { 'Idempotency-Key': 'v-1' })).status).toBe(400);
    expect(await post(http.baseUrl, '/validated', { name: '李娜' }, { 'Idempotency-Key': 'v-1' })).toMatchObject({
      status: 201,
      body: { name: '李娜' },
    });
  });

  test('an answer without a body is stored too', async () => {
    expect((await post(http.baseUrl, '/empty', {}, { 'Idempotency-Key': 'e-1' })).status).toBe(204);
    const again = await post(http.baseUrl, '/empty', {}, { 'Idempotency-Key': 'e-1' });
    expect(again.status).toBe(204);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(ctx.calls.empty).toBe(1);
  });

  test('other methods pass through without a key', async () => {
    const res = await fetch(`${http.baseUrl}/things`);
    expect(res.status).toBe(200);
  });
});

describe('stores', () => {
  const answer = (storedAt: number): StoredResponse => ({
    fingerprint: 'f',
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from('{}').toString('base64'),
    storedAt,
  });
  const key = (n: number) => `${'a'.repeat(64)}.${n.toString(16).padStart(64, '0')}`;

  test('the memory store forgets answers after the TTL and keeps at most maxEntries', async () => {
    let now = 1_000;
    const store = new MemoryIdempotencyStore({ ttlMs: 100, maxEntries: 2, now: () => now });
    await store.put(key(1), answer(now));
    now += 100;
    expect(await store.get(key(1))).toBeUndefined();
    for (const n of [2, 3, 4]) await store.put(key(n), answer(now));
    expect(store.size).toBe(2);
    expect(await store.get(key(2))).toBeUndefined();
    expect(await store.get(key(4))).toBeDefined();
  });

  describe('file store', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'idem-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    test('answers survive a restart: a new store and app over the same directory replay them', async () => {
      const before = appWith(new FileIdempotencyStore(dir, { keys: TEST_PAYLOAD_KEYS }));
      let http = await listen(before.app);
      const first = await post(http.baseUrl, '/things', { a: 1 }, { 'Idempotency-Key': 'durable' });
      await http.close();

      const after = appWith(new FileIdempotencyStore(dir, { keys: TEST_PAYLOAD_KEYS }));
      http = await listen(after.app);
      try {
        const again = await post(http.baseUrl, '/things', { a: 1 }, { 'Idempotency-Key': 'durable' });
        expect(again).toMatchObject({ status: 201, body: first.body });
        expect(again.headers.get('location')).toBe('/things/1');
        expect(after.calls.things).toBe(0);
      } finally {
        await http.close();
      }
      // One file per key, and no temporary files left behind.
      expect(readdirSync(dir).filter((f) => !/^[0-9a-f]{64}\.[0-9a-f]{64}\.json$/.test(f))).toEqual([]);
    });

    test('expired and unreadable answers count as none', async () => {
      let now = 5_000;
      const store = new FileIdempotencyStore(dir, { keys: TEST_PAYLOAD_KEYS, ttlMs: 100, now: () => now });
      await store.put(key(1), answer(now));
      expect(await store.get(key(1))).toEqual(answer(5_000));
      now += 100;
      expect(await store.get(key(1))).toBeUndefined();
      writeFileSync(path.join(dir, `${key(2)}.json`), '{"torn');
      expect(await store.get(key(2))).toBeUndefined();
      await expect(store.get('../../etc/passwd')).rejects.toThrow(/owner digest/);
    });
  });
});
