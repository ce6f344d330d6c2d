/**
 * The register through worker crashes: a deployed worker (`node dist/main.js worker`, its embedded register under
 * DATA_DIR/register) is killed with SIGKILL while its cases change and project, and started again. Afterwards every
 * case's row holds exactly what the case answers now, at the version it last projected: nothing was lost or taken
 * back, and the database files came back whole.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';

import { CASE_CLIENT_INTERCEPTORS } from '../../api/cases/sent-messages';
import { calendarSource, DEFAULT_HOLIDAYS_DIR } from '../../calendar';
import { FileArchive } from '../../activities/file-archive';
import { FileOutbox } from '../../activities/file-outbox';
import { startCaseWorkflow } from '../../api/cases/case-start';
import type { CaseState } from '../../domain/case';
import type { CaseProjection } from '../../domain/case-record';
import { CASE_PROJECTION_QUERY } from '../../domain/case-record';
import type { CaseRegister } from '../../register/register';
import { createCaseWorker } from '../../worker/worker';
import {
  approveHandlingOpinionSignal,
  decideAcceptanceUpdate,
  proposeHandlingOpinionUpdate,
} from '../../workflows/messages';
import { applicant, caseOfficer, decisionId, leader, submission } from '../helpers/cases';
import { FileDocumentStore } from '../../documents/document-store';
import { TEST_PAYLOAD_KEYS, testDataConverter } from '../helpers/payload-keys';
import { openTestRegister } from '../helpers/register';
import type { CaseHandle } from '../helpers/workflow-env';
import type { Proc } from './cluster';
import { deploymentEnv, sleep, spawnWorker } from './cluster';

const CASES = 4;
const KILLS = 3;

/**
 * Sends an Update until the case takes it, under one Update ID (applied once): while a killed worker's workflow task
 * waits for its retry, the server refuses Updates (FAILED_PRECONDITION), as a client of the API sees a 503.
 */
async function persist(send: (updateId: string) => Promise<unknown>): Promise<void> {
  const updateId = randomUUID();
  for (const until = Date.now() + 90_000; ; await sleep(500)) {
    try {
      await send(updateId);
      return;
    } catch (err) {
      if (Date.now() > until || !String((err as { cause?: unknown }).cause).includes('FAILED_PRECONDITION')) throw err;
    }
  }
}

/**
 * Accepts the case and has its opinion approved: three changes, each projected. Updates and signals wait for a
 * worker, so they ride out the kills; the query is asked again until a worker answers it.
 */
async function throughOpinion(h: CaseHandle): Promise<void> {
  await persist((updateId) =>
    h.executeUpdate(decideAcceptanceUpdate, {
      updateId,
      args: [{ decision: 'accept', actor: caseOfficer, caseOfficer: caseOfficer.id }],
    }),
  );
  await persist((updateId) =>
    h.executeUpdate(proposeHandlingOpinionUpdate, {
      updateId,
      args: [{ actor: caseOfficer, opinion: '拟按程序办理', route: 'investigate' }],
    }),
  );
  await h.signal(approveHandlingOpinionSignal, {
    decisionId: decisionId(),
    actor: leader,
    approved: true,
    comment: '同意',
  });
  for (const until = Date.now() + 90_000; Date.now() < until; await sleep(250)) {
    const stage = await h.query<CaseProjection>(CASE_PROJECTION_QUERY).then(
      (p) => p.state.stage,
      () => undefined,
    );
    if (stage === 'investigation') return;
  }
  throw new Error(`${h.workflowId} never reached its investigation`);
}

/**
 * A state with its timeline's instants left out. An entry a case records after a local activity answered, in the
 * same workflow task (the calendar's, revision 4 on), carries the clock of the moment it was made when the task
 * runs live, and the task's start when it is replayed (the SDK's workflow time): the register keeps the instant the
 * case recorded live, a worker that rebuilt the case from history answers the other. Everything else must be equal.
 */
