/**
 * Case data is ciphertext in Temporal's store: the embedded dev server exactly as `npm start` runs it (SQLite file,
 * Web UI pointed at the API's codec server), the worker and the API encrypting with the payload codec, and the
 * database files searched byte by byte for what an applicant submitted.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';

import { startCaseWorkflow } from '../../api/cases/case-start';
import { payloadToJson } from '../../api/codec/codec-server';
import { startDevServer } from '../../dev/dev-server';
import type { Stack } from '../helpers/api';
import { api, eventually, startStack } from '../helpers/api';
import { applicant, application, IDENTIFIER_OF, submission } from '../helpers/cases';
import { testDataConverter } from '../helpers/payload-keys';
import { freePort } from '../reliability/cluster';

const marker = randomUUID().slice(0, 8);
/** What an applicant writes, with a marker no other run could have stored. */
const NAME = `加密测试${marker}张`;
const FACTS = `事实陈述${marker}：容缺受理，后补齐材料。`;

let dir: string;
let uiPort: number;
let apiPort: number;
let server: TestWorkflowEnvironment;
let stack: Stack;
let http: ReturnType<typeof api>;
const uiOrigin = () => `http://127.0.0.1:${uiPort}`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'encryption-'));
  [uiPort, apiPort] = [await freePort(), await freePort()];
  server = await startDevServer({
    dataDir: dir,
    port: await freePort(),
    uiPort,
    namespace: 'default',
    codecEndpoint: `http://127.0.0.1:${apiPort}/codec`,
  });
  stack = await startStack({ env: server, port: apiPort, codecOrigins: [uiOrigin()] });
  http = api(stack);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The dev server's SQLite database and its write-ahead log, where recent writes wait for a checkpoint. */
function storedBytes(): Buffer {
  const db = path.join(dir, 'temporal.sqlite');
  return Buffer.concat([db, `${db}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

let caseNumber: string;

test('a submitted name and its facts are nowhere in the dev server’s SQLite files', async () => {
  const s = application({ party: { kind: 'official', name: NAME, unit: '南阳市某区服务中心' }, facts: FACTS });
  const created = await http.post('/cases', { submission: s }, 'applicant.li');
  expect(created.status).toBe(201);
  caseNumber = created.body?.caseNumber;
  const accepted = await http.post(
    `/cases/${caseNumber}/acceptance`,
    { decision: 'accept', caseOfficer: 'officer.dc' },
    'officer.dc',
  );
  expect(accepted.status).toBe(200);
  // Read back through the API: the case is whole, it is only unreadable in the store.
  const state = await eventually(
    () => http.get(`/cases/${caseNumber}`, 'officer.dc'),
    (r) => r.body?.stage === 'handlingOpinion',
    'handling opinion',
  );
  expect(state.body?.submission.party.name).toBe(NAME);

  const bytes = storedBytes();
  expect(bytes.includes(Buffer.from(caseNumber))).toBe(true);
  expect(bytes.includes(Buffer.from(NAME))).toBe(false);
  // The party's identifier is sealed with the submission; only its keyed index (PartyId) is in clear.
  expect(bytes.includes(Buffer.from(IDENTIFIER_OF['applicant.li']))).toBe(false);
  expect(bytes.includes(Buffer.from(FACTS))).toBe(false);
  expect(bytes.includes(Buffer.from(marker))).toBe(false);
});

test('the same search finds a name that a client without the codec stored (the search can fail)', async () => {
  const plainName = `明文对照${randomUUID().slice(0, 8)}`;
  // The server's own client has no codec: what it starts is stored in plain JSON.
  await startCaseWorkflow(server.client, 'no-worker-needed', {
    submission: submission({ party: { kind: 'official', name: plainName, unit: '对照单位' } }),
    submittedBy: applicant,
  });
  await eventually(
    async () => storedBytes().includes(Buffer.from(plainName)),
    (found) => found,
    'the plain name in the SQLite files',
  );
});

test('search attributes hold codes only: the case’s visibility row names no person', async () => {
  const client = new Client({ connection: server.connection, dataConverter: testDataConverter });
  const description = await client.workflow.getHandle(caseNumber).describe();
  const values = JSON.stringify(description.searchAttributes);
  expect(values).toContain('disciplineCommission');
  expect(values).not.toContain(NAME);
  expect(values).not.toContain(marker);
});

test('the Web UI of the embedded dev server is pointed at the API’s codec server', async () => {
  const settings = (await (await fetch(`${uiOrigin()}/api/v1/settings`)).json()) as { Codec: { Endpoint: string } };
  expect(settings.Codec.Endpoint).toBe(`http://127.0.0.1:${apiPort}/codec`);
});

/** The first event's input, as Temporal stores it, in the codec protocol's JSON. */
async function storedInput(): Promise<{ metadata: Record<string, string>; data: string }[]> {
  const history = await stack.env.client.workflowService.getWorkflowExecutionHistory({
    namespace: 'default',
    execution: { workflowId: caseNumber },
  });
  const payloads = history.history?.events?.[0].workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
  return payloads.map((p) => payloadToJson(p as Payload));
}

const decode = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${stack.baseUrl}/codec/decode`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-namespace': 'default', ...headers },
    body: JSON.stringify(body),
  });

test('the codec server refuses a call without a valid token', async () => {
  const payloads = await storedInput();
  expect((await decode({ payloads })).status).toBe(401);
  expect((await decode({ payloads }, { authorization: 'Bearer not.a.token' })).status).toBe(401);
});

test('the codec server refuses an applicant, who may not read case data in the Web UI', async () => {
  const res = await decode(
    { payloads: await storedInput() },
    { authorization: `Bearer ${stack.tokens['applicant.li']}` },
  );
  expect(res.status).toBe(403);
});

test('the codec server decrypts a stored case for an officer’s token', async () => {
  const res = await decode(
    { payloads: await storedInput() },
    { authorization: `Bearer ${stack.tokens['officer.dc']}` },
  );
  expect(res.status).toBe(200);
  const { payloads } = (await res.json()) as { payloads: { data: string }[] };
  expect(Buffer.from(payloads[0].data, 'base64').toString('utf8')).toContain(NAME);
});

test('the codec server decrypts for the cookie of a development codec session, as the Web UI sends it', async () => {
  const session = await fetch(`${stack.baseUrl}/dev/codec-session?user=officer.dc`);
  expect(session.status).toBe(200);
  const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0];
  expect(cookie).toMatch(/^codec_token=/);
  expect((await decode({ payloads: await storedInput() }, { cookie })).status).toBe(200);
});

test('the browser may call the codec server from the Web UI’s origin and from no other', async () => {
  const preflight = (origin: string) =>
    fetch(`${stack.baseUrl}/codec/decode`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-namespace',
      },
    });
  const allowed = await preflight(uiOrigin());
  expect(allowed.status).toBe(204);
  expect(allowed.headers.get('access-control-allow-origin')).toBe(uiOrigin());
  expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
  expect((await preflight('http://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
});
