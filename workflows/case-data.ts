/**
 * The whole state of a case as plain data. It is what a run hands to the next on continue-as-new, so it holds
 * everything needed to resume: deadlines with their ladder progress, pauses, obligations, decisions seen.
 */
import type {
  Actor,
  ArchiveReceipt,
  ClockPause,
  ClockPauseRequested,
  Closure,
  Deadline,
  Determination,
  HandlingRoute,
  InvestigationReport,
  Obligation,
  Outcome,
  Stage,
  Submission,
  TimelineEntry,
} from '../domain/case';
import type { DocumentKind } from '../domain/documents/kinds';
import type { IssuedDocument } from '../domain/documents/request';
import type { ExitGrounds } from '../domain/false-reports';
import type { CasePlace } from '../domain/org-tree';
import type { CaseStart, Consultation, HandlingOpinionProposal, RectificationTalk } from './messages';

export interface CaseData {
  /** As submitted, with what the accepting officer establishes (fast track, pre-filing) set at acceptance. */
  submission: Submission;
  readonly submittedBy: Actor;
  stage: Stage;
  caseOfficer?: string;
  handlingOpinion?: Omit<HandlingOpinionProposal, 'actor'> & { approved: boolean };
  investigationTeam?: readonly string[];
  evidenceRefs: string[];
  hearings: { heard: 'party' | 'unit'; statementRef: string }[];
  report?: InvestigationReport;
  /** The references of reports sent back (release 0.4.0 on): stale, so no decision rests on them. */
  sentBackReportRefs?: string[];
  determination?: Determination;
  outcome?: Outcome;
  closure?: Closure;
  /**
   * When the case was decided: the end of the meeting's date (revision 4 on) or the instant the decision was
   * recorded (earlier cases, and early exits); periods that follow the decision count from it.
   */
  decidedAt?: string;
  openObligations: Obligation[];
  archiveReceipts: ArchiveReceipt[];
  /** The documents issued (release 0.5.0 on), in the order they were issued. */
  documents?: IssuedDocument[];
  /** How many documents of each kind were asked for: the next one's id, reserved before its activity runs. */
  documentCounts?: Partial<Record<DocumentKind, number>>;
  impactPeriodEndsAt?: string;
  followUpDueAt?: string;
  followUpReminded: boolean;
  followUpVisits: { visitedOn: string; note: string }[];
  consultation?: Omit<Consultation, 'actor'>;
  announced: boolean;
  nameCleared?: boolean;
  /** The rectification's order is out with its due date (`ProcedureFacts`). */
  rectificationOrdered?: boolean;
  /** 约谈提醒 as recorded (release 0.4.0 on). */
  rectificationTalk?: Omit<RectificationTalk, 'actor' | 'caseNumber' | 'messageId'>;
  /** The ground of the exclusion or direct closure that ended the case, when one did. */
  exitGrounds?: ExitGrounds;
  /** The referred false accusation has been filed (已立案) by the body it went to; its end is still owed. */
  referralFiled?: boolean;
  pauses: ClockPause[];
  /** A case officer's pause waiting for the approving leader's consent (revision 4 on). */
  pauseRequest?: ClockPauseRequested;
  /** The date the leadership meeting deferred its decision to. */
  deferredTo?: string;
  /** Whether the integrity review reply (快查快结) was given, possibly before the conclusion. */
  integrityReviewReplied?: boolean;
  deadlines: Deadline[];
  timeline: TimelineEntry[];
  /** Ids of leadership decisions already applied: a signal delivered twice is applied once. */
  decisionIds: string[];
  /** The applicant's blind index, published as ApplicantId (cases of 0.2.0 publish the subject instead). */
  applicantKey?: string;
  /** Ids of every message applied (release 0.3.0 on): a sealed message copied out of a history is refused. */
  messageIds: string[];
  /** Route chosen by the approved opinion, kept apart so a send-back can clear the proposal. */
  route?: HandlingRoute;
  /** The version of the case's last projection into the register (release 0.5.0 on, `workflows/projection.ts`). */
  registerVersion?: number;
  /** The revision of the procedure's wiring the case began on (`CaseStart`); absent before release 0.4.0. */
  readonly procedureRevision?: number;
  /** The case's place in the organisation tree as names (release 0.5.0 on); a transfer (移送) replaces it. */
  place?: CasePlace;
  /** The level a transfer (移送) moved the case to, published as HandlingLevel; absent: the level it began at. */
  handlingLevel?: string;
}

/** The state of a case that has just been submitted. */
export function newCaseData(start: CaseStart): CaseData {
  const { submission, submittedBy, applicantKey, procedureRevision, place } = start;
  return {
    submission,
    submittedBy,
    ...(place ? { place } : {}),
    ...(applicantKey ? { applicantKey } : {}),
    ...(procedureRevision === undefined ? {} : { procedureRevision }),
    stage: 'acceptance',
    evidenceRefs: [...submission.evidenceRefs],
    hearings: [],
    openObligations: [],
    archiveReceipts: [],
    followUpReminded: false,
    followUpVisits: [],
    announced: false,
    pauses: [],
    deadlines: [],
    timeline: [],
    decisionIds: [],
    messageIds: [],
  };
}
