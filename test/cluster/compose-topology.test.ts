/**
 * docker-compose.yml's topology, natively (test/cluster/native-cluster.ts): PostgreSQL, the Temporal server on it,
 * the compose jobs' own schema and setup scripts, two worker processes and the API process from `dist/`, and the Web
 * UI server. Every long-running service passes its own compose healthcheck; the Web UI is wired to the API's codec
 * server; a whole case goes from the application to closure over HTTP while the worker holding it in its cache is
 * killed with SIGKILL midway and the other carries on; the case is found in the list the register answers (its
 * own database on the same PostgreSQL, created by the schema job), kept there whole and sealed, and its encrypted
 * history opens through the codec server. `npm run test:cluster` (builds first); not
 * part of `npm test`.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { Client, Connection } from '@temporalio/client';

import type { Answer, Stack } from '../helpers/api';
import { eventually, request } from '../helpers/api';
import { application, report, shanghaiToday } from '../helpers/cases';
import { testIssuerTokens } from '../helpers/test-issuer';
import { caseDataConverter } from '../../codec/data-converter';
import { loadPayloadConfig } from '../../config/payload-keys';
import { checkRegister } from '../../register/check';
import { openRegister } from '../../register/register';
import type { NativeCluster } from './native-cluster';
import { startNativeCluster } from './native-cluster';

let cluster: NativeCluster;
let stack: Stack;
let connection: Connection;
let client: Client;
const started = Date.now();

beforeAll(async () => {
  cluster = await startNativeCluster();
  // The helpers only read the base URL and the tokens of a stack.
  stack = { baseUrl: cluster.apiUrl, tokens: await testIssuerTokens(cluster.dataDir) } as unknown as Stack;
  connection = await Connection.connect({ address: cluster.temporalAddress });
  client = new Client({ connection, namespace: 'default' });
});

afterAll(async () => {
  await connection?.close();
  const stopping = Date.now();
  await cluster?.stop();
  if (cluster) {
    const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
    const phases = Object.entries({ ...cluster.timings, ...walkTimings, 'stop everything': Date.now() - stopping });
    process.stderr.write(
      `[cluster] whole run ${seconds(Date.now() - started)}\n${phases.map(([k, ms]) => `  ${k}: ${seconds(ms)}`).join('\n')}\n`,
    );
  }
}, 120_000);

/** Milliseconds of the case walk, for the run's summary. */
const walkTimings: Record<string, number> = {};

const get = (url: string, as: string): Promise<Answer> => request(stack, 'GET', url, undefined, { as });

/**
 * POSTs as a client should: one Idempotency-Key for the action, sent again after a 503 (the API's bound on a
 * Temporal call), so an action admitted during a worker's death is applied once and answered on the retry.
 */
