/**
 * Over HTTP, with the real worker and dev server: a case is sealed throughout with its handling body's key, the
 * codec server refuses another body's officer the case's payloads, and every read of the case through the API
 * appends a chained record to the access log.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { Payload } from '@temporalio/common';

import { payloadToJson } from '../../api/codec/codec-server';
import { verifyChain } from '../../api/http/access-chain';
import type { Stack } from '../helpers/api';
import { api, eventually, startStack } from '../helpers/api';
import { application } from '../helpers/cases';

let stack: Stack;
let http: ReturnType<typeof api>;
const s = application({ handlingBody: 'disciplineCommission' });
/** The case's number, as the office gave it. */
let n: string;

beforeAll(async () => {
  stack = await startStack({ codecOrigins: [] });
  http = api(stack);
  const created = await http.post('/cases', { submission: s }, 'applicant.li');
  expect(created.status).toBe(201);
  n = created.body?.caseNumber;
  expect(
    (
      await http.post(
        `/cases/${encodeURIComponent(n)}/acceptance`,
        { decision: 'accept', caseOfficer: 'officer.dc' },
        'officer.dc',
      )
    ).status,
  ).toBe(200);
}, 120_000);

afterAll(() => stack?.stop());

async function history() {
  const { history } = await stack.env.client.workflowService.getWorkflowExecutionHistory({
    namespace: 'default',
    execution: { workflowId: n },
  });
  return history?.events ?? [];
}

/** Every sealed payload anywhere in the case's history. */
function sealedPayloads(value: unknown, found: Payload[] = []): Payload[] {
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return found;
  const metadata = (value as Payload).metadata;
  if (metadata && typeof metadata === 'object' && 'encryption-key-id' in metadata) found.push(value as Payload);
  else for (const v of Object.values(value)) sealedPayloads(v, found);
  return found;
}

const keyIds = (payloads: Payload[]) =>
  [...new Set(payloads.map((p) => Buffer.from(p.metadata!['encryption-key-id']!).toString()))].sort();

test('every payload of a discipline commission case, the API’s and the worker’s, is sealed with the commission’s key', async () => {
  const payloads = sealedPayloads(await history());
  expect(payloads.length).toBeGreaterThan(3);
  expect(keyIds(payloads)).toEqual(['discipline-test-1']);
});

const decode = async (as: string) => {
  const [started] = await history();
  const payloads = (started.workflowExecutionStartedEventAttributes?.input?.payloads ?? []) as Payload[];
  const res = await fetch(`${stack.baseUrl}/codec/decode`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.tokens[as]}` },
    body: JSON.stringify({ payloads: payloads.map(payloadToJson) }),
  });
  const body = (await res.json()) as { payloads: { metadata: Record<string, string>; data: string }[] };
  return { status: res.status, sent: payloads.map(payloadToJson), answered: body.payloads };
};

test('the codec server leaves the case encrypted for an officer of the organisation department', async () => {
  const { status, sent, answered } = await decode('officer.od');
  expect(status).toBe(200);
  expect(answered).toEqual(sent);
  expect(Buffer.from(answered[0].data, 'base64').toString('utf8')).not.toContain(n);
});

test('the codec server decrypts the case for an officer of the discipline commission', async () => {
  const { answered } = await decode('officer.dc');
  expect(Buffer.from(answered[0].data, 'base64').toString('utf8')).toContain(s.party.name);
});

function records(): Record<string, unknown>[] {
  const files = readdirSync(stack.accessLogDir);
  expect(files).toHaveLength(1);
  const lines = readFileSync(path.join(stack.accessLogDir, files[0]), 'utf8').trim().split('\n');
  expect(verifyChain(lines)).toEqual({ ok: true, records: lines.length });
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}

test('reading the case through the API appends a chained record of who read which case', async () => {
  const before = records().length;
  await eventually(
    () => http.get(`/cases/${encodeURIComponent(n)}`, 'officer.dc'),
    (r) => r.status === 200,
    'the case',
  );
  expect((await http.get(`/cases/${encodeURIComponent(n)}/timeline`, 'officer.dc')).status).toBe(200);
  const after = records();
  expect(after.slice(before).map((r) => r.what)).toEqual(['GET /cases/{n}', 'GET /cases/{n}/timeline']);
  expect(after.at(-1)).toMatchObject({
    actor: 'officer.dc',
    role: 'caseOfficer',
    body: 'disciplineCommission',
    caseNumbers: [n],
  });
  expect(after.at(-1)?.prev).toBe(after.at(-2)?.hash);
});

test('a read refused to another body’s officer is no read and appends nothing', async () => {
  const before = records().length;
  expect((await http.get(`/cases/${encodeURIComponent(n)}`, 'officer.od')).status).toBe(404);
  expect(records()).toHaveLength(before);
});
