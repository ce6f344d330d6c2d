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

/** Returns why a submission may not go to `body`, or undefined when it may. */
export function routingProblem(liability: Liability, body: HandlingBody): string | undefined {
  const allowed = BODIES_FOR_LIABILITY[liability];
  return allowed.includes(body) ? undefined : REFUSALS.routing(allowed, body);
}
