/**
 * A worker that does not stop names what holds it: every 10 s while it drains, its status and the activities still
 * pending in the open workflows go to stderr, so a test whose teardown runs out of time says which activity would not
 * end on cancellation (a document's number once did: the worker's connection ignores abort signals).
 */
import type { Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';

/** Awaits `running` (the worker's `run()`), reporting what holds it every 10 s. */
export async function stopping(label: string, worker: Worker, client: Client, running: Promise<void>): Promise<void> {
  const watch = setInterval(() => {
    void report(label, worker, client).catch(() => undefined);
  }, 10_000);
  try {
    await running;
  } finally {
    clearInterval(watch);
  }
}

async function report(label: string, worker: Worker, client: Client): Promise<void> {
  const lines = [`[${label}] worker still stopping: ${JSON.stringify(worker.getStatus())}`];
  const service = client.workflowService;
  const open = await service.listOpenWorkflowExecutions({ namespace: 'default', maximumPageSize: 100 });
  for (const { execution } of open.executions ?? []) {
    const described = await service.describeWorkflowExecution({ namespace: 'default', execution });
    for (const a of described.pendingActivities ?? []) {
      lines.push(`  ${execution?.workflowId}: ${a.activityType?.name}, attempt ${a.attempt}`);
    }
  }
  process.stderr.write(`${lines.join('\n')}\n`);
}
