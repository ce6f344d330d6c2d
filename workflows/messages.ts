/**
 * Every message a case workflow accepts or answers, defined once and shared by the workflow, the API and the tests.
 * Officers' actions are Updates: the officer gets an immediate accept-or-reject answer from the validator.
 * Leadership decisions are signals carrying a decision id, so a repeated delivery changes nothing.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

import type {
  Actor,
  CaseState,
  Determination,
  DirectClosureGround,
  ExclusionGround,
  HandlingRoute,
  InvestigationReport,
} from '../domain/case';

/** 受理: accept the case and name its case officer (承办人), or decline it with a reason. */
export type AcceptanceDecision =
  | { readonly decision: 'accept'; readonly actor: Actor; readonly caseOfficer: string }
  | { readonly decision: 'decline'; readonly actor: Actor; readonly reason: string };

/** 拟办意见: how the case officer proposes to handle the case, within 5 working days of acceptance. */
export interface HandlingOpinionProposal {
  readonly actor: Actor;
  readonly opinion: string;
  readonly route: HandlingRoute;
  /** For `exclude`. */
  readonly exclusionGround?: ExclusionGround;
  /** For `closeDirectly`. */
  readonly closureGround?: DirectClosureGround;
  /** For `rectification`: the working days the party has to fix the error after the talk. */
  readonly fixWithinWorkingDays?: number;
}

/** A leadership decision, delivered as a signal; `decisionId` makes a repeat harmless. */
export interface LeadershipDecision {
  readonly decisionId: string;
  readonly actor: Actor;
  readonly approved: boolean;
  readonly comment: string;
}

export interface TeamFormation {
  readonly actor: Actor;
  readonly members: readonly string[];
}

export interface EvidenceRecord {
  readonly actor: Actor;
  readonly refs: readonly string[];
  readonly description: string;
}

/** 听取意见: the official's own opinion, or their unit's. */
export interface HearingRecord {
  readonly actor: Actor;
  readonly heard: 'party' | 'unit';
  readonly statementRef: string;
  readonly summary: string;
}

export interface ReportSubmission {
  readonly actor: Actor;
  readonly report: InvestigationReport;
}

/** 排除 or 直接了结 decided during the investigation, by leadership. */
export interface EarlyExitDecision {
  readonly decisionId: string;
  readonly actor: Actor;
  readonly exit: 'exclude' | 'closeDirectly';
  readonly exclusionGround?: ExclusionGround;
  readonly closureGround?: DirectClosureGround;
  readonly reason: string;
}

export interface RectificationCheck {
  readonly actor: Actor;
  readonly fixed: boolean;
  readonly note: string;
}

export interface DeterminationRecord {
  readonly decisionId: string;
  readonly actor: Actor;
  readonly determination: Determination;
}

export interface FeedbackDelivery {
  readonly actor: Actor;
  readonly documentRef: string;
}

/** 充分征求意见 before an announcement or a name clearing. */
export interface Consultation {
  readonly actor: Actor;
  readonly partyAgrees: boolean;
  readonly note: string;
}

export interface Announcement {
  readonly actor: Actor;
  readonly scope: string;
  readonly documentRef: string;
}

export interface IntegrityReviewReply {
  readonly actor: Actor;
  readonly reply: string;
  readonly documentRef: string;
}

export interface FollowUpVisit {
  readonly actor: Actor;
  /** Asia/Shanghai date, YYYY-MM-DD. */
  readonly visitedOn: string;
  readonly note: string;
}

/** 澄清正名, or the party's choice not to have it, after consultation. */
export interface NameClearing {
  readonly actor: Actor;
  readonly partyWishes: 'clear' | 'decline';
  readonly scope?: string;
  readonly method?: string;
  readonly documentRef?: string;
}

/** The false report, kept for pursuit of the accuser (诬告陷害). */
export interface FalseReportRecord {
  readonly actor: Actor;
  readonly reportRef: string;
  readonly referredTo: string;
  readonly note: string;
}

export interface ClockPauseRequest {
  readonly actor: Actor;
  readonly reason: string;
}

export interface ClockResumeRequest {
  readonly actor: Actor;
}

/** Sent to open cases when an operator loads a year's holiday arrangement. */
export interface CalendarLoaded {
  readonly calendarVersion: string;
  readonly year: number;
}

export const caseStateQuery = defineQuery<CaseState>('caseState');

// (二) 受理办理
export const decideAcceptanceUpdate = defineUpdate<CaseState, [AcceptanceDecision]>('decideAcceptance');
export const proposeHandlingOpinionUpdate = defineUpdate<CaseState, [HandlingOpinionProposal]>(
  'proposeHandlingOpinion',
);
export const approveHandlingOpinionSignal = defineSignal<[LeadershipDecision]>('approveHandlingOpinion');
export const verifyRectificationUpdate = defineUpdate<CaseState, [RectificationCheck]>('verifyRectification');

// (三) 调查核实
export const formInvestigationTeamUpdate = defineUpdate<CaseState, [TeamFormation]>('formInvestigationTeam');
export const recordEvidenceUpdate = defineUpdate<CaseState, [EvidenceRecord]>('recordEvidence');
export const recordHearingUpdate = defineUpdate<CaseState, [HearingRecord]>('recordHearing');
export const submitInvestigationReportUpdate = defineUpdate<CaseState, [ReportSubmission]>('submitInvestigationReport');
export const reviewInvestigationReportSignal = defineSignal<[LeadershipDecision]>('reviewInvestigationReport');
export const earlyExitSignal = defineSignal<[EarlyExitDecision]>('earlyExit');

// (四) 研究认定
export const recordDeterminationSignal = defineSignal<[DeterminationRecord]>('recordDetermination');

// (五) 反馈结论 and what follows
export const deliverFeedbackUpdate = defineUpdate<CaseState, [FeedbackDelivery]>('deliverFeedback');
export const recordConsultationUpdate = defineUpdate<CaseState, [Consultation]>('recordConsultation');
export const announceUpdate = defineUpdate<CaseState, [Announcement]>('announce');
export const replyIntegrityReviewUpdate = defineUpdate<CaseState, [IntegrityReviewReply]>('replyIntegrityReview');
export const recordFollowUpVisitUpdate = defineUpdate<CaseState, [FollowUpVisit]>('recordFollowUpVisit');
export const clearNameUpdate = defineUpdate<CaseState, [NameClearing]>('clearName');
export const recordFalseReportUpdate = defineUpdate<CaseState, [FalseReportRecord]>('recordFalseReport');

// The statutory clock
export const pauseClockUpdate = defineUpdate<CaseState, [ClockPauseRequest]>('pauseClock');
export const resumeClockUpdate = defineUpdate<CaseState, [ClockResumeRequest]>('resumeClock');
export const calendarLoadedSignal = defineSignal<[CalendarLoaded]>('calendarLoaded');
