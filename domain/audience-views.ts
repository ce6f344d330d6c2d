/**
 * What each reader of a case sees. Officers of the handling body read the whole case; the applicant reads their
 * submission, where the case stands, the deadlines owed to them, the conclusion and its feedback, and never the
 * investigation file: the report's findings, hearings, the meeting's attendees, internal opinions and comments, or
 * why something was sent back. Every field of the full view and every kind of timeline entry is classified below
 * on purpose, so a field added to the case does not compile until someone decides who may read it.
 */
import type { CaseState, Deadline, Role, TimelineEntry, TimelineKind } from './case';
import { APPLICANT_TIMELINE_TEXTS } from './texts/applicant';

/** Who reads a case. */
export type Audience = 'officer' | 'applicant';

/** The audience a caller of `role` belongs to, once they may read the case at all. */
export function audienceOf(role: Role): Audience {
  return role === 'applicant' ? 'applicant' : 'officer';
}

/** For each field of the full view: whether the applicant reads it. */
export const APPLICANT_FIELDS = {
  caseNumber: true,
  stage: true,
  handlingBody: true,
  // Their own submission, as they made it (with what the office established at acceptance).
  submission: true,
  applicantId: true,
  caseOfficer: false,
  handlingOpinion: false,
  investigationTeam: false,
  evidenceRefs: false,
  hearings: false,
  report: false,
  determination: false,
  // Shown once the conclusion has been told to them (see `concluded`), never while it is being decided.
  outcome: true,
  closure: true,
  openObligations: false,
  archiveReceipts: false,
  // Only those addressed to them, through GET /cases/{n}/documents, never the office's own forms and reports.
  documents: false,
  impactPeriodEndsAt: true,
  // The dates of the visits made to them; the officer's notes stay internal.
  followUpVisits: true,
  pauses: false,
  clockPaused: true,
  allowedActions: true,
  // Only the periods owed to them or asked of them (`APPLICANT_DEADLINES`), without the ladder's internals.
  deadlines: true,
  // Only the entries below, each rewritten as a sentence meant for them.
  timeline: true,
  decisionIds: false,
  sentBackReportRefs: false,
  pauseRequest: false,
  deferredTo: false,
  summary: false,
} as const satisfies { readonly [K in keyof Required<CaseState>]: boolean };

/** The fields of the applicant's view. */
export type ApplicantField = {
  [K in keyof typeof APPLICANT_FIELDS]: (typeof APPLICANT_FIELDS)[K] extends true ? K : never;
}[keyof typeof APPLICANT_FIELDS];

/** The case as the applicant reads it; of a follow-up visit, its date. */
export type ApplicantCaseView = Omit<Pick<CaseState, ApplicantField>, 'followUpVisits'> & {
  readonly followUpVisits: readonly { readonly visitedOn: string }[];
};

/** The deadlines that concern the applicant: the feedback owed to them, the rectification asked of them. */
const APPLICANT_DEADLINES: ReadonlySet<string> = new Set(['feedback', 'rectification']);

/**
 * For each kind of timeline entry: the sentence the applicant reads, or false when the entry is internal. The
 * officers' sentence is never passed on, since it may quote internal opinions; declining keeps its reason, which
 * the notice to the applicant states anyway.
 */
