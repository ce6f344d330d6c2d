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

/**
 * What the API adds to every message it sends a case. Only the API and the worker can seal payloads, so these
 * fields cannot be forged; the workflow refuses a message bound to another case or one it has already applied, so a
 * sealed message copied out of a history changes nothing. Every message below carries them.
 */
export interface Sent {
  /** Who acts, from the verified token. */
  readonly actor: Actor;
  /**
   * The case the message is for. Added by the sending client (`api/sent-messages.ts`), never typed by a caller;
   * absent only in messages of release 0.2.0 that old histories replay.
   */
  readonly caseNumber?: string;
  /** Unique per message (the Update ID, or the decision id of a leadership decision); added like `caseNumber`. */
  readonly messageId?: string;
}

/**
 * 受理: accept the case and name its case officer (承办人), or decline it with a reason. Whether the official is up
 * for promotion (快查快结) and whether the application came before any investigation (事前申请) are the office's to
 * establish, so the accepting officer sets them here; an applicant's submission cannot.
 */
export type AcceptanceDecision = Sent &
  (
    | {
        readonly decision: 'accept';
        readonly caseOfficer: string;
        readonly fastTrack?: boolean;
        readonly preFiling?: boolean;
      }
    | { readonly decision: 'decline'; readonly reason: string }
  );

/** 领导重新指定承办人或调整调查组 (leaders may reassign; the timeline keeps both). */
export interface Reassignment extends Sent {
  readonly caseOfficer?: string;
  readonly investigationTeam?: readonly string[];
  readonly reason: string;
}

/** 拟办意见: how the case officer proposes to handle the case, within 5 working days of acceptance. */
export interface HandlingOpinionProposal extends Sent {
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
export interface LeadershipDecision extends Sent {
  readonly decisionId: string;
  readonly approved: boolean;
  readonly comment: string;
}

export interface TeamFormation extends Sent {
  readonly members: readonly string[];
}

export interface EvidenceRecord extends Sent {
  readonly refs: readonly string[];
  readonly description: string;
}

/** 听取意见: the official's own opinion, or their unit's. */
export interface HearingRecord extends Sent {
  readonly heard: 'party' | 'unit';
  readonly statementRef: string;
  readonly summary: string;
}

export interface ReportSubmission extends Sent {
  readonly report: InvestigationReport;
}

/** 排除 or 直接了结 decided during the investigation, by leadership. */
export interface EarlyExitDecision extends Sent {
  readonly decisionId: string;
  readonly exit: 'exclude' | 'closeDirectly';
  readonly exclusionGround?: ExclusionGround;
  readonly closureGround?: DirectClosureGround;
  readonly reason: string;
}

export interface RectificationCheck extends Sent {
  readonly fixed: boolean;
  readonly note: string;
}

export interface DeterminationRecord extends Sent {
  readonly decisionId: string;
  readonly determination: Determination;
}

export interface FeedbackDelivery extends Sent {
  readonly documentRef: string;
}

/** 充分征求意见 before an announcement or a name clearing. */
export interface Consultation extends Sent {
  readonly partyAgrees: boolean;
  readonly note: string;
}

export interface Announcement extends Sent {
  readonly scope: string;
  readonly documentRef: string;
}

export interface IntegrityReviewReply extends Sent {
  readonly reply: string;
  readonly documentRef: string;
}

export interface FollowUpVisit extends Sent {
  /** Asia/Shanghai date, YYYY-MM-DD. */
  readonly visitedOn: string;
  readonly note: string;
}

/** 澄清正名, or the party's choice not to have it, after consultation. */
export interface NameClearing extends Sent {
  readonly partyWishes: 'clear' | 'decline';
  readonly scope?: string;
  readonly method?: string;
  readonly documentRef?: string;
}

/** The false report, kept for pursuit of the accuser (诬告陷害). */
export interface FalseReportRecord extends Sent {
  readonly reportRef: string;
  readonly referredTo: string;
  readonly note: string;
}

export interface ClockPauseRequest extends Sent {
  readonly reason: string;
}

/** Resuming needs nothing but who resumes. */
export type ClockResumeRequest = Sent;

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

export const reassignUpdate = defineUpdate<CaseState, [Reassignment]>('reassign');

// The statutory clock
export const pauseClockUpdate = defineUpdate<CaseState, [ClockPauseRequest]>('pauseClock');
export const resumeClockUpdate = defineUpdate<CaseState, [ClockResumeRequest]>('resumeClock');
export const calendarLoadedSignal = defineSignal<[CalendarLoaded]>('calendarLoaded');
