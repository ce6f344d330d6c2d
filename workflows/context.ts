/**
 * One case inside its workflow: its data, the work it runs in the background, and what every stage does with them
 * (record a step, move the case, keep a deadline, pass a message through the gate). The rules behind each of these
 * live in their own modules: the gate (`gate.ts`), the search attributes and summary (`publish.ts`), the query's
 * view (`view.ts`); this class only applies them to this case.
 */
import { ApplicationFailure, patched } from '@temporalio/workflow';

import { beganOnRevision } from '../domain/messages';
import { periodMet } from '../domain/periods';

import type { ActionResult, Actor, CaseState, Deadline, Stage, TimelineKind } from '../domain/case';
import { INVALID_ACTION } from '../domain/failures';
import { messageLabel } from '../domain/labels';
import type { CaseAction } from '../domain/procedure';
import { isUnsealed } from '../domain/sealing';
import { GATE_TEXTS } from '../domain/texts';
import { Background } from './background';
import type { CaseData } from './case-data';
import { workflowNow } from './clock';
import { foreignReason, refusal } from './gate';
import type { Sent } from './messages';
import type { CaseActivities } from './activities';
import { LOCAL_ACTIVITIES, REMOTE_ACTIVITIES } from './activities';
import { CalendarHold } from './calendar-hold';
import { Projector } from './projection';
import type { Publisher } from './publish';
import { publisherFor } from './publish';
import { actionResult, caseView, clockPaused } from './view';

/**
 * Release 0.3.0 on: every message must come sealed from the API, bound to its case and applied once. Cases that ran
 * on 0.2.0 replay their earlier messages (which carry no case number or message id) as they ran.
 */
export const SEALED_MESSAGES_PATCH = 'messages-sealed-by-the-api';

/** The revision of release 0.4.0, which `CaseContext.current` names. */
export const REVISION_4 = 4;

/** The revision of release 0.5.0, which `CaseContext.revision5` names. */
export const REVISION_5 = 5;

export class CaseContext {
  /** Deadline ladders, archive writes, the impact period: what runs beside the message handlers. */
  readonly bg = new Background();
  /**
   * Whether the case began on revision 4 (release 0.4.0) or later: the wiring and rules that release brought. A later
   * revision adds its own flag with `beganOnRevision(…, 5)`; this one stays revision 4's.
   */
  readonly current: boolean;
  /**
   * Whether the case began on revision 5 (release 0.5.0) or later: the register, the documents and the transfers
   * that release brought. Changes of 0.5.0 that emit commands key on this (or on `patched5`), never on `current`.
   */
  readonly revision5: boolean;
  /** The activities it calls: the calendar local from revision 4 on, everything scheduled before. */
  readonly activities: CaseActivities;
  private readonly publisher: Publisher;
  /** The calendar questions awaited now: publishing and projecting wait until none is. */
  private readonly calendarHold = new CalendarHold();
  /** The case's projection into the register (release 0.5.0 on; earlier cases from their next change). */
  readonly projector: Projector;

  /** `level`: the case's level in the organisation tree as its start named it (absent before the tree). */
  constructor(
    readonly data: CaseData,
    level?: string,
  ) {
    // Carried over from a run of release 0.2.0, which kept no message ids.
    data.messageIds ??= [];
    this.current = beganOnRevision(data.procedureRevision, REVISION_4);
    this.revision5 = beganOnRevision(data.procedureRevision, REVISION_5);
    this.activities = this.current ? LOCAL_ACTIVITIES : REMOTE_ACTIVITIES;
    this.publisher = publisherFor(data, this.current, this.calendarHold);
    this.projector = new Projector(
      data,
      level,
      (id) => this.patched5(id),
      (step) => this.bg.effect(step),
      this.calendarHold,
    );
  }

  /**
   * Whether the change named by `patchId` applies: always on a case of the current revision (it began after every
   * patch was made, and takes none of their markers), else as `patched()` answers, so earlier cases replay.
   */
  patched(patchId: string): boolean {
    return this.current || patched(patchId);
  }

  /**
   * Whether a change of release 0.5.0 named by `patchId` applies: always on a case begun on revision 5, on earlier
   * cases (0.4.0's included) as `patched()` answers, so that their saved histories replay as they ran.
   */
  patched5(patchId: string): boolean {
    return this.revision5 || patched(patchId);
  }

  /** Asks the calendar, with the search attributes held back so that what it answers goes out with them. */
  calendar<T>(ask: (calendar: CaseActivities['calendar']) => Promise<T>): Promise<T> {
    return this.calendarHold.during(() => ask(this.activities.calendar));
  }