function asReplayed(state: CaseState): unknown {
  return { ...state, timeline: state.timeline.map(({ at: _at, ...entry }) => entry) };
}

/**
 * The case's answer and its register row once the row holds the case's last projection (up to 30 s): the version the
 * case last projected, with nothing more owed (the case's state then is that projection's).
 */
async function caughtUp(h: CaseHandle, register: CaseRegister) {
  for (const until = Date.now() + 30_000; ; await sleep(250)) {
    const answered = await h.query<CaseProjection>(CASE_PROJECTION_QUERY);
    const kept = { version: await register.version(h.workflowId), state: (await register.read(h.workflowId))?.state };
    const same = kept.state && isDeepStrictEqual(asReplayed(kept.state), asReplayed(answered.state));
    if ((kept.version === answered.version && same) || Date.now() > until) return { answered, kept };
  }
}

let env: TestWorkflowEnvironment;
let dir: string;
let worker: Proc | undefined;

beforeAll(async () => {
  const address = process.env.E2E_TEMPORAL_ADDRESS;
  if (!address) throw new Error('the run’s dev server (test/global-setup.ts) is not up');
  env = await TestWorkflowEnvironment.createFromExistingServer({
    address,
    client: { dataConverter: testDataConverter, interceptors: CASE_CLIENT_INTERCEPTORS },
  });
  dir = mkdtempSync(path.join(tmpdir(), 'register-crash-'));
});

afterAll(async () => {
  await worker?.stop();
  await env?.teardown();
  if (dir && process.env.RELIABILITY_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
});

test('a worker killed while its cases project leaves every row as the case answers it, at its last version', async () => {
  const address = process.env.E2E_TEMPORAL_ADDRESS as string;
  const taskQueue = `register-crash-${randomUUID()}`;
  const shared = deploymentEnv(address, taskQueue, path.join(dir, 'data'));
  worker = await spawnWorker(shared);

  const handles: CaseHandle[] = [];
  for (let i = 0; i < CASES; i++) {
    const input = { submission: submission(), submittedBy: applicant };
    handles.push((await startCaseWorkflow(env.client, taskQueue, input)) as CaseHandle);
  }
  // Each case through acceptance and its opinion, the worker killed meanwhile.
  const driving = Promise.all(handles.map((h) => throughOpinion(h)));
  for (let k = 0; k < KILLS; k++) {
    await sleep(randomInt(100, 800));
    await worker.kill();
    worker = await spawnWorker(shared);
  }
  await driving;
  // Every case has answered its last action; the worker then stops as a deployment stops it.
  await sleep(1_000);
  await worker.stop();
  worker = undefined;

  // The register the killed workers wrote, opened here, and the cases asked through a worker of this process.
  const opened = await openTestRegister(path.join(dir, 'data', 'register'));
  let reader: Worker | undefined;
  try {
    reader = await createCaseWorker({
      connection: env.nativeConnection,
      namespace: 'default',
      taskQueue,
      dependencies: {
        calendar: calendarSource({ holidaysDir: DEFAULT_HOLIDAYS_DIR }),
        notices: new FileOutbox(path.join(dir, 'outbox')),
        archive: new FileArchive(path.join(dir, 'archive')),
        register: opened.register,
        documents: { store: new FileDocumentStore(path.join(dir, 'documents'), TEST_PAYLOAD_KEYS) },
      },
      dataConverter: testDataConverter,
    });
    const running = reader.run();
    try {
      for (const h of handles) {
        // The documents of its last steps are issued in the background: a projection may still be owed for the
        // last of them when the worker stopped, and this worker sends it. The row catches up; it never goes back.
        const { answered, kept } = await caughtUp(h, opened.register);
        expect(answered.state.stage).toBe('investigation');
        expect(kept.version).toBe(answered.version);
        expect(kept.state && asReplayed(kept.state)).toEqual(asReplayed(answered.state));
      }
    } finally {
      reader.shutdown();
      await running;
    }
  } finally {
    await opened.close();
  }
}, 180_000);
