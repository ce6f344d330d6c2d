import type { HandlingBody, Liability } from './case';
import { REFUSALS } from './texts';

/**
 * Which bodies a submission may be addressed to, by what it touches (seed, 办理程序 (一)): sanctions go to the party
 * committee or the discipline commission, organisational handling to the party committee or the organisation
 * department, and a matter touching both to the party committee.
 */
export const BODIES_FOR_LIABILITY: Readonly<Record<Liability, readonly HandlingBody[]>> = {
  sanction: ['partyCommittee', 'disciplineCommission'],
  organizationalHandling: ['partyCommittee', 'organizationDepartment'],
  both: ['partyCommittee'],
};

/** The bodies the party committee hands its cases to (分办). */
const COMMITTEE_HANDS_TO: readonly HandlingBody[] = ['disciplineCommission', 'organizationDepartment'];

/**
 * Returns why the party committee may not hand a case of `liability` to `to`, or undefined when it may (分办): to
 * its discipline commission or organisation department, and, unless the matter touches both, to the one the
 * routing rules name for it.
 */
export function handOverProblem(liability: Liability, to: HandlingBody): string | undefined {
  const allowed =
    liability === 'both'
      ? COMMITTEE_HANDS_TO
      : COMMITTEE_HANDS_TO.filter((b) => BODIES_FOR_LIABILITY[liability].includes(b));
  return allowed.includes(to) ? undefined : REFUSALS.handOver(allowed, to);
}

/** Returns why a submission may not go to `body`, or undefined when it may. */
export function routingProblem(liability: Liability, body: HandlingBody): string | undefined {
  const allowed = BODIES_FOR_LIABILITY[liability];
  return allowed.includes(body) ? undefined : REFUSALS.routing(allowed, body);
}
