/**
 * The first statutory clock of a case, on the time-skipping server: days pass in seconds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';

import { FileOutbox } from '../../activities/file-outbox';
import { loadCalendar } from '../../calendar';
import { createCaseWorker } from '../../worker/worker';
import { caseWorkflow } from '../../workflows/case';
import { caseStateQuery, decideAcceptanceUpdate, proposeHandlingOpinionUpdate } from '../../workflows/messages';
import { applicant, caseOfficer, submission } from '../helpers/cases';
import { startTimeSkippingServer } from '../helpers/temporal';

const taskQueue = 'handling-opinion-deadline';
const SHANGHAI_MIDNIGHT_UTC_HOUR = 16;
let env: TestWorkflowEnvironment;
let worker: Worker;
let workerRun: Promise<void>;
let outbox: FileOutbox;
let outboxDir: string;

beforeAll(async () => {
  env = await startTimeSkippingServer();
  outboxDir = mkdtempSync(path.join(tmpdir(), 'outbox-'));
  outbox = new FileOutbox(outboxDir);
  const calendar = loadCalendar();
  worker = await createCaseWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    dependencies: { calendar: () => calendar, notices: outbox },
  });
  workerRun = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await workerRun;
  await env?.teardown();
  rmSync(outboxDir, { recursive: true, force: true });
});

async function acceptedCase() {
  const s = submission();
  const handle = await env.client.workflow.start(caseWorkflow, {
    workflowId: s.caseNumber,
    taskQueue,
    args: [{ submission: s, submittedBy: applicant }],
  });
  const accepted = await handle.executeUpdate(decideAcceptanceUpdate, {
    args: [{ decision: 'accept', actor: caseOfficer, caseOfficer: caseOfficer.id }],
  });
  const deadline = accepted.deadlines.find((d) => d.id === 'handlingOpinion');
  if (!deadline) throw new Error('acceptance armed no handling-opinion deadline');
  return { handle, deadline };
}

test('acceptance arms the handling-opinion deadline at 24:00 Shanghai time, at least 5 days later', async () => {
  const { deadline } = await acceptedCase();
  expect(deadline.clause).toBe('受理后5个工作日内提出拟办意见');
  expect(deadline.status).toBe('running');
  const due = new Date(deadline.dueAt);
  expect(due.getUTCHours()).toBe(SHANGHAI_MIDNIGHT_UTC_HOUR);
  expect(due.getTime() - Date.parse(deadline.triggeredAt)).toBeGreaterThanOrEqual(5 * 24 * 3600 * 1000);
  expect(deadline.calendarVersion).toMatch(/\S/);
});

test('a missed handling-opinion deadline is recorded and notified at the due instant, not before', async () => {
  const { handle, deadline } = await acceptedCase();
  const untilDue = Date.parse(deadline.dueAt) - (await env.currentTimeMs());

  await env.sleep(untilDue - 60_000);
  const before = await handle.query(caseStateQuery);
  expect(before.deadlines[0].status).toBe('running');
  expect(await outbox.list()).not.toContainEqual(expect.objectContaining({ caseNumber: before.caseNumber }));

  await env.sleep(120_000);
  const after = await handle.query(caseStateQuery);
  expect(after.deadlines[0].status).toBe('overdue');
  expect(after.timeline.map((e) => e.kind)).toContain('deadlineOverdue');
  expect(after.stage).toBe('handlingOpinion');
  const notices = (await outbox.list()).filter((n) => n.caseNumber === after.caseNumber);
  expect(notices).toHaveLength(1);
  expect(notices[0].recipients).toEqual(['disciplineCommission', 'supervisingLevel']);
});

test('a handling opinion proposed in time meets the deadline and sends no notice', async () => {
  const { handle } = await acceptedCase();
  await env.sleep('2 days');
  await handle.executeUpdate(proposeHandlingOpinionUpdate, {
    args: [{ actor: caseOfficer, opinion: '拟启动容错调查核实' }],
  });
  await env.sleep('20 days');
  const state = await handle.query(caseStateQuery);
  expect(state.deadlines[0].status).toBe('met');
  expect((await outbox.list()).filter((n) => n.caseNumber === state.caseNumber)).toHaveLength(0);
});
