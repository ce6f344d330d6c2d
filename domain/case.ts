/**
 * Plain data of one 容错纠错免责减责 case, named by the glossary in DOMAIN.md. These types travel through Temporal
 * payloads and the HTTP API alike, so they are readonly JSON: strings, numbers, booleans, arrays, objects.
 */
import type { IssuedDocument } from './documents/request';
import type { NegativeFinding } from './negative-list';
import type { Reduction } from './reduction';
import type { RelatedOfficial } from './related-officials';
import type { ConditionFinding } from './situation-conditions';

/** 党委（党组）, 纪检监察机关, 组织部门. */
export const HANDLING_BODIES = ['partyCommittee', 'disciplineCommission', 'organizationDepartment'] as const;
export type HandlingBody = (typeof HANDLING_BODIES)[number];

/** What the error would otherwise bring: 党纪政务处分, 组织处理, or both. */
export const LIABILITIES = ['sanction', 'organizationalHandling', 'both'] as const;
export type Liability = (typeof LIABILITIES)[number];

/** 组织研判提出 or 当事人申请提出. */
export const ORIGINS = ['organization', 'application'] as const;
export type Origin = (typeof ORIGINS)[number];

/** The eight qualifying situations (八种情形), in the seed's order. */
export const SITUATIONS = [
  'higherDecision',
  'innovation',
  'reformPilot',
  'stability',
  'businessEnvironment',
  'ruralLivelihood',
  'emergency',
  'threeDistinctions',
] as const;
export type Situation = (typeof SITUATIONS)[number];

