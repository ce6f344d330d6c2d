/**
 * A case can be driven only through the API. Messages sent around it — typed into the Temporal CLI, posted to the
 * Web UI's HTTP API, or sealed payloads copied out of another case's history — are refused, the case is unchanged,
 * and each attempt is visible in the case's timeline (or, for a start, as a failed run that never becomes a case).
 * Against the embedded dev server exactly as `npm start` runs it, Web UI included.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { Client, WorkflowFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';

import { startDevServer } from '../../dev/dev-server';
import type { Stack } from '../helpers/api';
import { api, eventually, startStack } from '../helpers/api';
import { application, report, shanghaiToday, submission } from '../helpers/cases';
import { testDataConverter } from '../helpers/payload-keys';
import { freePort } from '../reliability/cluster';

const run = promisify(execFile);

let dir: string;
let uiPort: number;
let server: TestWorkflowEnvironment;
let stack: Stack;
let http: ReturnType<typeof api>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'forged-'));
  uiPort = await freePort();
  server = await startDevServer({ dataDir: dir, port: await freePort(), uiPort, namespace: 'default' });
  stack = await startStack({ env: server });
  http = api(stack);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The Temporal CLI against the test's server, as an operator or an intruder with network access would run it. */
async function cli(...args: string[]): Promise<{ ok: boolean; out: string }> {
  try {
    const { stdout } = await run(process.env.TEMPORAL_CLI_PATH as string, [...args, '--address', server.address], {
      env: { ...process.env, TEMPORAL_VERSION_CHECK_DISABLED: '1' },
    });
    return { ok: true, out: stdout };
  } catch (err) {
    return { ok: false, out: String((err as { stderr?: string }).stderr ?? err) };
  }
}