  /** Publishes pending search attributes now: before the run completes or continues as new. */
  flush(): void {
    this.publisher.flush();
  }

  get stage(): Stage {
    return this.data.stage;
  }

  get caseNumber(): string {
    return this.data.submission.caseNumber;
  }

  /** Sets every search attribute and the summary from the state, as on a new run after continue-as-new. */
  publish(): void {
    this.publisher.all();
    this.projector.mark();
  }

  /** Refuses `action` unless the procedure opens it now and to this actor; used by every validator. */
  assertAllowed(action: CaseAction, actor: Actor): void {
    const problem = refusal(this.data, action, actor);
    if (problem) throw problem;
  }

  /** Why `message` cannot have come through the API (`gate.ts`), or undefined when it can. */
  foreignReason(message: unknown, strict: boolean): string | undefined {
    return foreignReason(this.data, message, strict);
  }

  /** Whether messages must come sealed from the API; false only while replaying what a 0.2.0 case received. */
  strictMessages(): boolean {
    return this.patched(SEALED_MESSAGES_PATCH);
  }

  /**
   * Records a message that did not come through the API in the timeline, with the identity it claimed but without
   * taking it as the actor: the attempt stays visible to the officers and to a later 责任倒查, and nothing is applied.
   */
  recordForeign(action: string, message: unknown, reason: string): void {
    const claimed = isUnsealed(message)
      ? message.claimedActorId
      : (message as { actor?: { id?: unknown } } | null)?.actor?.id;
    const claimedId = typeof claimed === 'string' ? claimed : undefined;
    this.record('foreignMessageRefused', GATE_TEXTS.foreignRecorded(messageLabel(action), claimedId, reason));
  }

  /** Keeps the id of a message just applied, so that a copy of it is refused. */
  markApplied(message: Partial<Sent>): void {
    if (message.messageId) this.data.messageIds.push(message.messageId);
    this.projector.mark();
  }

  /**
   * The gate for leadership signals: a message that did not come through the API, a decision id already applied,
   * an action not open now, or an actor without the right role or body is recorded and ignored, never applied.
   */
  acceptsDecision(action: CaseAction, message: Sent & { readonly decisionId: string }): boolean {
    const foreign = this.foreignReason(message, this.strictMessages());
    if (foreign) {
      this.recordForeign(action, message, foreign);
      return false;
    }
    const { actor, decisionId } = message;
    if (this.data.decisionIds.includes(decisionId)) return false;
    const problem = refusal(this.data, action, actor);
    if (problem) {
      this.record('decisionIgnored', GATE_TEXTS.decisionIgnored(messageLabel(action), problem.message), actor);
      return false;
    }
    this.data.decisionIds.push(decisionId);
    this.markApplied(message);
    return true;
  }

  /** Refuses input that no stage would accept. */
  invalid(message: string): never {
    throw ApplicationFailure.create({ type: INVALID_ACTION, message, nonRetryable: true });
  }

  moveTo(stage: Stage): void {
    this.data.stage = stage;
    // A period belongs to its stage: leaving the stage meets it at once, so the case publishes the change with the
    // stage's (cases begun earlier leave it to the deadline's supervisor, one upsert later, as they recorded).
    if (this.current) this.meetPeriods();
    this.publisher.stage();
    this.projector.mark();
  }

  /** Marks met every running period whose step is done (`periodMet`); only on cases of the current revision. */
  meetPeriods(): void {
    const metAt = workflowNow().toISOString();
    for (const d of this.data.deadlines) {
      if (d.status !== 'met' && periodMet(d.id, this.data)) this.putDeadline({ ...d, status: 'met', metAt });
    }
  }

  record(kind: TimelineKind, summary: string, actor?: Actor): void {
    this.data.timeline.push({ at: workflowNow().toISOString(), kind, summary, ...(actor ? { actor } : {}) });
    this.projector.mark();
  }

  markOutcome(): void {
    this.publisher.outcome();
    this.projector.mark();
  }

  deadline(id: string): Deadline | undefined {
    return this.data.deadlines.find((d) => d.id === id);
  }

  /** Adds or replaces a deadline and keeps NextDeadline, Overdue and ProvisionalDeadline in step. */
  putDeadline(deadline: Deadline): void {
    const i = this.data.deadlines.findIndex((d) => d.id === deadline.id);
    if (i >= 0) this.data.deadlines[i] = deadline;
    else this.data.deadlines.push(deadline);
    this.publisher.deadlines();
    this.projector.mark();
  }

  clockPaused(): boolean {
    return clockPaused(this.data);
  }

  view(): CaseState {
    return caseView(this.data);
  }

  /** What an officer's action answers. */
  result(): ActionResult {
    return actionResult(this.data);
  }
}
