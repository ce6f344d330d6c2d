/**
 * Every message a case accepts, as plain types, and the names of the procedure's messages: the workflow defines its
 * handlers from these, the API its routes and request schemas. No Temporal code here, so the API loads none of the
 * workflow's. Officers' actions are Updates (the officer gets an immediate accept-or-reject answer from the
 * validator); leadership decisions are signals carrying a decision id, so a repeated delivery changes nothing.
 */
import type {
  Actor,
  Determination,
  DirectClosureGround,
  ExclusionGround,
  HandlingBody,
  HandlingRoute,
  InvestigationReport,
  PauseGround,
  Submission,
} from './case';
import type { ReferralOutcome } from './false-reports';
import type { CasePlace } from './org-tree';
import type { CaseAction } from './procedure';

/**
 * What the API adds to every message it sends a case. Only the API and the worker can seal payloads, so these
 * fields cannot be forged; the workflow refuses a message bound to another case or one it has already applied, so a
 * sealed message copied out of a history changes nothing. Every message below carries them.
 */
export interface Sent {
  /** Who acts, from the verified token. */
  readonly actor: Actor;
  /**
   * The case the message is for. Added by the sending client (`api/cases/sent-messages.ts`), never typed by a caller;
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

/**
 * 分办: the party committee hands a case to its discipline commission or organisation department, or a body
 * transfers a case misrouted to it; the receiving body takes over with its own officers, before acceptance.
 */
export interface HandOver extends Sent {
  readonly to: HandlingBody;
  readonly reason: string;
}

/**
 * 移送: a body that received a case not its own (another body or another level is competent) transfers it, before
 * acceptance and with a reason, instead of declining it; the receiving body takes over with its own officers.
 */
export interface Transfer extends Sent {
  readonly to: HandlingBody;
  /** The receiving body's level in the organisation tree. */
  readonly toLevel: string;
  readonly reason: string;
  /** The receiving level's names from the tree, added by the API (so notices name concrete bodies). */
  readonly place?: CasePlace;
}

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

/**
 * 排除, 直接了结 or 查无实据 (`findUnfounded`: the investigation found the report untrue) decided during the
 * investigation, by leadership.
 */
export interface EarlyExitDecision extends Sent {
  readonly decisionId: string;
  readonly exit: 'exclude' | 'closeDirectly' | 'findUnfounded';
  readonly exclusionGround?: ExclusionGround;
  readonly closureGround?: DirectClosureGround;
  readonly reason: string;
}

/** 约谈提醒: the talk with the unit or official, and the fix it ordered; the period to fix runs from here. */
export interface RectificationTalk extends Sent {
  /** Asia/Shanghai date of the talk, YYYY-MM-DD. */
  readonly talkedOn: string;
  /** Who held the talk (约谈人). */
  readonly talkedBy: string;
  /** Who was talked to (约谈对象): the responsible unit or official. */
  readonly talkedWith: string;
  /** What the talk ordered to be fixed (整改要求). */
  readonly ordered: string;
}

/** 核查整改情况: whether the fix is done; whether it was done in time is judged against the order's due date. */
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
  /** 形式: how it was announced (会议通报, 书面通报, …); absent in messages of cases begun before 0.4.0. */
  readonly form?: string;
  readonly documentRef: string;
}