/** A POST to the Web UI's own HTTP API, with the CSRF cookie and header a browser session would carry. */
async function webUi(pathname: string, body: unknown): Promise<number> {
  const settings = await fetch(`http://127.0.0.1:${uiPort}/api/v1/settings`);
  const csrf = /_csrf=([^;]+)/.exec(settings.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const res = await fetch(`http://127.0.0.1:${uiPort}/api/v1/namespaces/default/workflows/${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `_csrf=${csrf}`, 'x-csrf-token': csrf },
    body: JSON.stringify(body),
  });
  await res.text();
  return res.status;
}

/** A JSON value as the Web UI sends it when no codec encodes it: a plain `json/plain` payload. */
function plainPayload(value: unknown): { metadata: Record<string, string>; data: string } {
  return {
    metadata: { encoding: Buffer.from('json/plain').toString('base64') },
    data: Buffer.from(JSON.stringify(value)).toString('base64'),
  };
}

const intruder = { id: 'intruder', role: 'meetingSecretary', body: 'disciplineCommission' };
const forgedLeader = { id: 'nobody', role: 'approvingLeader', body: 'disciplineCommission' };
const determination = {
  meetingDate: shanghaiToday(),
  attendees: ['甲', '乙', '丙', '丁', '戊'],
  membersTotal: 7,
  outcome: 'exempt',
  reasoning: '伪造',
  minutesRef: '伪造纪要',
  reportRef: '调查报告〔2026〕1号',
};

const state = (n: string) => http.get(`/cases/${n}`, 'officer.dc');

/** A case driven through the API to the leadership meeting, where a forged determination would decide it. */
async function caseAwaitingTheMeeting(): Promise<string> {
  const created = await http.post('/cases', { submission: application() }, 'applicant.li');
  expect(created.status).toBe(201);
  const n: string = created.body?.caseNumber;
  const step = async (p: string, body: unknown, as: string, status = 200) =>
    expect((await http.post(`/cases/${n}${p}`, body, as)).status).toBe(status);
  await step('/acceptance', { decision: 'accept', caseOfficer: 'officer.dc' }, 'officer.dc');
  await step('/handling-opinion', { opinion: '拟启动调查核实', route: 'investigate' }, 'officer.dc');
  await step('/handling-opinion/approval', { approved: true, comment: '同意' }, 'leader.dc', 202);
  await eventually(
    () => state(n),
    (r) => r.body?.stage === 'investigation',
    'investigation',
  );
  await step('/investigation/team', { members: ['investigator.dc', '调查组成员乙'] }, 'officer.dc');
  for (const heard of ['party', 'unit']) {
    await step('/investigation/hearings', { heard, statementRef: heard, summary: '说明' }, 'investigator.dc');
  }
  await step('/investigation/report', { report: report('exempt') }, 'investigator.dc');
  await step('/investigation/report/review', { approved: true, comment: '同意' }, 'leader.dc', 202);
  await eventually(
    () => state(n),
    (r) => r.body?.stage === 'determination',
    'determination',
  );
  return n;
}

/** Waits until the case's timeline records a refused message, and returns the case then. */
async function refusalRecorded(n: string, count: number) {
  const res = await eventually(
    () => state(n),
    (r) => (r.body?.timeline ?? []).filter((e: { kind: string }) => e.kind === 'foreignMessageRefused').length >= count,
    `${count} refused message(s) in the timeline`,
  );
  return res.body as {
    stage: string;
    outcome?: string;
    clockPaused: boolean;
    timeline: { kind: string; summary: string; actor?: unknown }[];
  };
}

let n: string;
let refusals = 0;

test('a plaintext determination signalled with the Temporal CLI decides nothing and is recorded', async () => {
  n = await caseAwaitingTheMeeting();
  const signal = await cli(
    'workflow',
    'signal',
    '--workflow-id',
    n,
    '--name',
    'recordDetermination',
    '--input',
    JSON.stringify({ decisionId: randomUUID(), actor: intruder, caseNumber: n, messageId: 'x', determination }),
  );
  expect(signal.ok).toBe(true);
  const after = await refusalRecorded(n, ++refusals);
  expect(after.stage).toBe('determination');
  expect(after.outcome).toBeUndefined();
  const entry = after.timeline.filter((e) => e.kind === 'foreignMessageRefused').at(-1);
  expect(entry?.summary).toContain('自称 intruder');
  expect(entry?.summary).toContain('载荷未加密');
  // The claimed identity is never recorded as the actor.
  expect(entry?.actor).toBeUndefined();
});

test('a plaintext Update sent with the Temporal CLI is refused, and the clock keeps running', async () => {
  const update = await cli(
    'workflow',
    'update',
    'execute',
    '--workflow-id',
    n,
    '--name',
    'pauseClock',
    '--input',
    JSON.stringify({ actor: forgedLeader, reason: '伪造的暂停' }),
  );
  expect(update.ok).toBe(false);
  const after = await refusalRecorded(n, ++refusals);
  expect(after.clockPaused).toBe(false);
  expect(after.stage).toBe('determination');
});

test('a case started with the Temporal CLI fails at once and never becomes a case', async () => {
  const forged = submission();
  const start = await cli(
    'workflow',
    'start',
    '--type',
    'caseWorkflow',
    '--task-queue',
    stack.taskQueue,
    '--workflow-id',
    forged.caseNumber,
    '--input',
    JSON.stringify({ submission: forged, submittedBy: intruder }),
  );
  expect(start.ok).toBe(true);
  // A client that reads sealed payloads, as the API's does.
  const client = new Client({ connection: server.connection, dataConverter: testDataConverter });
  const result = client.workflow.getHandle(forged.caseNumber).result();
  await expect(result).rejects.toBeInstanceOf(WorkflowFailedError);
  await expect(result).rejects.toMatchObject({ cause: { type: 'ForeignStart' } });
  expect((await http.get(`/cases/${forged.caseNumber}`, 'officer.dc')).status).toBe(404);
});

test('a case started through the Web UI’s HTTP API fails at once and never becomes a case', async () => {
  const forged = submission();
  const status = await webUi(forged.caseNumber, {
    workflowType: { name: 'caseWorkflow' },
    taskQueue: { name: stack.taskQueue },
    input: { payloads: [plainPayload({ submission: forged, submittedBy: intruder })] },
    requestId: randomUUID(),
  });
  expect(status).toBe(200);
  const client = new Client({ connection: server.connection, dataConverter: testDataConverter });
  await expect(client.workflow.getHandle(forged.caseNumber).result()).rejects.toMatchObject({
    cause: { type: 'ForeignStart' },
  });
  expect((await http.get(`/cases/${forged.caseNumber}`, 'officer.dc')).status).toBe(404);
});

test('a determination signalled through the Web UI’s HTTP API decides nothing and is recorded', async () => {
  const status = await webUi(`${n}/signal/recordDetermination`, {
    input: {
      payloads: [
        plainPayload({ decisionId: randomUUID(), actor: intruder, caseNumber: n, messageId: 'y', determination }),
      ],
    },
  });
  expect(status).toBe(200);
  const after = await refusalRecorded(n, ++refusals);
  expect(after.stage).toBe('determination');
  expect(after.outcome).toBeUndefined();
});

test('an Update sent through the Web UI’s HTTP API is refused and recorded', async () => {
  await webUi(`${n}/update/pauseClock`, {
    request: {
      meta: { updateId: randomUUID() },
      input: { args: { payloads: [plainPayload({ actor: forgedLeader, reason: '伪造的暂停' })] } },
    },
  });
  const after = await refusalRecorded(n, ++refusals);
  expect(after.clockPaused).toBe(false);
});

/** The sealed input of the first event of `type` in a case's history, exactly as stored. */
async function storedInput(caseNumber: string, type: 'signal' | 'update'): Promise<temporal.api.common.v1.IPayloads> {
  const history = await stack.env.client.workflow.getHandle(caseNumber).fetchHistory();
  for (const e of history.events ?? []) {
    if (type === 'signal' && e.workflowExecutionSignaledEventAttributes?.input) {
      return e.workflowExecutionSignaledEventAttributes.input;
    }
    const accepted = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args;
    if (type === 'update' && accepted) return accepted;
  }
  throw new Error(`no ${type} in the history of ${caseNumber}`);
}

test('a sealed leadership decision copied from another case’s history is refused by the case it is sent to', async () => {
  const other = await caseAwaitingTheMeeting();
  const copied = await storedInput(other, 'signal');
  await stack.env.client.workflowService.signalWorkflowExecution({
    namespace: 'default',
    workflowExecution: { workflowId: n },
    signalName: 'approveHandlingOpinion',
    input: copied,
    identity: 'intruder',
  });
  const after = await refusalRecorded(n, ++refusals);
  expect(after.timeline.filter((e) => e.kind === 'foreignMessageRefused').at(-1)?.summary).toContain(
    '载荷属于其他案件',
  );
});

test('a sealed officer’s action replayed into its own case under a new Update ID is refused', async () => {
  const copied = await storedInput(n, 'update');
  await stack.env.client.workflowService
    .updateWorkflowExecution({
      namespace: 'default',
      workflowExecution: { workflowId: n },
      waitPolicy: {
        lifecycleStage:
          temporal.api.enums.v1.UpdateWorkflowExecutionLifecycleStage
            .UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED,
      },
      request: {
        meta: { updateId: randomUUID(), identity: 'intruder' },
        input: { name: 'decideAcceptance', args: copied },
      },
    })
    .catch(() => undefined);
  const after = await refusalRecorded(n, ++refusals);
  expect(after.timeline.filter((e) => e.kind === 'foreignMessageRefused').at(-1)?.summary).toContain('该消息已办理过');
  expect(after.stage).toBe('determination');
});

test('the API’s own determination still decides the case after every forged attempt', async () => {
  const res = await http.post(`/cases/${n}/determination`, { determination }, 'secretary.dc');
  expect(res.status).toBe(202);
  const decided = await eventually(
    () => state(n),
    (r) => r.body?.stage === 'feedback',
    'feedback',
  );
  expect(decided.body?.outcome).toBe('exempt');
});
