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
): readonly { readonly field: DeterminationField; readonly message: string }[] {
  const problems: { field: DeterminationField; message: string }[] = [];
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
  problems.push(...voteProblems(d));
  return problems;
}

/** The fields of a meeting's record a problem can name. */
export type DeterminationField = 'attendees' | 'impactPeriodMonths' | 'votesFor';

/**
 * A vote, when the body records one: no more votes than members present, and a decision carried by more than half
 * of all members (表决以超过应到会成员半数同意为通过, as the party's rules on committees' work have it).
 */
function voteProblems(d: Determination): { field: DeterminationField; message: string }[] {
  if (d.votesFor === undefined && d.votesAgainst === undefined) return [];
  const votesFor = d.votesFor ?? 0;
  if (votesFor + (d.votesAgainst ?? 0) > new Set(d.attendees).size) {
    return [{ field: 'votesFor', message: REFUSALS.votesMoreThanAttendees }];
  }
  if (votesFor * 2 <= d.membersTotal) {
    return [{ field: 'votesFor', message: REFUSALS.votesNoMajority(votesFor, d.membersTotal) }];
  }
  return [];
}
