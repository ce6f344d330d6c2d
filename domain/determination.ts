/**
 * When a leadership meeting's record can stand as a collective decision (集体研究决定). The workflow ignores a record
 * that cannot (a signal cannot be refused), and the API checks the same rules first, where the officer can still
 * be told which field is wrong.
 */
import type { Determination } from './case';
import { REFUSALS } from './texts';

/** What is wrong with a meeting's record, by field: empty when it can stand. */
export function determinationProblems(
  d: Determination,
): readonly { readonly field: 'attendees' | 'impactPeriodMonths'; readonly message: string }[] {
  const problems: { field: 'attendees' | 'impactPeriodMonths'; message: string }[] = [];
  const attendees = new Set(d.attendees);
  if (attendees.size !== d.attendees.length) problems.push({ field: 'attendees', message: REFUSALS.attendeeTwice });
  else if (attendees.size > d.membersTotal)
    problems.push({ field: 'attendees', message: REFUSALS.moreAttendeesThanMembers });
  else if (attendees.size * 2 <= d.membersTotal) {
    problems.push({
      field: 'attendees',
      message: REFUSALS.noQuorum(attendees.size, d.membersTotal),
    });
  }
  if (d.outcome === 'reduce' && !d.impactPeriodMonths) {
    problems.push({ field: 'impactPeriodMonths', message: REFUSALS.reductionSetsImpactPeriod });
  }
  if (d.outcome !== 'reduce' && d.impactPeriodMonths) {
    problems.push({ field: 'impactPeriodMonths', message: REFUSALS.onlyReductionHasImpactPeriod });
  }
  return problems;
}
