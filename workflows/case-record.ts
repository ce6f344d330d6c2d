/**
 * One case's state inside its workflow, with what every stage needs: the timeline, the gate that refuses actions
 * the procedure does not open now, search attributes and the readable summary kept in step with the state.
 */
import { ApplicationFailure, patched, setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';

import type { CaseAction } from '../domain/procedure';
import { ACTION_ROLES } from '../domain/procedure';
import type { Actor, CaseState, Deadline, Stage, TimelineKind } from '../domain/case';
import { applicantIdOf } from '../domain/case';
import { HANDLING_BODY_NAMES, OUTCOME_NAMES, STAGE_NAMES } from '../domain/labels';
import { INVALID_ACTION, NOT_PERMITTED, STAGE_CONFLICT } from '../domain/failures';
import { isUnsealed, UNSEALED_REASON_TEXT } from '../domain/sealing';
import { REFUSALS } from '../domain/texts';
import type { CaseData } from './case-data';
import type { Sent } from './messages';
import { beijingText, instant, workflowNow } from './clock';
import { openActions } from '../domain/procedure';
import {
  ApplicantId,
  CaseStage,
  HandlingBodyKey,
  NextDeadline,
  OutcomeKey,
  Overdue,
  ProvisionalDeadline,
  SituationKey,
} from '../domain/search-attributes';

/**
 * Release 0.3.0 on: every message must come sealed from the API, bound to its case and applied once. Cases that ran
 * on 0.2.0 replay their earlier messages (which carry no case number or message id) as they ran.
 */
export const SEALED_MESSAGES_PATCH = 'messages-sealed-by-the-api';

export class CaseRecord {
  constructor(readonly data: CaseData) {
    // Carried over from a run of release 0.2.0, which kept no message ids.
    data.messageIds ??= [];
  }

  get stage(): Stage {
    return this.data.stage;
  }

  get caseNumber(): string {
    return this.data.submission.caseNumber;
  }

  /** Sets every search attribute and the summary from the state, as on a new run after continue-as-new. */
  publish(): void {
    const applicant = this.applicantId();
    upsertSearchAttributes([
      { key: CaseStage, value: this.data.stage },
      { key: HandlingBodyKey, value: this.data.submission.handlingBody },
      { key: SituationKey, value: this.data.submission.situation },
      ...(applicant ? [{ key: ApplicantId, value: applicant }] : []),
      ...(this.data.outcome ? [{ key: OutcomeKey, value: this.data.outcome }] : []),
    ]);
    this.refreshDeadlines();
  }

  /** Refuses `action` unless the procedure opens it now and to this actor; used by every validator. */
  assertAllowed(action: CaseAction, actor: Actor): void {
    const problem = this.refusal(action, actor);
    if (problem) throw problem;
  }

  /**
   * Why `message` cannot have come through the API, or undefined when it can: a payload the codec refused, a
   * message without an actor, and (`strict`, cases of release 0.3.0 on) one bound to another case or already applied.
   */
  foreignReason(message: unknown, strict: boolean): string | undefined {
    if (isUnsealed(message)) return UNSEALED_REASON_TEXT[message.unsealedPayloadRefused];
    const m = (typeof message === 'object' && message !== null ? message : {}) as Partial<Sent>;
    if (typeof m.actor !== 'object' || m.actor === null || typeof m.actor.id !== 'string') return '消息格式不符';
    if (!strict) return undefined;
    if (m.caseNumber !== this.caseNumber) return '消息不属于本案件';
    if (typeof m.messageId !== 'string' || m.messageId === '') return '消息缺少编号';
    if (this.data.messageIds.includes(m.messageId)) return '该消息已办理过';
    return undefined;
  }

  /** Whether messages must come sealed from the API; false only while replaying what a 0.2.0 case received. */
  strictMessages(): boolean {
    return patched(SEALED_MESSAGES_PATCH);
  }

  /**
   * Records a message that did not come through the API in the timeline, with the identity it claimed but without
   * taking it as the actor: the attempt stays visible to the officers and to a later 责任倒查, and nothing is applied.
   */
  recordForeign(action: string, message: unknown, reason: string): void {
    const claimed = isUnsealed(message)
      ? message.claimedActorId
      : (message as { actor?: { id?: unknown } } | null)?.actor?.id;
    const who = typeof claimed === 'string' ? `，自称 ${claimed.slice(0, 64)}` : '';
    this.record('foreignMessageRefused', `拒收未经办案系统的消息（${action}${who}）：${reason}，未予办理`);
  }

  /** Keeps the id of a message just applied, so that a copy of it is refused. */
  markApplied(message: Partial<Sent>): void {
    if (message.messageId) this.data.messageIds.push(message.messageId);
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
    const problem = this.refusal(action, actor);
    if (problem) {
      this.record('decisionIgnored', `未采纳的决定（${action}）：${problem.message}`, actor);
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
    upsertSearchAttributes([{ key: CaseStage, value: stage }]);
    this.refreshSummary();
  }

  record(kind: TimelineKind, summary: string, actor?: Actor): void {
    this.data.timeline.push({ at: workflowNow().toISOString(), kind, summary, ...(actor ? { actor } : {}) });
  }

  markOutcome(): void {
    if (this.data.outcome) upsertSearchAttributes([{ key: OutcomeKey, value: this.data.outcome }]);
  }

  deadline(id: string): Deadline | undefined {
    return this.data.deadlines.find((d) => d.id === id);
  }

  /** Adds or replaces a deadline and keeps NextDeadline, Overdue and ProvisionalDeadline in step. */
  putDeadline(deadline: Deadline): void {
    const i = this.data.deadlines.findIndex((d) => d.id === deadline.id);
    if (i >= 0) this.data.deadlines[i] = deadline;
    else this.data.deadlines.push(deadline);
    this.refreshDeadlines();
  }

  clockPaused(): boolean {
    return this.data.pauses.some((p) => !p.until);
  }

  applicantId(): string | undefined {
    return applicantIdOf(this.data.submission, this.data.submittedBy);
  }

  view(): CaseState {
    const d = this.data;
    return {
      caseNumber: this.caseNumber,
      stage: d.stage,
      handlingBody: d.submission.handlingBody,
      submission: d.submission,
      ...optional('applicantId', this.applicantId()),
      ...optional('caseOfficer', d.caseOfficer),
      ...optional(
        'handlingOpinion',
        d.handlingOpinion && {
          opinion: d.handlingOpinion.opinion,
          route: d.handlingOpinion.route,
          approved: d.handlingOpinion.approved,
        },
      ),
      ...optional('investigationTeam', d.investigationTeam),
      evidenceRefs: d.evidenceRefs,
      hearings: d.hearings,
      ...optional('report', d.report),
      ...optional('determination', d.determination),
      ...optional('outcome', d.outcome),
      ...optional('closure', d.closure),
      openObligations: d.openObligations,
      archiveReceipts: d.archiveReceipts,
      ...optional('impactPeriodEndsAt', d.impactPeriodEndsAt),
      followUpVisits: d.followUpVisits,
      pauses: d.pauses,
      clockPaused: this.clockPaused(),
      allowedActions: openActions(d).map((action) => ({ action, roles: ACTION_ROLES[action] })),
      deadlines: d.deadlines,
      timeline: d.timeline,
      decisionIds: d.decisionIds,
      summary: this.summary(),
    };
  }

  /** One Chinese line for the Web UI: case, body, stage, next deadline or outcome. Codes only, no names. */
  summary(): string {
    const d = this.data;
    const next = nextOpenDeadline(d.deadlines);
    const parts = [
      `容错事项 ${this.caseNumber}`,
      HANDLING_BODY_NAMES[d.submission.handlingBody],
      `阶段：${STAGE_NAMES[d.stage]}`,
      ...(d.outcome ? [`结论：${OUTCOME_NAMES[d.outcome]}`] : []),
      ...(next
        ? [`下一期限：${beijingText(next.dueAt)}（${next.clause}${next.status === 'overdue' ? '，已超期' : ''}）`]
        : []),
      ...(this.clockPaused() ? ['计时已暂停'] : []),
    ];
    return parts.join('｜');
  }

  private refusal(action: CaseAction, actor: Actor): ApplicationFailure | undefined {
    const open = openActions(this.data);
    if (!open.includes(action)) {
      return ApplicationFailure.create({
        type: STAGE_CONFLICT,
        message: REFUSALS.notInStage(action, this.data.stage),
        details: [
          {
            stage: this.data.stage,
            allowedActions: open.map((a) => ({ action: a, roles: ACTION_ROLES[a] })),
          },
        ],
        nonRetryable: true,
      });
    }
    const roles: readonly string[] = ACTION_ROLES[action];
    if (!roles.includes(actor.role) || actor.body !== this.data.submission.handlingBody) {
      return ApplicationFailure.create({
        type: NOT_PERMITTED,
        message: REFUSALS.notPermitted(action, actor.role, actor.body),
        details: [{ stage: this.data.stage, roles }],
        nonRetryable: true,
      });
    }
    const assignment = this.assignmentProblem(actor);
    if (assignment) {
      return ApplicationFailure.create({
        type: NOT_PERMITTED,
        message: assignment,
        details: [{ stage: this.data.stage, roles, caseOfficer: this.data.caseOfficer }],
        nonRetryable: true,
      });
    }
    return undefined;
  }

  /**
   * Once a case officer is assigned only they act as case officer, and only members of the investigation team act
   * as investigators; a leader reassigns either (`reassign`). Leaders and the meeting secretary act by role.
   */
  private assignmentProblem(actor: Actor): string | undefined {
    if (actor.role === 'caseOfficer' && this.data.caseOfficer !== undefined && actor.id !== this.data.caseOfficer) {
      return REFUSALS.notTheCaseOfficer(this.data.caseOfficer, actor.id);
    }
    if (actor.role === 'investigator' && !(this.data.investigationTeam ?? []).includes(actor.id)) {
      return REFUSALS.notOnTheTeam(actor.id);
    }
    return undefined;
  }

  private refreshDeadlines(): void {
    const open = this.data.deadlines.filter((d) => d.status !== 'met');
    const next = nextOpenDeadline(this.data.deadlines);
    upsertSearchAttributes([
      { key: NextDeadline, value: next?.dueAt ? instant(next.dueAt) : null },
      { key: Overdue, value: open.some((d) => d.status === 'overdue') },
      { key: ProvisionalDeadline, value: open.some((d) => d.provisional) },
    ]);
    this.refreshSummary();
  }

  private refreshSummary(): void {
    setCurrentDetails(this.summary());
  }
}

function nextOpenDeadline(deadlines: readonly Deadline[]): (Deadline & { dueAt: string }) | undefined {
  return deadlines
    .filter((d): d is Deadline & { dueAt: string } => d.status !== 'met' && d.dueAt !== null)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
