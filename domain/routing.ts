import type { CadreAuthority, HandlingBody, Liability } from './case';
import type { OrgLevel, OrgTreeIndex } from './org-tree';
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

/**
 * The body proposed for a matter (根据单位党组织隶属关系和干部管理权限): sanctions to the discipline commission, organisational
 * handling to the organisation department, a matter touching both to the party committee, which may hand it on.
 */
export const PROPOSED_BODY: Readonly<Record<Liability, HandlingBody>> = {
  sanction: 'disciplineCommission',
  organizationalHandling: 'organizationDepartment',
  both: 'partyCommittee',
};

/**
 * The level competent for an official of unit `unitId`: the level whose party committee the unit's party
 * organisation belongs to (the unit's level in the tree), or the level above it when the official's cadres are
 * managed there (`levelAbove`; at the city, the city itself). Undefined for a unit the tree does not hold.
 */
export function competentLevel(
  tree: OrgTreeIndex,
  unitId: string,
  authority: CadreAuthority = 'unitLevel',
): OrgLevel | undefined {
  const level = tree.levelOfUnit(unitId);
  if (!level || authority === 'unitLevel' || level.parent === null) return level;
  return tree.level(level.parent) ?? level;
}

/** The routing proposal for a submission: where it goes, and which other bodies of that level may also take it. */
export interface CompetentBody {
  readonly unitId: string;
  readonly level: string;
  readonly levelName: string;
  readonly body: HandlingBody;
  /** The body's name at that level (东城区纪委监委) and its accepting office (案件监督管理室). */
  readonly bodyName: string;
  readonly office: string;
  /** Every body of that level a submission of this liability may be addressed to, the proposed one first. */
  readonly accepted: readonly HandlingBody[];
}

/** Proposes the competent body for a matter of `liability` about an official (or unit) of `unitId`. */
export function competentBody(
  tree: OrgTreeIndex,
  unitId: string,
  liability: Liability,
  authority: CadreAuthority = 'unitLevel',
): CompetentBody | undefined {
  const level = competentLevel(tree, unitId, authority);
  if (!level) return undefined;
  const body = PROPOSED_BODY[liability];
  return {
    unitId,
    level: level.id,
    levelName: level.name,
    body,
    bodyName: level.bodies[body].name,
    office: level.bodies[body].office,
    accepted: [body, ...BODIES_FOR_LIABILITY[liability].filter((b) => b !== body)],
  };
}