/** The body's record of why a favourable decision is not announced (本人不同意, 不宜公开, …). */
export interface AnnouncementWaiver extends Sent {
  readonly reason: string;
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

/** What the body the false accusation was referred to made of it (移送处理结果). */
export interface ReferralOutcomeRecord extends Sent {
  readonly outcome: ReferralOutcome;
  /** The receiving body's document, when it sent one. */
  readonly documentRef?: string;
  readonly note: string;
}

/**
 * 暂停计时: the ground from the closed list (absent in messages of cases begun before release 0.4.0) and the reason
 * in words, required for `other`. A leader's pause starts at once; a case officer's asks the leader's consent.
 */
export interface ClockPauseRequest extends Sent {
  readonly ground?: PauseGround;
  readonly reason?: string;
}

/** 研究认定: the meeting defers its decision to a later meeting. */
export interface DeterminationDeferral extends Sent {
  readonly decisionId: string;
  /** Asia/Shanghai date of the meeting that deferred, YYYY-MM-DD. */
  readonly meetingDate: string;
  /** The date the matter is put to the meeting again, after `meetingDate`. */
  readonly deferredTo: string;
  readonly reason: string;
  readonly minutesRef: string;
}

/** 研究认定: the meeting returns the case for supplementary investigation (补充调查); a new report is needed. */
export interface SupplementaryInvestigationOrder extends Sent {
  readonly decisionId: string;
  /** Asia/Shanghai date of the meeting, YYYY-MM-DD: the period runs from it. */
  readonly meetingDate: string;
  /** What is to be investigated further. */
  readonly questions: string;
  readonly minutesRef: string;
}

/** Resuming needs nothing but who resumes. */
export type ClockResumeRequest = Sent;

/** Sent to open cases when an operator loads a year's holiday arrangement. */
export interface CalendarLoaded {
  readonly calendarVersion: string;
  readonly year: number;
}

/** What starts a case: the written submission and who entered it (the API's principal). */
export interface CaseStart {
  readonly submission: Submission;
  readonly submittedBy: Actor;
  /** Added by the submitting client (`api/cases/sent-messages.ts`), like every message's; absent before release 0.3.0. */
  readonly caseNumber?: string;
  readonly messageId?: string;
  /**
   * The applicant's keyed blind index (`codec/blind-index.ts`), published as the `ApplicantId` search attribute
   * instead of their subject; absent for organisation cases and for cases of release 0.2.0.
   */
  readonly applicantKey?: string;
  /**
   * The case's level in the organisation tree (the level of the party's unit), published as `HandlingLevel`;
   * absent on cases begun before the tree: the city level.
   */
  readonly handlingLevel?: string;
  /** The level's names from the organisation tree at the start (release 0.5.0 on), for notices and the timeline. */
  readonly place?: CasePlace;
  /** The revision of the procedure's wiring the case follows for its whole life (PROCEDURE_REVISION); absent before 0.4.0. */
  readonly procedureRevision?: number;
}

/**
 * The revision of how the workflow carries out the procedure, stamped on every new case's start. A change that
 * only cases begun after it take (fewer history events, say) keys on the revision the case began on: it costs no
 * history event, unlike a patch, whose marker every new case would record. A change running cases must take still
 * goes behind `patched()`. Revision 4 is release 0.4.0, revision 5 release 0.5.0; cases begun before 0.4.0 carry none and
 * replay as they ran.
 */
export const PROCEDURE_REVISION = 5;

/**
 * Whether a case whose start named `began` (absent before 0.4.0) follows the wiring of `revision` on. Each change
 * keys on the fixed revision that brought it, never on PROCEDURE_REVISION, so that bumping the constant for the next
 * revision leaves the cases begun on this one as they ran.
 */
export function beganOnRevision(began: number | undefined, revision: number): boolean {
  return (began ?? 0) >= revision;
}

/** The signal the API sends open cases when an operator loads a year's holiday arrangement. */
export const CALENDAR_LOADED_SIGNAL = 'calendarLoaded';

/** The query every case answers with its state. */
export const CASE_STATE_QUERY = 'caseState';

/** The workflow type of a case. */
export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

/** The officers' actions that are Updates, by name, with the message each carries. Each name is an action of the table. */
export interface UpdateMessages {
  decideAcceptance: AcceptanceDecision;
  proposeHandlingOpinion: HandlingOpinionProposal;
  recordRectificationTalk: RectificationTalk;
  verifyRectification: RectificationCheck;
  formInvestigationTeam: TeamFormation;
  recordEvidence: EvidenceRecord;
  recordHearing: HearingRecord;
  submitInvestigationReport: ReportSubmission;
  deliverFeedback: FeedbackDelivery;
  recordConsultation: Consultation;
  clearName: NameClearing;
  announce: Announcement;
  waiveAnnouncement: AnnouncementWaiver;
  replyIntegrityReview: IntegrityReviewReply;
  recordFollowUpVisit: FollowUpVisit;
  recordFalseReport: FalseReportRecord;
  recordReferralOutcome: ReferralOutcomeRecord;
  reassign: Reassignment;
  handOver: HandOver;
  transfer: Transfer;
  pauseClock: ClockPauseRequest;
  resumeClock: ClockResumeRequest;
}

/** Leadership decisions, which are signals (a repeat is harmless), by name, with the message each carries. */
export interface DecisionMessages {
  approveHandlingOpinion: LeadershipDecision;
  approveRectification: LeadershipDecision;
  reviewInvestigationReport: LeadershipDecision;
  earlyExit: EarlyExitDecision;
  recordDetermination: DeterminationRecord;
  deferDetermination: DeterminationDeferral;
  orderSupplementaryInvestigation: SupplementaryInvestigationOrder;
  approveClockPause: LeadershipDecision;
}

export type UpdateName = keyof UpdateMessages & CaseAction;
export type DecisionName = keyof DecisionMessages;

/** The action(s) of the procedure table each decision takes: an early exit is an exclusion, a direct closure or 查无实据. */
export const DECISION_ACTIONS = {
  approveHandlingOpinion: ['approveHandlingOpinion'],
  approveRectification: ['approveRectification'],
  reviewInvestigationReport: ['reviewInvestigationReport'],
  earlyExit: ['exclude', 'closeDirectly', 'findUnfounded'],
  recordDetermination: ['recordDetermination'],
  deferDetermination: ['deferDetermination'],
  orderSupplementaryInvestigation: ['orderSupplementaryInvestigation'],
  approveClockPause: ['approveClockPause'],
} as const satisfies { readonly [N in DecisionName]: readonly CaseAction[] };

const UPDATE_NAME_SET: { readonly [N in keyof UpdateMessages]: N extends CaseAction ? true : never } = {
  decideAcceptance: true,
  proposeHandlingOpinion: true,
  recordRectificationTalk: true,
  verifyRectification: true,
  formInvestigationTeam: true,
  recordEvidence: true,
  recordHearing: true,
  submitInvestigationReport: true,
  deliverFeedback: true,
  recordConsultation: true,
  clearName: true,
  announce: true,
  waiveAnnouncement: true,
  replyIntegrityReview: true,
  recordFollowUpVisit: true,
  recordFalseReport: true,
  recordReferralOutcome: true,
  reassign: true,
  handOver: true,
  transfer: true,
  pauseClock: true,
  resumeClock: true,
};

/** Every Update's name, in the order of the procedure. */
export const UPDATE_NAMES = Object.keys(UPDATE_NAME_SET) as UpdateName[];
/** Every decision's name, in the order of the procedure. */
export const DECISION_NAMES = Object.keys(DECISION_ACTIONS) as DecisionName[];
