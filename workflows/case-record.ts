/**
 * One case's state inside its workflow, with what every stage needs: the timeline, the gate that refuses actions
 * the procedure does not open now, search attributes and the readable summary kept in step with the state.
 */
import { ApplicationFailure, setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';

import type { CaseAction } from '../domain/actions';
import { ACTION_ROLES } from '../domain/actions';
import type { Actor, CaseState, Deadline, Stage } from '../domain/case';
import { applicantIdOf } from '../domain/case';
import { HANDLING_BODY_NAMES, OUTCOME_NAMES, STAGE_NAMES } from '../domain/labels';
import type { CaseData } from './case-data';
import { beijingText, instant, workflowNow } from './clock';
import { openActions } from './rules';
import {
  ApplicantId,
  CaseStage,
  HandlingBodyKey,
  NextDeadline,
  OutcomeKey,
  Overdue,
  ProvisionalDeadline,
  SituationKey,
} from './search-attributes';

/** The failure type a refused action carries; the API maps it to 409 with the stage and what is allowed now. */
export const STAGE_CONFLICT = 'StageConflict';
/** The failure type for an actor whose role or body may not take the action. */
export const NOT_PERMITTED = 'NotPermitted';
/** The failure type for input the procedure refuses whatever the stage (a quorum not met, say). */
export const INVALID_ACTION = 'InvalidAction';

export class CaseRecord {
  constructor(readonly data: CaseData) {}

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
   * The gate for leadership signals: a decision id already applied, an action not open now, or an actor without
   * the right role or body is recorded and ignored, never applied.
   */
  acceptsDecision(action: CaseAction, actor: Actor, decisionId: string): boolean {
    if (this.data.decisionIds.includes(decisionId)) return false;
    const problem = this.refusal(action, actor);
    if (problem) {
      this.record('decisionIgnored', `未采纳的决定（${action}）：${problem.message}`, actor);
      return false;
    }
    this.data.decisionIds.push(decisionId);
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

  record(kind: string, summary: string, actor?: Actor): void {
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
        message: `${action} is not allowed in stage ${this.data.stage}`,
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
        message: `${actor.role} of ${actor.body ?? 'no body'} may not ${action} on this case`,
        details: [{ stage: this.data.stage, roles }],
        nonRetryable: true,
      });
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