async function post(url: string, body: unknown, as: string): Promise<Answer> {
  const key = randomUUID();
  const until = Date.now() + 90_000;
  for (;;) {
    const answer = await request(stack, 'POST', url, body, { as, key });
    if (answer.status !== 503 || Date.now() > until) return answer;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** The worker identities (`pid@host`) that completed the case's workflow tasks, in order. */
async function workflowTaskWorkers(caseNumber: string): Promise<string[]> {
  const history = await client.workflow.getHandle(caseNumber).fetchHistory();
  return (history.events ?? [])
    .map((e) => e.workflowTaskCompletedEventAttributes?.identity)
    .filter((identity): identity is string => Boolean(identity));
}

test('every service that stays up passes its own compose healthcheck here', async () => {
  expect(await cluster.healthcheck('postgresql')).toBe(true);
  expect(await cluster.healthcheck('temporal')).toBe(true);
  expect(await cluster.healthcheck('api')).toBe(true);
  expect(await cluster.healthcheck('temporal-ui')).toBe(true);
  expect(cluster.workers).toHaveLength(cluster.project.services.worker.deploy?.replicas ?? 0);
  expect(cluster.workers.length).toBeGreaterThanOrEqual(2);
  for (let replica = 0; replica < cluster.workers.length; replica += 1) {
    expect({ replica, healthy: await cluster.healthcheck('worker', replica) }).toEqual({ replica, healthy: true });
  }
});

test('the Web UI sends payloads to the API codec server with the operator’s token, and the API lets it', async () => {
  const settings = (await (await fetch(`${cluster.uiUrl}/api/v1/settings`)).json()) as {
    Codec?: { Endpoint?: string; PassAccessToken?: boolean };
  };
  const ui = cluster.project.services['temporal-ui'].environment ?? {};
  expect(settings.Codec).toMatchObject({ Endpoint: ui.TEMPORAL_CODEC_ENDPOINT, PassAccessToken: true });
  expect(settings.Codec?.Endpoint).toMatch(/\/codec$/);
  // The browser asks the API first (CORS preflight) from the UI's public origin, which compose gives the API.
  const origin = cluster.project.services.api.environment?.CODEC_CORS_ORIGINS ?? '';
  const codecPath = new URL(settings.Codec?.Endpoint ?? '').pathname;
  const preflight = await fetch(`${cluster.apiUrl}${codecPath}/decode`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
  expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
});

test('a case goes to closure across two workers, the one holding it killed with SIGKILL midway', async () => {
  const walkStarted = Date.now();
  const s = application();
  let n = '';
  const step = async (action: string, body: unknown, as: string, status = 200): Promise<Answer> => {
    const res = await post(`/cases/${n}${action}`, body, as);
    expect({ action, status: res.status, body: res.status === status ? undefined : res.body }).toEqual({
      action,
      status,
      body: undefined,
    });
    return res;
  };
  const reach = (stage: string) =>
    eventually(
      () => get(`/cases/${n}`, 'officer.dc'),
      (r) => r.body?.stage === stage,
      `stage ${stage}`,
    );

  const submitted = await post('/cases', { submission: s }, 'applicant.li');
  expect({ status: submitted.status, log: submitted.status === 201 ? undefined : cluster.logTail('api') }).toEqual({
    status: 201,
    log: undefined,
  });
  n = submitted.body?.caseNumber;
  await step('/acceptance', { decision: 'accept', caseOfficer: 'officer.dc' }, 'officer.dc');
  await step('/handling-opinion', { opinion: '拟启动调查核实', route: 'investigate' }, 'officer.dc');
  await step('/handling-opinion/approval', { approved: true, comment: '同意' }, 'leader.dc', 202);
  await reach('investigation');
  await step('/investigation/team', { members: ['investigator.dc', '调查组成员乙'] }, 'officer.dc');

  // The register on PostgreSQL answers the list.
  await eventually(
    () => get('/cases?stage=investigation', 'officer.dc'),
    (r) => r.body?.cases?.some((c: { caseNumber: string }) => c.caseNumber === n),
    'the case in the investigation list',
  );

  // The worker that completed the last workflow task has the case in its cache: that is the one to kill.
  const held = await workflowTaskWorkers(n);
  const holderPid = Number(held[held.length - 1].split('@')[0]);
  const victim = cluster.workers.find((w) => w.process.pid === holderPid);
  const survivor = cluster.workers.find((w) => w.process.pid !== holderPid);
  expect(victim).toBeDefined();
  const killed = new Promise((resolve) => victim?.process.once('exit', (_code, signal) => resolve(signal)));
  victim?.process.kill('SIGKILL');
  expect(await killed).toBe('SIGKILL');
  // Read once it is dead: until then it may still complete the tasks of the documents issued in the background.
  const before = await workflowTaskWorkers(n);
  walkTimings['case walk until the kill'] = Date.now() - walkStarted;
  const afterKill = Date.now();

  for (const heard of ['party', 'unit']) {
    await step(
      '/investigation/hearings',
      { heard, statementRef: `谈话笔录-${heard}`, summary: '如实说明情况' },
      'investigator.dc',
    );
  }
  await step('/investigation/report', { report: report('exempt') }, 'investigator.dc');
  await step('/investigation/report/review', { approved: true, comment: '同意提交领导班子会议' }, 'leader.dc', 202);
  await reach('determination');
  await step(
    '/determination',
    {
      determination: {
        meetingDate: shanghaiToday(),
        attendees: ['书记', '副书记', '委员甲', '委员乙', '委员丙'],
        membersTotal: 7,
        outcome: 'exempt',
        reasoning: '综合六个方面察看，依纪依规依法作出决定',
        minutesRef: '会议纪要〔2026〕9号',
        reportRef: '调查报告〔2026〕1号',
      },
    },
    'secretary.dc',
    202,
  );
  await reach('feedback');
  const fed = await step('/feedback', { documentRef: '反馈书〔2026〕3号' }, 'officer.dc');
  expect(fed.body).toMatchObject({ stage: 'aftercare', outcome: 'exempt', closure: 'decided' });
  await step('/consultation', { partyAgrees: true, note: '本人同意在单位内通报' }, 'officer.dc');
  await step('/announcement', { scope: '所在单位', form: '会议通报', documentRef: '通报〔2026〕1号' }, 'officer.dc');
  await step('/follow-up-visits', { visitedOn: shanghaiToday(), note: '回访教育，干部思想稳定' }, 'officer.dc');
  const closed = await eventually(
    () => get(`/cases/${n}`, 'officer.dc'),
    (r) => r.body?.stage === 'closed',
    'closure once the archive entries are written',
  );
  expect(closed.body?.archiveReceipts).toHaveLength(2);
  walkTimings['case walk after the kill, to closure'] = Date.now() - afterKill;

  // Every workflow task after the kill was completed by the surviving worker, which is still running.
  const after = (await workflowTaskWorkers(n)).slice(before.length);
  expect(after.length).toBeGreaterThan(0);
  expect(new Set(after.map((identity) => Number(identity.split('@')[0])))).toEqual(new Set([survivor?.process.pid]));
  expect(survivor?.process.exitCode).toBeNull();

  const list = await eventually(
    () => get('/cases?stage=closed', 'leader.dc'),
    (r) => r.body?.cases?.some((c: { caseNumber: string }) => c.caseNumber === n),
    'the closed case in the list',
  );
  expect(list.body?.cases.find((c: { caseNumber: string }) => c.caseNumber === n)).toMatchObject({
    stage: 'closed',
    outcome: 'exempt',
  });
  // The register, its own database on the same PostgreSQL, keeps the closed case whole and sealed: what the list
  // answered came from it, and a read after the namespace's retention would too.
  const { REGISTER_DATABASE_URL: url, REGISTER_DATABASE_PASSWORD: password } = cluster.apiEnv;
  const payload = loadPayloadConfig(cluster.apiEnv, { dataDir: cluster.dataDir, allowGenerated: false });
  const keys = payload.keys;
  // The check lists the cases with their memos, sealed like every payload: a client with the deployment's keys.
  const sealedClient = new Client({
    connection,
    namespace: 'default',
    dataConverter: caseDataConverter(keys, { ...payload.sealing, cipher: payload.cipher }),
  });
  const register = await openRegister({ kind: 'postgres', url, ...(password ? { password } : {}) }, keys);
  try {
    const kept = await register.register.read(n);
    expect(kept?.state).toMatchObject({ caseNumber: n, stage: 'closed', outcome: 'exempt' });
    expect(await register.register.version(n)).toBeGreaterThan(1);
    // Visibility trails the workflows by a moment: the check agrees once it has caught up.
    await eventually(
      () => checkRegister(sealedClient, register.register),
      (d) => d.missing.length === 0 && d.stageDiffers.length === 0,
      'the register agreeing with visibility',
    );
    const [row] = await register.database.db
      .selectFrom('register')
      .select('record')
      .where('case_number', '=', n)
      .execute();
    expect(Buffer.from(row.record).includes(Buffer.from(s.party.name, 'utf8'))).toBe(false);
  } finally {
    await register.close();
  }

  // Notices went to the outbox the workers share, as the compose `data` volume is shared.
  expect(readdirSync(path.join(cluster.dataDir, 'outbox')).length).toBeGreaterThan(0);

  // PostgreSQL holds the submission encrypted with the key from .env; the API's codec server, with the same key,
  // opens it for an officer as the Web UI would ask.
  const history = await client.workflow.getHandle(n).fetchHistory();
  const [input] = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
  const base64 = (bytes?: Uint8Array | null): string => Buffer.from(bytes ?? []).toString('base64');
  const sealed = {
    metadata: Object.fromEntries(Object.entries(input?.metadata ?? {}).map(([k, v]) => [k, base64(v)])),
    data: base64(input?.data),
  };
  expect(Buffer.from(sealed.data, 'base64').toString()).not.toContain(n);
  const opened = await fetch(`${cluster.apiUrl}/codec/decode`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${stack.tokens['officer.dc']}`,
      'content-type': 'application/json',
      'x-namespace': 'default',
    },
    body: JSON.stringify({ payloads: [sealed] }),
  });
  expect(opened.status).toBe(200);
  const [plain] = ((await opened.json()) as { payloads: { data: string }[] }).payloads;
  expect(Buffer.from(plain.data, 'base64').toString()).toContain(n);
});
