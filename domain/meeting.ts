/**
 * The dates a leadership meeting's record gives, checked against the case's own history: a meeting cannot be dated
 * after today, nor before the leader accepted the report it studied. The API checks them before it signals the
 * case (where the secretary can still be told), and the workflow checks them again (a signal cannot be refused).
 */
import type { TimelineEntry } from './case';
import { shanghaiDateOf } from './dates';
import { REFUSALS } from './texts';

/** The Asia/Shanghai date on which the report now before the meeting was accepted (the last acceptance). */
export function reportAcceptedOn(timeline: readonly Pick<TimelineEntry, 'at' | 'kind'>[]): string | undefined {
  const accepted = timeline.filter((e) => e.kind === 'reportAccepted').at(-1);
  return accepted && shanghaiDateOf(accepted.at);
}

/** What is wrong with a meeting's date, or undefined: in the future, or before the report was accepted. */
export function meetingDateProblem(
  meetingDate: string,
  today: string,
  timeline: readonly Pick<TimelineEntry, 'at' | 'kind'>[],
): string | undefined {
  if (meetingDate > today) return REFUSALS.meetingInFuture(meetingDate, today);
  const accepted = reportAcceptedOn(timeline);
  if (accepted && meetingDate < accepted) return REFUSALS.meetingBeforeReview(meetingDate, accepted);
  return undefined;
}

/** What is wrong with the date of a rectification talk: in the future, or before the opinion ordering it was approved. */
export function talkDateProblem(
  talkedOn: string,
  today: string,
  timeline: readonly Pick<TimelineEntry, 'at' | 'kind'>[],
): string | undefined {
  if (talkedOn > today) return REFUSALS.dateInFuture(talkedOn, today);
  const approved = timeline.filter((e) => e.kind === 'handlingOpinionApproved').at(-1);
  const approvedOn = approved && shanghaiDateOf(approved.at);
  if (approvedOn && talkedOn < approvedOn) return REFUSALS.talkBeforeApproval(talkedOn, approvedOn);
  return undefined;
}

/** What is wrong with a date an officer gives for something done after the conclusion (a follow-up visit). */
export function afterConclusionDateProblem(
  date: string,
  today: string,
  concludedOn: string | undefined,
): string | undefined {
  if (date > today) return REFUSALS.dateInFuture(date, today);
  if (concludedOn && date < concludedOn) return REFUSALS.dateBeforeConclusion(date, concludedOn);
  return undefined;
}
