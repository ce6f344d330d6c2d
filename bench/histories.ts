/** How much history one case leaves on the server: its events, and the Temporal actions among them. */
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const { EventType } = temporal.api.enums.v1;

/**
 * The events that are Temporal actions, as Temporal Cloud counts them: the start, each signal, each accepted
 * Update, each timer, each scheduled or local activity, each search-attribute upsert, each continue-as-new.
 * Workflow-task events and completions are not actions.
 */
const ACTIONS = new Set<number>([
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED,
  EventType.EVENT_TYPE_TIMER_STARTED,
  EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
  EventType.EVENT_TYPE_MARKER_RECORDED,
  EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES,
  EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW,
]);

/** The number of events in a closed case's history, and of Temporal actions among them. */
export async function historyCounts(client: Client, caseNumber: string): Promise<{ events: number; actions: number }> {
  const history = await client.workflow.getHandle(caseNumber).fetchHistory();
  const events = history.events ?? [];
  return { events: events.length, actions: events.filter((e) => ACTIONS.has(e.eventType ?? 0)).length };
}

/** Where an accepted case's acceptance spent its time on the server, in milliseconds, read from its history. */
export interface AcceptanceSpans {
  /** From the workflow task the Update asked for being scheduled to a worker picking it up: queueing. */
  readonly taskWaitMs: number;
  /** From the worker picking the task up to completing it: the handler, and a local activity if any. */
  readonly taskRunMs: number;
  /** From the Update being accepted to its completion: what ran after the first task (activities, more tasks). */
  readonly acceptedToCompletedMs: number;
  /** That last span cut at each event, by the pair of event types it lies between (`SCHEDULED→STARTED`, …). */
  readonly afterAccepted: Readonly<Record<string, number>>;
}

const ms = (t: { seconds?: unknown; nanos?: number | null } | null | undefined) =>
  Number(t?.seconds ?? 0) * 1000 + (t?.nanos ?? 0) / 1e6;

const short = (t: number | null | undefined) => (EventType[t ?? 0] ?? String(t)).replace('EVENT_TYPE_', '');

/** The spans of the acceptance Update of `caseNumber` (undefined if it was never accepted). */
export async function acceptanceSpans(client: Client, caseNumber: string): Promise<AcceptanceSpans | undefined> {
  const events = (await client.workflow.getHandle(caseNumber).fetchHistory()).events ?? [];
  const accepted = events.findIndex(
    (e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'decideAcceptance',
  );
  if (accepted < 3) return undefined;
  const [scheduled, started, completed] = events.slice(accepted - 3, accepted);
  const updateId = events[accepted].workflowExecutionUpdateAcceptedEventAttributes?.protocolInstanceId;
  const done = events.findIndex(
    (e) => updateId !== undefined && e.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId === updateId,
  );
  const afterAccepted: Record<string, number> = {};
  for (let i = accepted; i < done; i++) {
    const gap = `${short(events[i].eventType)}→${short(events[i + 1].eventType)}`;
    afterAccepted[gap] = (afterAccepted[gap] ?? 0) + ms(events[i + 1].eventTime) - ms(events[i].eventTime);
  }
  return {
    taskWaitMs: ms(started.eventTime) - ms(scheduled.eventTime),
    taskRunMs: ms(completed.eventTime) - ms(started.eventTime),
    acceptedToCompletedMs: done > 0 ? ms(events[done].eventTime) - ms(events[accepted].eventTime) : 0,
    afterAccepted,
  };
}
