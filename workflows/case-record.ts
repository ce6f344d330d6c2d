/**
 * The state of one case inside its workflow, and the rules of which action the current stage allows, by whom.
 * Validators and the state query read the same rules, so what the API is told is allowed is what is accepted.
 */
import { ApplicationFailure, upsertSearchAttributes } from '@temporalio/workflow';

import type { Actor, AllowedAction, CaseState, Deadline, Role, Stage, Submission, TimelineEntry } from '../domain/case';
import { instant, workflowNow } from './clock';
import { CaseStage, HandlingBodyKey, NextDeadline, Overdue, SituationKey } from './search-attributes';

/** The failure type a refused action carries; the API maps it to 409 with the stage and what is allowed now. */
export const STAGE_CONFLICT = 'StageConflict';
/** The failure type for an actor whose role or body may not take the action. */
export const NOT_PERMITTED = 'NotPermitted';

const ACTIONS_BY_STAGE: Readonly<Record<Stage, readonly AllowedAction[]>> = {
  acceptance: [{ action: 'decideAcceptance', roles: ['caseOfficer', 'approvingLeader'] }],
  handlingOpinion: [{ action: 'proposeHandlingOpinion', roles: ['caseOfficer'] }],
  declined: [],
  closed: [],
};

export class CaseRecord {
  stage: Stage = 'acceptance';
  caseOfficer?: string;
  handlingOpinion?: string;
  private readonly deadlines = new Map<string, Deadline>();
  private readonly timeline: TimelineEntry[] = [];

  constructor(readonly submission: Submission) {
    upsertSearchAttributes([
      { key: CaseStage, value: this.stage },
      { key: HandlingBodyKey, value: submission.handlingBody },
      { key: SituationKey, value: submission.situation },
    ]);
  }

  /** Throws the failure the API shows when `action` is not open now or not open to `actor`. */
  assertAllowed(action: string, actor: Actor): void {
    const allowed = ACTIONS_BY_STAGE[this.stage];
    const open = allowed.find((a) => a.action === action);
    if (!open) {
      throw ApplicationFailure.create({
        type: STAGE_CONFLICT,
        message: `${action} is not allowed in stage ${this.stage}`,
        details: [{ stage: this.stage, allowedActions: allowed }],
        nonRetryable: true,
      });
    }
    if (!open.roles.includes(actor.role) || (actor.body !== undefined && actor.body !== this.submission.handlingBody)) {
      throw ApplicationFailure.create({
        type: NOT_PERMITTED,
        message: `${actor.role} of ${actor.body ?? 'no body'} may not ${action} on this case`,
        details: [{ stage: this.stage, roles: open.roles satisfies readonly Role[] }],
        nonRetryable: true,
      });
    }
  }

  moveTo(stage: Stage): void {
    this.stage = stage;
    upsertSearchAttributes([{ key: CaseStage, value: stage }]);
  }

  record(kind: string, summary: string, actor?: Actor): void {
    this.timeline.push({ at: workflowNow().toISOString(), kind, summary, ...(actor ? { actor } : {}) });
  }

  addDeadline(deadline: Deadline): void {
    this.deadlines.set(deadline.id, deadline);
    this.refreshDeadlineAttributes();
  }

  deadline(id: string): Deadline | undefined {
    return this.deadlines.get(id);
  }

  updateDeadline(id: string, change: Partial<Pick<Deadline, 'status' | 'metAt'>>): void {
    const current = this.deadlines.get(id);
    if (!current) return;
    this.deadlines.set(id, { ...current, ...change });
    this.refreshDeadlineAttributes();
  }

  view(): CaseState {
    return {
      caseNumber: this.submission.caseNumber,
      stage: this.stage,
      handlingBody: this.submission.handlingBody,
      submission: this.submission,
      ...(this.caseOfficer ? { caseOfficer: this.caseOfficer } : {}),
      allowedActions: ACTIONS_BY_STAGE[this.stage],
      deadlines: [...this.deadlines.values()],
      timeline: [...this.timeline],
    };
  }

  /** NextDeadline is the earliest open deadline; Overdue says whether any open one has passed. */
  private refreshDeadlineAttributes(): void {
    const open = [...this.deadlines.values()].filter((d) => d.status !== 'met');
    const next = open.map((d) => d.dueAt).sort()[0];
    upsertSearchAttributes([
      { key: NextDeadline, value: next ? instant(next) : null },
      { key: Overdue, value: open.some((d) => d.status === 'overdue') },
    ]);
  }
}
