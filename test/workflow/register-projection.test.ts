/**
 * How a case projects itself into the register (release 0.5.0, `workflows/projection.ts`): after each workflow task
 * that changed it, through a scheduled activity; a case begun on revision 5 without a patch marker, an older one behind
 * the `register-projection` patch; and a register that is down never holds the case, its projection landing once
 * the register is back.
 */
import type { temporal } from '@temporalio/proto';

import type { ProjectionStore } from '../../activities/register';
import { startCaseWorkflow } from '../../api/cases/case-start';
import type { CaseProjection } from '../../domain/case-record';
import { CASE_WORKFLOW_TYPE } from '../../domain/messages';
import { caseStateQuery, decideAcceptanceUpdate } from '../../workflows/messages';
import { applicant, caseOfficer, submission } from '../helpers/cases';
import type { CaseHandle, WorkflowHarness } from '../helpers/workflow-env';
import { startHarness } from '../helpers/workflow-env';

/** The real register, which the test can take down and bring back, as a database outage would. */
class Outage implements ProjectionStore {
  down = false;
  refused = 0;

  constructor(private readonly inner: () => ProjectionStore) {}

  project(p: CaseProjection): Promise<boolean> {
    if (this.down) {
      this.refused += 1;
      return Promise.reject(new Error('connection to the register refused'));
    }
    return this.inner().project(p);
  }
}

let h: WorkflowHarness;
const outage = new Outage(() => h.register.register);

beforeAll(async () => {
  h = await startHarness('register-projection', { register: outage });
});
afterAll(() => h?.stop());

/** The patch markers a case's history records, by patch id. */
async function patchMarkers(handle: CaseHandle): Promise<string[]> {
  const { events } = await handle.fetchHistory();
  return (events ?? [])
    .map((e: temporal.api.history.v1.IHistoryEvent) => e.markerRecordedEventAttributes)
    .filter((m) => m?.markerName === 'core_patch')
    .map((m) =>
      Object.values(m?.details ?? {})
        .flatMap((d) => d.payloads ?? [])
        .map((p) => Buffer.from(p.data ?? []).toString('utf8'))
        .join(' '),
    );
}

function versionOf(caseNumber: string, atLeast: number, timeoutMs = 20_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  const poll = async (): Promise<number> => {
    const v = await h.register.register.version(caseNumber);
    if (v !== undefined && v >= atLeast) return v;
    if (Date.now() > until) throw new Error(`${caseNumber} never reached version ${atLeast} in the register`);
    await new Promise((r) => setTimeout(r, 100));
    return poll();
  };
  return poll();
}

async function accept(handle: CaseHandle): Promise<void> {
  await handle.executeUpdate(decideAcceptanceUpdate, {
    args: [{ decision: 'accept', actor: caseOfficer, caseOfficer: caseOfficer.id }],
  });
}

test('a case of revision 5 projects each change it makes, with no patch marker', async () => {
  const s = submission();
  const handle = (await startCaseWorkflow(h.env.client, h.taskQueue, {
    submission: s,
    submittedBy: applicant,
  })) as CaseHandle;
  const first = await versionOf(s.caseNumber, 1);
  await accept(handle);
  const second = await versionOf(s.caseNumber, first + 1);
  expect(second).toBeGreaterThan(first);
  expect((await h.register.register.read(s.caseNumber))?.state.stage).toBe('handlingOpinion');
  expect(await patchMarkers(handle)).not.toContainEqual(expect.stringContaining('register-projection'));
});

test('a case begun on revision 4 projects too, behind the register-projection patch', async () => {
  const s = submission();
  // Started as release 0.4.0 started it: revision 4 named in its input.
  const handle = (await h.env.client.workflow.start(CASE_WORKFLOW_TYPE, {
    workflowId: s.caseNumber,
    taskQueue: h.taskQueue,
    args: [
      { submission: s, submittedBy: applicant, caseNumber: s.caseNumber, messageId: 'start', procedureRevision: 4 },
    ],
  })) as CaseHandle;
  await versionOf(s.caseNumber, 1);
  // The marker is recorded with the task's completion, a moment after its projection was written.
  await handle.query(caseStateQuery);
  expect(await patchMarkers(handle)).toContainEqual(expect.stringContaining('register-projection'));
});

test('a register that is down holds no officer’s action; the projection lands once it is back', async () => {
  const s = submission();
  const handle = (await startCaseWorkflow(h.env.client, h.taskQueue, {
    submission: s,
    submittedBy: applicant,
  })) as CaseHandle;
  const before = await versionOf(s.caseNumber, 1);
  outage.down = true;
  const started = Date.now();
  await accept(handle);
  // Answered at once: the projection is an activity of its own, retried while the register is down.
  expect(Date.now() - started).toBeLessThan(5_000);
  await new Promise((r) => setTimeout(r, 1_000));
  expect(outage.refused).toBeGreaterThanOrEqual(1);
  expect(await h.register.register.version(s.caseNumber)).toBe(before);
  outage.down = false;
  // The scheduled fallback retries after 5 s of server time.
  await h.env.sleep('1 minute');
  await versionOf(s.caseNumber, before + 1, 30_000);
  expect((await h.register.register.read(s.caseNumber))?.state.stage).toBe('handlingOpinion');
});