export const APPLICANT_TIMELINE: { readonly [K in TimelineKind]: false | ((entry: TimelineEntry) => string) } = {
  submitted: () => APPLICANT_TIMELINE_TEXTS.submitted,
  continuedAsNew: false,
  accepted: () => APPLICANT_TIMELINE_TEXTS.accepted,
  declined: (e) => e.summary,
  reassigned: false,
  handedOver: () => APPLICANT_TIMELINE_TEXTS.handedOver,
  transferred: () => APPLICANT_TIMELINE_TEXTS.transferred,
  handlingOpinionProposed: false,
  handlingOpinionSentBack: false,
  handlingOpinionApproved: false,
  rectified: () => APPLICANT_TIMELINE_TEXTS.rectified,
  rectificationFailed: false,
  teamFormed: false,
  evidenceRecorded: false,
  hearingRecorded: false,
  reportSubmitted: false,
  reportAccepted: false,
  reportSentBack: false,
  excluded: () => APPLICANT_TIMELINE_TEXTS.excluded,
  closedDirectly: () => APPLICANT_TIMELINE_TEXTS.closedDirectly,
  determined: false,
  feedbackDelivered: () => APPLICANT_TIMELINE_TEXTS.feedbackDelivered,
  consulted: () => APPLICANT_TIMELINE_TEXTS.consulted,
  announced: () => APPLICANT_TIMELINE_TEXTS.announced,
  announcementWaived: false,
  integrityReviewReplied: false,
  followUpDue: false,
  followUpVisited: () => APPLICANT_TIMELINE_TEXTS.followUpVisited,
  nameClearing: () => APPLICANT_TIMELINE_TEXTS.nameClearing,
  falseReportRecorded: false,
  archived: false,
  impactPeriodSet: false,
  impactPeriodEnded: () => APPLICANT_TIMELINE_TEXTS.impactPeriodEnded,
  closed: () => APPLICANT_TIMELINE_TEXTS.closed,
  deadlineArmed: false,
  deadlineRecomputed: false,
  deadlineReminder: false,
  deadlineOverdue: false,
  deadlineEscalated: false,
  clockPaused: () => APPLICANT_TIMELINE_TEXTS.clockPaused,
  clockResumed: () => APPLICANT_TIMELINE_TEXTS.clockResumed,
  calendarLoaded: false,
  // The applicant lists the documents addressed to them with GET /cases/{n}/documents; the entry names internal ones too.
  documentIssued: false,
  decisionIgnored: false,
  noticeRefused: false,
  archiveRefused: false,
  foreignMessageRefused: false,
  // What the investigation found about the situation, and other officials' responsibility: the file's, not theirs.
  situationCorrected: false,
  responsibilityCleared: false,
  rectificationTalked: () => APPLICANT_TIMELINE_TEXTS.rectificationTalked,
  rectificationVerified: false,
  reportUnfounded: () => APPLICANT_TIMELINE_TEXTS.reportUnfounded,
  referralOutcomeRecorded: false,
  clockPauseRequested: false,
  clockPauseRefused: false,
  clockPauseOverdue: false,
  determinationDeferred: false,
  supplementaryInvestigationOrdered: false,
};

/** Whether the conclusion has been told to the party: the feedback delivered, or an early exit concluded. */
function concluded(s: CaseState): boolean {
  return s.stage === 'aftercare' || s.stage === 'closed' || s.stage === 'declined';
}

/** The case as its applicant reads it. */
export function applicantView(s: CaseState): ApplicantCaseView {
  const told = concluded(s);
  return {
    caseNumber: s.caseNumber,
    stage: s.stage,
    handlingBody: s.handlingBody,
    submission: s.submission,
    ...(s.applicantId ? { applicantId: s.applicantId } : {}),
    ...(told && s.outcome ? { outcome: s.outcome } : {}),
    ...(told && s.closure ? { closure: s.closure } : {}),
    ...(s.impactPeriodEndsAt ? { impactPeriodEndsAt: s.impactPeriodEndsAt } : {}),
    followUpVisits: s.followUpVisits.map((v) => ({ visitedOn: v.visitedOn })),
    clockPaused: s.clockPaused,
    allowedActions: s.allowedActions.filter((a) => a.roles.includes('applicant')),
    deadlines: s.deadlines.filter((d) => APPLICANT_DEADLINES.has(d.id)).map(publicDeadline),
    timeline: applicantTimeline(s.timeline),
  };
}

/** The applicant's timeline: the entries meant for them, in their own words, without who in the office acted. */
export function applicantTimeline(timeline: readonly TimelineEntry[]): TimelineEntry[] {
  return timeline.flatMap((e) => {
    const sentence = APPLICANT_TIMELINE[e.kind];
    return sentence ? [{ at: e.at, kind: e.kind, summary: sentence(e) }] : [];
  });
}

/** A deadline without the ladder's internals (reminders sent, overdue notices, recomputations). */
function publicDeadline(d: Deadline): Deadline {
  return {
    id: d.id,
    clause: d.clause,
    workingDays: d.workingDays,
    triggeredAt: d.triggeredAt,
    dueAt: d.dueAt,
    remindAt: null,
    calendarVersion: d.calendarVersion,
    provisional: d.provisional,
    status: d.status,
    reminderSent: false,
    overdueNotices: 0,
    changes: [],
    ...(d.metAt ? { metAt: d.metAt } : {}),
  };
}
