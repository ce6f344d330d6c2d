/**
 * The Temporal definitions of every message a case accepts or answers, derived from the names and types of
 * `domain/messages.ts`: never written by hand, so a message cannot have a definition the table lacks.
 */
import type { SignalDefinition, UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

import type { ActionResult, CaseState } from '../domain/case';
import type { CaseProjection } from '../domain/case-record';
import { CASE_PROJECTION_QUERY } from '../domain/case-record';
import type { CalendarLoaded, DecisionMessages, DecisionName, UpdateMessages, UpdateName } from '../domain/messages';
import { CALENDAR_LOADED_SIGNAL, CASE_STATE_QUERY, DECISION_NAMES, UPDATE_NAMES } from '../domain/messages';

export * from '../domain/messages';

export const caseStateQuery = defineQuery<CaseState>(CASE_STATE_QUERY);
/** The case's projection into the register as it stands, for the register's rebuild. */
export const caseProjectionQuery = defineQuery<CaseProjection>(CASE_PROJECTION_QUERY);

/** The Update definitions, one per name: derived, never written by hand. */
export const UPDATES = Object.fromEntries(UPDATE_NAMES.map((n) => [n, defineUpdate(n)])) as {
  readonly [N in UpdateName]: UpdateDefinition<ActionResult, [UpdateMessages[N]], N>;
};
/** The decision (signal) definitions, one per name. */
export const DECISIONS = Object.fromEntries(DECISION_NAMES.map((n) => [n, defineSignal(n)])) as {
  readonly [N in DecisionName]: SignalDefinition<[DecisionMessages[N]], N>;
};

// Named exports for callers that send one message (tests, the benchmark).
export const decideAcceptanceUpdate = UPDATES.decideAcceptance;
export const proposeHandlingOpinionUpdate = UPDATES.proposeHandlingOpinion;
export const approveHandlingOpinionSignal = DECISIONS.approveHandlingOpinion;
export const recordRectificationTalkUpdate = UPDATES.recordRectificationTalk;
export const verifyRectificationUpdate = UPDATES.verifyRectification;
export const approveRectificationSignal = DECISIONS.approveRectification;
export const formInvestigationTeamUpdate = UPDATES.formInvestigationTeam;
export const recordEvidenceUpdate = UPDATES.recordEvidence;
export const recordHearingUpdate = UPDATES.recordHearing;
export const submitInvestigationReportUpdate = UPDATES.submitInvestigationReport;
export const reviewInvestigationReportSignal = DECISIONS.reviewInvestigationReport;
export const earlyExitSignal = DECISIONS.earlyExit;
export const recordDeterminationSignal = DECISIONS.recordDetermination;
export const deliverFeedbackUpdate = UPDATES.deliverFeedback;
export const recordConsultationUpdate = UPDATES.recordConsultation;
export const announceUpdate = UPDATES.announce;
export const waiveAnnouncementUpdate = UPDATES.waiveAnnouncement;
export const replyIntegrityReviewUpdate = UPDATES.replyIntegrityReview;
export const recordFollowUpVisitUpdate = UPDATES.recordFollowUpVisit;
export const clearNameUpdate = UPDATES.clearName;
export const recordFalseReportUpdate = UPDATES.recordFalseReport;
export const recordReferralOutcomeUpdate = UPDATES.recordReferralOutcome;
export const reassignUpdate = UPDATES.reassign;
export const handOverUpdate = UPDATES.handOver;
export const transferUpdate = UPDATES.transfer;
export const pauseClockUpdate = UPDATES.pauseClock;
export const resumeClockUpdate = UPDATES.resumeClock;
export const approveClockPauseSignal = DECISIONS.approveClockPause;
export const deferDeterminationSignal = DECISIONS.deferDetermination;
export const orderSupplementaryInvestigationSignal = DECISIONS.orderSupplementaryInvestigation;

/** Not an officer's action: the API tells open cases that an operator loaded a year's holiday arrangement. */
export const calendarLoadedSignal = defineSignal<[CalendarLoaded]>(CALENDAR_LOADED_SIGNAL);
