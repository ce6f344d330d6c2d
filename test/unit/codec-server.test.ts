/** The codec server's edges, over real HTTP: what it refuses before any payload is touched. */
import express from 'express';

import { DEMO_USERS } from '../../api/auth';
import type { DevelopmentAuth } from '../../api/auth';
import { createDevelopmentAuth } from '../../api/auth/development';
import { codecServer, payloadToJson } from '../../api/codec/codec-server';
import { createLogger } from '../../api/http/logger';
import { CaseCodec } from '../../codec/case-codec';
import type { Listening } from '../helpers/listen';
import { listen } from '../helpers/listen';
import { TEST_PAYLOAD_KEYS } from '../helpers/payload-keys';

let dev: DevelopmentAuth;
let served: Listening;
let officer: string;

beforeAll(async () => {
  dev = await createDevelopmentAuth();
  const app = express();
  app.use(
    codecServer({
      codec: new CaseCodec(TEST_PAYLOAD_KEYS),
      verifier: dev.verifier,
      allowedOrigins: [],
      roles: ['caseOfficer', 'operator'],
      rateLimit: (_req, _res, next) => next(),
      logger: createLogger({ level: 'silent' }),
    }),
  );
  served = await listen(app);
  officer = await dev.mint(DEMO_USERS.find((u) => u.role === 'caseOfficer')!);
});

afterAll(() => served?.close());

const post = (direction: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${served.baseUrl}/codec/${direction}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}`, ...headers },
    body,
  });

test('what the API and the worker seal the codec server decodes', async () => {
  const plain = {
    metadata: { encoding: Buffer.from('json/plain').toString('base64') },
    data: Buffer.from('"李娜"').toString('base64'),
  };
  const sealed = await new CaseCodec(TEST_PAYLOAD_KEYS).encode([
    { metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from('"李娜"') },
  ]);
  const decoded = await post('decode', JSON.stringify({ payloads: sealed.map(payloadToJson) }));
  expect(await decoded.json()).toEqual({ payloads: [plain] });
});

test('a role outside CODEC_ROLES is refused even with a valid token', async () => {
  const investigator = await dev.mint(DEMO_USERS.find((u) => u.role === 'investigator')!);
  const res = await post('decode', '{"payloads":[]}', { authorization: `Bearer ${investigator}` });
  expect(res.status).toBe(403);
});

test('broken JSON, a wrong shape and data that is not base64 are 400s in problem+json', async () => {
  for (const body of ['{"payloads":', '{"payloads":"x"}', '{"payloads":[{"data":"*not base64*"}]}', '{"other":1}']) {
    const res = await post('decode', body);
    expect({ body, status: res.status }).toEqual({ body, status: 400 });
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  }
});

test('a payload that does not decrypt is shown as refused (as the worker sees it), not a 500', async () => {
  const forged = {
    metadata: {
      encoding: Buffer.from('binary/encrypted').toString('base64'),
      'encryption-key-id': Buffer.from('test-1').toString('base64'),
    },
    data: Buffer.alloc(64, 7).toString('base64'),
  };
  const res = await post('decode', JSON.stringify({ payloads: [forged] }));
  expect(res.status).toBe(200);
  const [shown] = ((await res.json()) as { payloads: { data: string }[] }).payloads;
  expect(JSON.parse(Buffer.from(shown.data, 'base64').toString())).toEqual({ unsealedPayloadRefused: 'forged' });
});

test('a body over 1 MB is refused with 413', async () => {
  const res = await post('decode', JSON.stringify({ payloads: [{ data: 'A'.repeat(1100 * 1024) }] }));
  expect(res.status).toBe(413);
});
