/**
 * The office's numbering workflow (workflows/numbering.ts): consecutive numbers, the same number for a repeated
 * request, and both across continue-as-new.
 */
import { WithStartWorkflowOperation } from '@temporalio/client';

import type { WorkflowHarness } from '../helpers/workflow-env';
import { startHarness } from '../helpers/workflow-env';
import { nextNumberUpdate, numberingWorkflow } from '../../workflows/numbering';

let h: WorkflowHarness;

beforeAll(async () => {
  h = await startHarness('numbering');
});

afterAll(() => h?.stop());

/** `next` with update-with-start, as the API calls it, on a numbering workflow that continues as new early. */
const next = (workflowId: string, key: string) =>
  h.env.client.workflow.executeUpdateWithStart(nextNumberUpdate, {
    updateId: `number-${key}`,
    args: [key],
    startWorkflowOperation: new WithStartWorkflowOperation(numberingWorkflow, {
      workflowId,
      taskQueue: h.taskQueue,
      args: [{ last: 0, historyLimit: 20 }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    }),
  });

test('numbers are consecutive from 1 and a repeated request gets its number again, across continue-as-new', async () => {
  const id = 'numbering/disciplineCommission/2026';
  const numbers: number[] = [];
  for (let i = 1; i <= 30; i += 1) numbers.push(await next(id, `request-${i}`));
  expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  const described = await h.env.client.workflow.getHandle(id).describe();
  // The history grew past its limit, so the numbers above were handed out by more than one run.
  expect(described.runId).not.toBe(described.raw.workflowExecutionInfo?.firstRunId);
  expect(await next(id, 'request-3')).toBe(3);
  expect(await next(id, 'request-31')).toBe(31);
});

test('each body and year has its own series', async () => {
  expect(await next('numbering/organizationDepartment/2026', 'od-1')).toBe(1);
  expect(await next('numbering/disciplineCommission/2027', 'dc-2027-1')).toBe(1);
});
