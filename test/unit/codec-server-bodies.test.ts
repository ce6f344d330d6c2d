/**
 * The codec server shows an officer their own body's cases only: a payload of another body's case stays encrypted
 * in the answer, whether sealed with that body's key or (before release 0.4.0) with the shared key; each decode is
 * logged with the keys used and appended to the access log.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Payload } from '@temporalio/common';
import { defaultPayloadConverter } from '@temporalio/common';
import express from 'express';

import { DEMO_USERS } from '../../api/auth';
import type { DevelopmentAuth } from '../../api/auth';
import { createDevelopmentAuth } from '../../api/auth/development';
import { codecServer, payloadToJson } from '../../api/codec/codec-server';
import { verifyChain } from '../../api/http/access-chain';
import { FileAccessLog } from '../../api/http/access-log';
import { createLogger } from '../../api/http/logger';
import { CaseBodies } from '../../codec/case-bodies';
import { CaseCodec } from '../../codec/case-codec';
import type { PayloadKeys } from '../../codec/keys';
import type { Listening } from '../helpers/listen';
import { listen } from '../helpers/listen';
import { TEST_PAYLOAD_KEYS } from '../helpers/payload-keys';

const bodies = new CaseBodies();
bodies.learn('JW-2026-0001', 'disciplineCommission');
bodies.learn('ZZ-2026-0001', 'organizationDepartment');
const codec = new CaseCodec(TEST_PAYLOAD_KEYS, { bodies });
/** How release 0.3.0 sealed: the shared key alone. */
const legacy = new CaseCodec({ currentKeyId: 'test-1', keys: TEST_PAYLOAD_KEYS.keys } as PayloadKeys, { bodies });
const accessLog = new FileAccessLog({ dir: mkdtempSync(path.join(tmpdir(), 'codec-access-')) });

let dev: DevelopmentAuth;
let served: Listening;

beforeAll(async () => {
  dev = await createDevelopmentAuth();
  const app = express();
  app.use(
    codecServer({
      codec,
      verifier: dev.verifier,
      allowedOrigins: [],
      roles: ['caseOfficer', 'operator'],
      rateLimit: (_req, _res, next) => next(),
      logger: createLogger({ level: 'silent' }),
      accessLog,
    }),
  );
  served = await listen(app);
});

afterAll(async () => {
  await served?.close();
  await accessLog.close();
});

const sealed = async (c: CaseCodec, caseNumber: string, value: unknown) =>
  (
    await c.encode([defaultPayloadConverter.toPayload(value)], {
      type: 'workflow',
      namespace: 'n',
      workflowId: caseNumber,
    })
  )[0];

async function decodeAs(sub: string, payloads: Payload[]): Promise<{ status: number; shown: unknown[] }> {
  const token = await dev.mint(DEMO_USERS.find((u) => u.sub === sub)!);
  const res = await fetch(`${served.baseUrl}/codec/decode`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ payloads: payloads.map(payloadToJson) }),
  });
  const body = (await res.json()) as { payloads: { metadata: Record<string, string>; data: string }[] };
  const shown = body.payloads.map((p) =>
    Buffer.from(p.metadata.encoding ?? '', 'base64').toString() === 'binary/encrypted'
      ? 'still encrypted'
      : defaultPayloadConverter.fromPayload({
          metadata: Object.fromEntries(Object.entries(p.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
          data: Buffer.from(p.data, 'base64'),
        }),
  );
  return { status: res.status, shown };
}

test('an officer of the discipline commission reads its case, and another body’s case stays encrypted', async () => {
  const own = await sealed(codec, 'JW-2026-0001', '纪委案件');
  const other = await sealed(codec, 'ZZ-2026-0001', '组织部门案件');
  expect(await decodeAs('officer.dc', [own, other])).toEqual({ status: 200, shown: ['纪委案件', 'still encrypted'] });
  expect(await decodeAs('officer.od', [own, other])).toEqual({
    status: 200,
    shown: ['still encrypted', '组织部门案件'],
  });
});

test('a case sealed with the shared key before release 0.4.0 is shown to its own body’s officers only', async () => {
  const old = await sealed(legacy, 'ZZ-2026-0001', '旧案');
  expect((await decodeAs('officer.dc', [old])).shown).toEqual(['still encrypted']);
  expect((await decodeAs('officer.od', [old])).shown).toEqual(['旧案']);
});

test('an operator, who has no body, sees no case even where the roles admit them', async () => {
  const own = await sealed(codec, 'JW-2026-0001', '纪委案件');
  expect((await decodeAs('operator', [own])).shown).toEqual(['still encrypted']);
});

test('each decode appends a chained record naming the reader, the cases shown and the payloads withheld', async () => {
  const before = readFileSync(accessLog.file!, 'utf8').trim().split('\n').length;
  await decodeAs('officer.dc', [await sealed(codec, 'JW-2026-0001', 'a'), await sealed(codec, 'ZZ-2026-0001', 'b')]);
  const lines = readFileSync(accessLog.file!, 'utf8').trim().split('\n');
  expect(lines).toHaveLength(before + 1);
  expect(verifyChain(lines)).toEqual({ ok: true, records: lines.length });
  expect(JSON.parse(lines.at(-1)!)).toMatchObject({
    actor: 'officer.dc',
    role: 'caseOfficer',
    body: 'disciplineCommission',
    caseNumbers: ['JW-2026-0001'],
    what: 'codec decode',
    detail: { keys: ['discipline-test-1'], payloads: 2, withheld: 1 },
  });
});
