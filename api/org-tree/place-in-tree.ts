/** Where an officer sits in the organisation tree, from their token's `level` claim and the tree in force. */
import type { OrgTreeIndex } from '../../domain/org-tree';
import { CITY_LEVEL } from '../../domain/org-tree';
import { REFUSALS } from '../../domain/texts';
import type { Principal } from '../auth/principal';
import { HttpProblem } from '../http/errors';

/**
 * The officer with their level (the city's when the token names none) and the levels they supervise.
 *
 * @throws HttpProblem 403 when the token names a level the tree does not hold: such an officer may see nothing.
 */
export function placeInTree(p: Principal, tree: OrgTreeIndex): Principal {
  const level = p.level ?? CITY_LEVEL;
  if (!tree.level(level)) throw new HttpProblem(403, 'Not permitted', REFUSALS.unknownLevel(level));
  return { ...p, level, supervises: tree.childrenOf(level) };
}
