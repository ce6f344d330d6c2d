/**
 * What a case answers to its state query: the stage, what may be done now and by whom, deadlines, the timeline, and
 * the one readable line the Temporal Web UI shows. Pure functions of the case's data.
 */
import type { ActionResult, CaseState, Deadline } from '../domain/case';
import { applicantIdOf } from '../domain/case';
import { allowedActions } from '../domain/procedure';
import { caseSummaryText } from '../domain/texts';
import type { CaseData } from './case-data';

/** True while the case's statutory clock is paused. */
export function clockPaused(d: CaseData): boolean {
  return d.pauses.some((p) => !p.until);
}

/** The statutory deadline due next among those not yet met. */
export function nextOpenDeadline(deadlines: readonly Deadline[]): (Deadline & { dueAt: string }) | undefined {
  return deadlines
    .filter((d): d is Deadline & { dueAt: string } => d.status !== 'met' && d.dueAt !== null)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** One Chinese line for the Web UI: case, body, stage, next deadline or outcome. Codes only, no names. */
export function caseSummary(d: CaseData): string {
  const next = nextOpenDeadline(d.deadlines);
  return caseSummaryText({
    caseNumber: d.submission.caseNumber,
    handlingBody: d.submission.handlingBody,
    stage: d.stage,
    outcome: d.outcome,
    next: next && { dueAt: next.dueAt, clause: next.clause, overdue: next.status === 'overdue' },
    clockPaused: clockPaused(d),
  });
}

/** What an officer's action answers (`ActionResult`). */
export function actionResult(d: CaseData): ActionResult {
  return {
    caseNumber: d.submission.caseNumber,
    stage: d.stage,
    allowedActions: allowedActions(d),
    deadlines: d.deadlines,
    openObligations: d.openObligations,
    clockPaused: clockPaused(d),
    ...optional('outcome', d.outcome),
    ...optional('closure', d.closure),
    ...optional('caseOfficer', d.caseOfficer),
  };
}

/** The case's whole state, as the query answers it. */
export function caseView(d: CaseData): CaseState {
  return {
    caseNumber: d.submission.caseNumber,
    stage: d.stage,
    handlingBody: d.submission.handlingBody,
    submission: d.submission,
    ...optional('applicantId', applicantIdOf(d.submission, d.submittedBy)),
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
    ...optional('sentBackReportRefs', d.sentBackReportRefs),
    ...optional('determination', d.determination),
    ...optional('outcome', d.outcome),
    ...optional('closure', d.closure),
    openObligations: d.openObligations,
    archiveReceipts: d.archiveReceipts,
    ...optional('documents', d.documents),
    ...optional('impactPeriodEndsAt', d.impactPeriodEndsAt),
    followUpVisits: d.followUpVisits,
    pauses: d.pauses,
    clockPaused: clockPaused(d),
    ...optional('pauseRequest', d.pauseRequest),
    ...optional('deferredTo', d.deferredTo),
    allowedActions: allowedActions(d),
    deadlines: d.deadlines,
    timeline: d.timeline,
    decisionIds: d.decisionIds,
    summary: caseSummary(d),
  };
}
