/**
 * Where a case was when: its stays in each stage, read back from its timeline. The timeline records what happened,
 * not the stage, so each kind of entry that moves a case is mapped here to the stage it moves it to, as the
 * workflow's stage modules do (`c.moveTo` beside `c.record`). Pure, for the statistics and the register.
 */
import type { CaseState, Stage, TimelineEntry, TimelineKind } from './case';

/** One stay of a case in a stage: from the entry that moved it there until the one that moved it on. */
export interface StageSpan {
  readonly stage: Stage;
  readonly from: string;
  /** Absent while the case is still in the stage. */
  readonly until?: string;
}

/** The fields of a case its stage history is read from. */
export type StageFacts = Pick<CaseState, 'timeline' | 'handlingOpinion'>;

/**
 * The stage each kind of entry moves a case to, or null for an entry that leaves it where it was. Every kind is
 * classified on purpose, so a kind added to the timeline does not compile until someone says whether it moves the
 * case. The approval of a handling opinion goes where its route leads (an early exit approved there records
 * `excluded` or `closedDirectly` next, which moves the case on).
 */
const MOVES: { readonly [K in TimelineKind]: Stage | null | ((facts: StageFacts) => Stage | null) } = {
  submitted: 'acceptance',
  continuedAsNew: null,
  accepted: 'handlingOpinion',
  declined: 'declined',
  reassigned: null,
  handedOver: null,
  transferred: null,
  handlingOpinionProposed: 'opinionApproval',
  handlingOpinionSentBack: 'handlingOpinion',
  handlingOpinionApproved: (facts) => {
    const route = facts.handlingOpinion?.route;
    return route === 'investigate' ? 'investigation' : route === 'rectification' ? 'rectification' : null;
  },
  rectificationTalked: null,
  rectificationVerified: 'rectificationReview',
  rectified: 'aftercare',
  rectificationFailed: 'investigation',
  teamFormed: null,
  evidenceRecorded: null,
  hearingRecorded: null,
  reportSubmitted: 'reportReview',
  reportAccepted: 'determination',
  reportSentBack: 'investigation',
  excluded: 'aftercare',
  closedDirectly: 'aftercare',
  reportUnfounded: 'aftercare',
  determined: 'feedback',
  situationCorrected: null,
  responsibilityCleared: null,
  feedbackDelivered: 'aftercare',
  consulted: null,
  announced: null,
  announcementWaived: null,
  integrityReviewReplied: null,
  followUpDue: null,
  followUpVisited: null,
  nameClearing: null,
  falseReportRecorded: null,
  referralOutcomeRecorded: null,
  archived: null,
  impactPeriodSet: null,
  impactPeriodEnded: null,
  closed: 'closed',
  deadlineArmed: null,
  deadlineRecomputed: null,
  deadlineReminder: null,
  deadlineOverdue: null,
  deadlineEscalated: null,
  clockPaused: null,
  clockResumed: null,
  clockPauseRequested: null,
  clockPauseRefused: null,
  clockPauseOverdue: null,
  determinationDeferred: null,
  supplementaryInvestigationOrdered: 'investigation',
  calendarLoaded: null,
  documentIssued: null,
  decisionIgnored: null,
  noticeRefused: null,
  archiveRefused: null,
  foreignMessageRefused: null,
};

/** The stage `entry` moves the case to, or null when it leaves the stage as it was. */
function moveOf(entry: TimelineEntry, facts: StageFacts): Stage | null {
  const move = MOVES[entry.kind];
  return typeof move === 'function' ? move(facts) : move;
}

/** The case's stays in its stages, oldest first; the last one is open while the case is in it. */
export function stageSpans(facts: StageFacts): StageSpan[] {
  const spans: StageSpan[] = [];
  let open: { stage: Stage; from: string } | undefined;
  for (const entry of facts.timeline) {
    const stage = moveOf(entry, facts);
    if (!stage || stage === open?.stage) continue;
    if (open) spans.push({ ...open, until: entry.at });
    open = { stage, from: entry.at };
  }
  if (open) spans.push(open);
  return spans;
}

/** The timeline kinds that conclude a case: declining it, an early exit, the rectification, the feedback. */
const CONCLUDING: ReadonlySet<TimelineKind> = new Set([
  'declined',
  'excluded',
  'closedDirectly',
  'reportUnfounded',
  'rectified',
  'feedbackDelivered',
]);

/** When the case was concluded (办结), or undefined while it is not. */
export function concludedAt(timeline: readonly TimelineEntry[]): string | undefined {
  return timeline.find((e) => CONCLUDING.has(e.kind))?.at;
}

/** When the case was submitted (事项提出): its `submitted` entry, else its first. */
export function submittedAt(timeline: readonly TimelineEntry[]): string | undefined {
  return (timeline.find((e) => e.kind === 'submitted') ?? timeline[0])?.at;
}

/** When the case was accepted (受理), if it was. */
export function acceptedAt(timeline: readonly TimelineEntry[]): string | undefined {
  return timeline.find((e) => e.kind === 'accepted')?.at;
}