export const OUTCOMES = ['exempt', 'reduce', 'refuse'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Roles inside a handling body, plus the applicant and the operators who run the system. */
export const ROLES = [
  'caseOfficer',
  'investigator',
  'approvingLeader',
  'meetingSecretary',
  'applicant',
  'operator',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Where a case is in the procedure (seed, 办理程序 (一)–(五)). `declined` and `closed` are final; `aftercare` holds
 * what is still owed after a conclusion (archive entries, the impact period, follow-up visits, name clearing).
 */
export const STAGES = [
  'acceptance',
  'handlingOpinion',
  'opinionApproval',
  'rectification',
  'rectificationReview',
  'investigation',
  'reportReview',
  'determination',
  'feedback',
  'aftercare',
  'declined',
  'closed',
] as const;
export type Stage = (typeof STAGES)[number];

/** Who did something: every step of a case records its actor. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  /** The handling body the actor works for; applicants have none. */
  readonly body?: HandlingBody;
  /**
   * The officer's level in the organisation tree (release 0.5.0 on): the workflow refuses an action by an officer of
   * another level than the case's, whatever an API process remembered of the case.
   */
  readonly level?: string;
}

/** The unit or official the case is about (当事单位/当事人). */
export interface Party {
  readonly kind: 'unit' | 'official';
  readonly name: string;
  /** 所在单位: the official's own unit, or the unit itself. */
  readonly unit: string;
  /**
   * The official's 居民身份证号码 or cadre number (domain/party-identifier.ts), normalised; sealed with the submission,
   * found through the `PartyId` blind index. Absent on units and on cases submitted before release 0.4.0.
   */
  readonly identifier?: string;
}

/** 干部管理权限: the official's cadres are managed at their unit's level, or by the level above it. */
export const CADRE_AUTHORITIES = ['unitLevel', 'levelAbove'] as const;
export type CadreAuthority = (typeof CADRE_AUTHORITIES)[number];

/** 事项提出: what is raised or applied for, in writing. */
export interface Submission {
  readonly caseNumber: string;
  readonly origin: Origin;
  readonly party: Party;
  readonly situation: Situation;
  readonly liability: Liability;
  /** The body the submission is addressed to; routing rules in `routing.ts`. */
  readonly handlingBody: HandlingBody;
  /**
   * The party's unit in the organisation tree (`domain/org-tree.ts`), whose level handles the case; absent on
   * cases begun before the tree and on submissions that name none: the city level.
   */
  readonly unitId?: string;
  /**
   * 干部管理权限 of an official: managed at their unit's level (absent, the default) or by the level above (a
   * county's leadership, 市管干部), whose bodies are then competent (`domain/routing.ts`).
   */
  readonly cadreAuthority?: CadreAuthority;
  readonly facts: string;
  /** References to evidence held elsewhere (document numbers, archive keys), never the evidence itself. */
  readonly evidenceRefs: readonly string[];
  /** 事前申请: filed before any investigation, possibly for work about to start. */
  readonly preFiling: boolean;
  /** 快查快结: the official is up for promotion. */
  readonly fastTrack: boolean;
}

/** How the approved handling opinion proposes to handle the case. */
export const HANDLING_ROUTES = ['investigate', 'rectification', 'exclude', 'closeDirectly'] as const;
export type HandlingRoute = (typeof HANDLING_ROUTES)[number];

/**
 * 排除: a report plainly 主观臆断, 乱扣帽子 (错告, an honest but wrong report), 贴牌举报 or 打击报复 (诬告陷害, a
 * malicious one, referred for pursuit: `domain/false-reports.ts`).
 */
export const EXCLUSION_GROUNDS = ['subjectiveConjecture', 'arbitraryLabelling', 'proxyReport', 'retaliation'] as const;
export type ExclusionGround = (typeof EXCLUSION_GROUNDS)[number];

/** 直接了结: a report with no substance, or a repeat of one already concluded with nothing new. */
export const DIRECT_CLOSURE_GROUNDS = ['noSubstance', 'repeatWithoutNewFacts'] as const;
export type DirectClosureGround = (typeof DIRECT_CLOSURE_GROUNDS)[number];

/** The six aspects weighed (六个察看). */
export const ASPECTS = [
  'motive',
  'objectiveConditions',
  'procedure',
  'natureAndDegree',
  'consequences',
  'personalRecord',
] as const;
export type Aspect = (typeof ASPECTS)[number];

export interface AspectAssessment {
  readonly aspect: Aspect;
  readonly leaning: 'favourable' | 'neutral' | 'unfavourable';
  readonly finding: string;
}

/** 调查核实报告: the written report with an assessment of each aspect and a recommendation. */
export interface InvestigationReport {
  readonly reportRef: string;
  readonly assessments: readonly AspectAssessment[];
  readonly recommendation: Outcome;
  /** Months of the impact period (影响期) a reduced liability carries. */
  readonly impactPeriodMonths?: number;
  readonly summary: string;
  /**
   * Every item of the negative list (不该容的坚决不容), found or not, and each condition of the case's situation, met
   * or not (`domain/tolerance.ts`). Absent in reports of releases before 0.4.0.
   */
  readonly negativeFindings?: readonly NegativeFinding[];
  readonly conditions?: readonly ConditionFinding[];
  /** The situation the investigation found, when it corrects the one submitted. */
  readonly situation?: Situation;
  /** For `reduce`: 从轻 or 减轻, and the measure the reduced liability keeps. */
  readonly reduction?: Reduction;
  readonly residualMeasure?: string;
}

/** 研究认定: the leadership meeting's collective decision. */
export interface Determination {
  /** Asia/Shanghai date of the meeting, YYYY-MM-DD. */
  readonly meetingDate: string;
  readonly attendees: readonly string[];
  /** Members of the leadership team; more than half must attend. */
  readonly membersTotal: number;
  readonly outcome: Outcome;
  readonly impactPeriodMonths?: number;
  readonly reasoning: string;
  readonly minutesRef: string;
  /** The report decided on (its `reportRef`); absent in decisions of releases before 0.4.0. */
  readonly reportRef?: string;
  /** For `reduce`: 从轻 or 减轻, and the measure the reduced liability keeps. */
  readonly reduction?: Reduction;
  readonly residualMeasure?: string;
  /** 不再追究相关主体责任、监督责任、监管责任和领导责任: officials an exemption or reduction also clears. */
  readonly relatedOfficials?: readonly RelatedOfficial[];
  /** Votes for and against, when the body records its vote (表决); absent when it decided by consensus. */
  readonly votesFor?: number;
  readonly votesAgainst?: number;
}

/** Why a case concluded: the decision, or an early exit (查无实据 `unfounded`: the investigation found it untrue). */
export const CLOSURES = ['decided', 'excluded', 'closedDirectly', 'rectified', 'unfounded'] as const;
export type Closure = (typeof CLOSURES)[number];

/** What is still owed after a conclusion; the case closes when none is open. */
export const OBLIGATIONS = [
  'personnelFile',
  'integrityFile',
  'impactPeriod',
  'followUpVisit',
  'nameClearing',
  'falseReportRecord',
  'referralOutcome',
  'integrityReviewReply',
  /** 通报说明: after a favourable decision, announced in an appropriate scope, or the reason why not recorded. */
  'announcement',
] as const;
export type Obligation = (typeof OBLIGATIONS)[number];

/**
 * Why a case's statutory clock may be paused: a closed list, so that 责任倒查 can count pauses by ground; `other`
 * needs its reason written out. The seed names none; these are the grounds on which an office stops its own clock.
 */
export const PAUSE_GROUNDS = [
  'supplementaryMaterial',
  'otherInvestigation',
  'partyUnavailable',
  'expertAssessment',
  'forceMajeure',
  'other',
] as const;
export type PauseGround = (typeof PAUSE_GROUNDS)[number];

/** A pause of the case's statutory clock (waiting for supplementary material, say). */
export interface ClockPause {
  readonly from: string;
  readonly until?: string;
  /** Who paused it: the approving leader on their own, or the case officer who asked for it. */
  readonly by: Actor;
  /** The ground from the closed list; absent in pauses of cases begun before release 0.4.0. */
  readonly ground?: PauseGround;
  /** The reason in words: required for `other`, a note otherwise. */
  readonly reason: string;
  /** The approving leader who consented to a case officer's pause (cases of release 0.4.0 on). */
  readonly approvedBy?: Actor;
  /** When the pause has lasted longer than the configured bound (PAUSE_LIMIT_WORKING_DAYS) and is escalated. */
  readonly limitAt?: string;
  /** Escalations sent for this pause so far: one at `limitAt`, then one each further working day. */
  readonly overdueNotices?: number;
  readonly nextEscalationAt?: string;
}

/** A case officer's request to pause the clock, waiting for the approving leader's consent. */
export interface ClockPauseRequested {
  readonly at: string;
  readonly by: Actor;
  readonly ground: PauseGround;
  readonly reason: string;
}

/** A statutory period as computed outside the workflow and kept in history as it was computed. */
export interface Deadline {
  readonly id: string;
  /** The clause the period rests on, for example 受理后5个工作日内提出拟办意见. */
  readonly clause: string;
  readonly workingDays: number;
  readonly triggeredAt: string;
  /** The due instant as last computed; while the clock is paused it stands still and is recomputed on resume. */
  readonly dueAt: string;
  /** When the reminder goes out: the start of the last working days before the due instant. */
  readonly remindAt: string | null;
  readonly calendarVersion: string;
  /** True while the period crosses a year whose holiday arrangement is not yet published. */
  readonly provisional: boolean;
  readonly status: 'running' | 'paused' | 'met' | 'overdue';
  readonly metAt?: string;
  readonly reminderSent: boolean;
  /** Overdue notices sent so far: one at the due instant, then one each further working day. */
  readonly overdueNotices: number;
  readonly nextEscalationAt?: string;
  /** Every recomputation: after a pause, or when a provisional year's arrangement was loaded. */
  readonly changes: readonly DeadlineChange[];
}

export interface DeadlineChange {
  readonly at: string;
  readonly reason: 'resumed' | 'calendarLoaded';
  readonly oldDueAt: string;
  readonly newDueAt: string;
  readonly calendarVersion: string;
}

/** Every kind of entry a case's timeline records; the words of each entry are in its `summary`. */
export const TIMELINE_KINDS = [
  'submitted',
  'continuedAsNew',
  'accepted',
  'declined',
  'reassigned',
  'handedOver',
  'transferred',
  'handlingOpinionProposed',
  'handlingOpinionSentBack',
  'handlingOpinionApproved',
  'rectificationTalked',
  'rectificationVerified',
  'rectified',
  'rectificationFailed',
  'teamFormed',
  'evidenceRecorded',
  'hearingRecorded',
  'reportSubmitted',
  'reportAccepted',
  'reportSentBack',
  'excluded',
  'closedDirectly',
  'reportUnfounded',
  'determined',
  'situationCorrected',
  'responsibilityCleared',
  'feedbackDelivered',
  'consulted',
  'announced',
  'announcementWaived',
  'integrityReviewReplied',
  'followUpDue',
  'followUpVisited',
  'nameClearing',
  'falseReportRecorded',
  'referralOutcomeRecorded',
  'archived',
  'impactPeriodSet',
  'impactPeriodEnded',
  'closed',
  'deadlineArmed',
  'deadlineRecomputed',
  'deadlineReminder',
  'deadlineOverdue',
  'deadlineEscalated',
  'clockPaused',
  'clockResumed',
  'clockPauseRequested',
  'clockPauseRefused',
  'clockPauseOverdue',
  'determinationDeferred',
  'supplementaryInvestigationOrdered',
  'calendarLoaded',
  /** A written document issued (release 0.5.0 on): its kind, 发文字号 and SHA-256. */
  'documentIssued',
  'decisionIgnored',
  'noticeRefused',
  'archiveRefused',
  'foreignMessageRefused',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  readonly at: string;
  readonly kind: TimelineKind;
  readonly actor?: Actor;
  /** One readable Chinese sentence. */
  readonly summary: string;
}

export interface AllowedAction {
  readonly action: string;
  readonly roles: readonly Role[];
}

/** A receipt from the archive: the decision was written to that file, once. */
export interface ArchiveReceipt {
  readonly key: string;
  readonly file: 'personnelFile' | 'integrityFile';
  readonly receiptId: string;
  readonly archivedAt: string;
}

/** What the case answers to a query: the stage, what may be done now and by whom, deadlines, the timeline. */
export interface CaseState {
  readonly caseNumber: string;
  readonly stage: Stage;
  readonly handlingBody: HandlingBody;
  readonly submission: Submission;
  /** The applicant's user id, when the party applied: they may read their own case. */
  readonly applicantId?: string;
  readonly caseOfficer?: string;
  readonly handlingOpinion?: { readonly opinion: string; readonly route: HandlingRoute; readonly approved: boolean };
  readonly investigationTeam?: readonly string[];
  readonly evidenceRefs: readonly string[];
  readonly hearings: readonly { readonly heard: 'party' | 'unit'; readonly statementRef: string }[];
  readonly report?: InvestigationReport;
  /** References of reports sent back: stale, so the meeting cannot decide on them. */
  readonly sentBackReportRefs?: readonly string[];
  readonly determination?: Determination;
  readonly outcome?: Outcome;
  readonly closure?: Closure;
  readonly openObligations: readonly Obligation[];
  readonly archiveReceipts: readonly ArchiveReceipt[];
  /** The written documents issued so far (release 0.5.0 on), oldest first; none ever changes once issued. */
  readonly documents?: readonly IssuedDocument[];
  readonly impactPeriodEndsAt?: string;
  readonly followUpVisits: readonly { readonly visitedOn: string; readonly note: string }[];
  readonly pauses: readonly ClockPause[];
  readonly clockPaused: boolean;
  /** A case officer's pause waiting for the approving leader. */
  readonly pauseRequest?: ClockPauseRequested;
  /** The date the leadership meeting deferred its decision to, while the case waits for it. */
  readonly deferredTo?: string;
  readonly allowedActions: readonly AllowedAction[];
  readonly deadlines: readonly Deadline[];
  readonly timeline: readonly TimelineEntry[];
  /** The leadership decisions the case has applied, by decision id: a repeated delivery finds its own here. */
  readonly decisionIds: readonly string[];
  /** A readable Chinese summary, as shown in the Temporal Web UI. */
  readonly summary: string;
}

/**
 * What an officer's action answers: where the case is now and what comes next. The rest (the timeline, the
 * report, the documents) is read with the case's query, so an answer stays small whatever the case's history.
 */
export type ActionResult = Pick<
  CaseState,
  'caseNumber' | 'stage' | 'allowedActions' | 'deadlines' | 'openObligations' | 'clockPaused'
> &
  Partial<Pick<CaseState, 'outcome' | 'closure' | 'caseOfficer'>>;

/** The user id of the party who applied, for a case raised by application (当事人申请); organisation cases have none. */
export function applicantIdOf(submission: Pick<Submission, 'origin'>, submittedBy: Actor): string | undefined {
  return submission.origin === 'application' ? submittedBy.id : undefined;
}
