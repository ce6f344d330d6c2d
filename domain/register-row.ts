/**
 * One line of the register (台账) as an office keeps it: a case's record reduced to the columns of
 * `REGISTER_HEADERS`, with Chinese names for codes and Asia/Shanghai dates. Pure; the workbook writes it.
 */
import { endDateOf, shanghaiDateOf } from './dates';
import {
  CLOSURE_NAMES,
  HANDLING_BODY_NAMES,
  ORIGIN_NAMES,
  OUTCOME_NAMES,
  SITUATION_NAMES,
  STAGE_NAMES,
} from './labels';
import { acceptedAt, concludedAt, submittedAt } from './stage-spans';
import type { CaseRecord } from './statistics';
import { followUpDue, levelOfRecord, overdueAt } from './statistics';
import { DECLINED_NAME, followUpText, impactPeriodText } from './texts/statistics';

/** A register line; dates are Asia/Shanghai `YYYY-MM-DD`, absent when the step has not happened. */
export interface RegisterRow {
  readonly caseNumber: string;
  /** 当事人 and their 单位: personal data, for officers who may read the case. */
  readonly party: string;
  readonly unit: string;
  readonly level: string;
  readonly handlingBody: string;
  readonly situation: string;
  readonly origin: string;
  readonly fastTrack: boolean;
  readonly submittedOn?: string;
  readonly acceptedOn?: string;
  readonly stage: string;
  /** The outcome decided, or how the case otherwise ended; empty while it runs. */
  readonly conclusion: string;
  /** The meeting's date of a decision, or the date of an early exit or of declining. */
  readonly decidedOn?: string;
  readonly impactPeriod: string;
  /** The impact period's last day (it ends at 24:00 of it). */
  readonly impactPeriodEndsOn?: string;
  readonly followUp: string;
  readonly overdue: boolean;
}

const dateOf = (at: string | undefined): string | undefined => (at === undefined ? undefined : shanghaiDateOf(at));

/** What the case came to: the outcome decided, else how it ended (declined, an early exit, the rectification). */
function conclusionOf(r: CaseRecord): string {
  if (r.outcome) return OUTCOME_NAMES[r.outcome];
  if (r.stage === 'declined') return DECLINED_NAME;
  return r.closure ? CLOSURE_NAMES[r.closure] : '';
}

/** The register line of `r` at `now`; levels are named by `levelNames` where it knows them. */
export function registerRow(
  r: CaseRecord,
  now: string,
  levelNames: Readonly<Record<string, string>> = {},
): RegisterRow {
  const level = levelOfRecord(r);
  const months = r.determination?.impactPeriodMonths;
  const reduced = r.outcome === 'reduce' && months !== undefined;
  const decidedOn = r.determination?.meetingDate ?? dateOf(concludedAt(r.timeline));
  const impactPeriodEndsOn = reduced && r.impactPeriodEndsAt ? endDateOf(r.impactPeriodEndsAt) : undefined;
  const submittedOn = dateOf(submittedAt(r.timeline));
  const acceptedOn = dateOf(acceptedAt(r.timeline));
  return {
    caseNumber: r.caseNumber,
    party: r.submission.party.name,
    unit: r.submission.party.unit,
    level: levelNames[level] ?? level,
    handlingBody: HANDLING_BODY_NAMES[r.handlingBody],
    situation: SITUATION_NAMES[r.submission.situation],
    origin: ORIGIN_NAMES[r.submission.origin],
    fastTrack: r.submission.fastTrack,
    ...(submittedOn ? { submittedOn } : {}),
    ...(acceptedOn ? { acceptedOn } : {}),
    stage: STAGE_NAMES[r.stage],
    conclusion: conclusionOf(r),
    ...(decidedOn && (r.outcome || r.closure || r.stage === 'declined') ? { decidedOn } : {}),
    impactPeriod: reduced ? impactPeriodText(months, r.openObligations.includes('impactPeriod')) : '',
    ...(impactPeriodEndsOn ? { impactPeriodEndsOn } : {}),
    followUp: followUpText(
      r.followUpVisits.map((v) => v.visitedOn),
      r.openObligations.includes('followUpVisit'),
      followUpDue(r),
    ),
    overdue: overdueAt(r, now),
  };
}
