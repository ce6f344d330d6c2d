/**
 * Draws a case's number from its body's numbering workflow of the year (workflows/numbering.ts), starting that
 * workflow with the first request of the year (update-with-start). The request key doubles as the Update ID and as
 * the key the workflow remembers, so a retried submission gets its number again instead of consuming a second one.
 */
import type { Client } from '@temporalio/client';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';

import type { HandlingBody } from '../../domain/case';
import type { NumberingConfig } from '../../domain/case-numbers';
import {
  formatCaseNumber,
  NEXT_NUMBER_UPDATE,
  numberingWorkflowId,
  NUMBERING_WORKFLOW_TYPE,
} from '../../domain/case-numbers';

/**
 * How many numbers one API process asks a numbering workflow for at a time: below the server's limit of Updates in
 * flight per workflow (10 by default), so a burst of submissions queues here instead of being turned away there.
 */
const IN_FLIGHT_PER_SERIES = 8;

/** Per numbering workflow, the requests waiting for a slot and the slots taken. */
const series = new Map<string, { running: number; waiting: (() => void)[] }>();

async function inTurn<T>(workflowId: string, task: () => Promise<T>): Promise<T> {
  let turn = series.get(workflowId);
  if (!turn) series.set(workflowId, (turn = { running: 0, waiting: [] }));
  const slots = turn;
  if (slots.running >= IN_FLIGHT_PER_SERIES) await new Promise<void>((resolve) => slots.waiting.push(resolve));
  else slots.running += 1;
  try {
    return await task();
  } finally {
    // The slot passes straight to the next waiter, or is freed.
    const next = slots.waiting.shift();
    if (next) next();
    else {
      slots.running -= 1;
      if (slots.running === 0) series.delete(workflowId);
    }
  }
}

/** The next case number of `body` in `year`, e.g. 宛纪容〔2026〕12号; the same `requestKey`, the same number. */
export async function assignCaseNumber(
  client: Client,
  taskQueue: string,
  config: NumberingConfig,
  body: HandlingBody,
  year: number,
  requestKey: string,
): Promise<string> {
  const workflowId = numberingWorkflowId(config, body, year);
  const n = await inTurn(workflowId, () =>
    client.workflow.executeUpdateWithStart<Workflow, number, [string]>(NEXT_NUMBER_UPDATE, {
      updateId: `number-${requestKey}`,
      args: [requestKey],
      startWorkflowOperation: new WithStartWorkflowOperation(NUMBERING_WORKFLOW_TYPE, {
        workflowId,
        taskQueue,
        args: [{ last: 0 }],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    }),
  );
  return formatCaseNumber(config.patterns[body], year, n);
}
