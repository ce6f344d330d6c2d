/**
 * The organisation tree (组织树): the city level, its counties and districts, each with its three handling bodies
 * and their accepting offices, and the units (the parties' 单位) that belong to a level. Operators keep it in a file
 * (`config/org-tree.json`); the API checks it at start and when an operator replaces it. Pure: the file's reading
 * and schema live in `api/org-tree/`.
 */
import type { HandlingBody } from './case';
import { HANDLING_BODIES } from './case';

/** The level a token without a `level` claim, and a case without a `HandlingLevel`, belongs to: the city. */
export const CITY_LEVEL = 'city';

/** One handling body at one level: its name there (市纪委监委) and the office that accepts submissions. */
export interface LevelBody {
  readonly name: string;
  /** 受理科室: 案件监督管理室, 干部监督室 … */
  readonly office: string;
}

/** A unit whose officials' cases are handled at its level. */
export interface OrgUnit {
  readonly id: string;
  readonly name: string;
  /**
   * The subjects (`sub`) of the unit's contacts (单位联系人), who may apply on the unit's behalf; none listed, nobody
   * applies for the unit but through a token naming it (claim `unit`).
   */
  readonly contacts?: readonly string[];
}

/** A level of the tree (市, 县区): its three bodies and its units; the city has no parent. */
export interface OrgLevel {
  readonly id: string;
  readonly name: string;
  readonly parent: string | null;
  readonly bodies: Readonly<Record<HandlingBody, LevelBody>>;
  readonly units: readonly OrgUnit[];
}

/** The whole tree as the operators' file gives it. */
export interface OrgTree {
  readonly levels: readonly OrgLevel[];
}

/**
 * Every problem of a tree, each naming its entry (`levels[2].parent`): ids unique across levels and units, one
 * root and it is the city, every parent a level of the tree, no level its own ancestor.
 */
export function orgTreeProblems(tree: OrgTree): string[] {
  const problems: string[] = [];
  const levelIds = new Map<string, number>();
  const seen = new Set<string>();
  tree.levels.forEach((level, i) => {
    if (seen.has(level.id)) problems.push(`levels[${i}].id: 编号 "${level.id}" 重复`);
    seen.add(level.id);
    levelIds.set(level.id, i);
    for (const body of HANDLING_BODIES) {
      if (!level.bodies[body]) problems.push(`levels[${i}].bodies.${body}: 缺少该办理机关`);
    }
  });
  tree.levels.forEach((level, i) => {
    level.units.forEach((unit, j) => {
      if (seen.has(unit.id)) problems.push(`levels[${i}].units[${j}].id: 编号 "${unit.id}" 重复`);
      seen.add(unit.id);
    });
  });
  const roots = tree.levels.filter((l) => l.parent === null);
  if (roots.length !== 1 || roots[0].id !== CITY_LEVEL) {
    problems.push(`levels: 须有且只有一个无上级的层级，其编号为 "${CITY_LEVEL}"`);
  }
  tree.levels.forEach((level, i) => {
    if (level.parent !== null && !levelIds.has(level.parent)) {
      problems.push(`levels[${i}].parent: 上级层级 "${level.parent}" 不在组织树中`);
      return;
    }
    const path = new Set<string>([level.id]);
    for (let up = level.parent; up !== null; up = tree.levels[levelIds.get(up) as number].parent) {
      if (path.has(up)) {
        problems.push(`levels[${i}].parent: 层级 "${level.id}" 的上级链成环`);
        break;
      }
      path.add(up);
      if (!levelIds.has(up)) break;
    }
  });
  return problems;
}

/** Lookups over a checked tree. */
export interface OrgTreeIndex {
  readonly tree: OrgTree;
  /** The level, or undefined for an id the tree does not hold. */
  level(id: string): OrgLevel | undefined;
  /** The level a unit belongs to, or undefined for an unknown unit. */
  levelOfUnit(unitId: string): OrgLevel | undefined;
  /** The unit, or undefined for an id the tree does not hold. */
  unit(unitId: string): OrgUnit | undefined;
  /** The ids of the levels directly below `id` (those its bodies supervise, 督办). */
  childrenOf(id: string): readonly string[];
}

/**
 * A case's place in the tree as officers read it: its level, the names of the level's three bodies, and those of the
 * level above, which supervises it (督办) and receives its escalations; the city has none above it in the tree.
 * The API gives it to the workflow at the start and with a transfer (移送), so notices name concrete bodies.
 */
export interface CasePlace {
  readonly level: string;
  readonly levelName: string;
  readonly bodies: Readonly<Record<HandlingBody, string>>;
  readonly above?: {
    readonly level: string;
    readonly levelName: string;
    readonly bodies: Readonly<Record<HandlingBody, string>>;
  };
}

function bodyNames(level: OrgLevel): Record<HandlingBody, string> {
  return Object.fromEntries(HANDLING_BODIES.map((b) => [b, level.bodies[b].name])) as Record<HandlingBody, string>;
}

/** The place of a case at `levelId`, or undefined for a level the tree does not hold. */
export function casePlaceOf(tree: OrgTreeIndex, levelId: string): CasePlace | undefined {
  const level = tree.level(levelId);
  if (!level) return undefined;
  const parent = level.parent === null ? undefined : tree.level(level.parent);
  return {
    level: level.id,
    levelName: level.name,
    bodies: bodyNames(level),
    ...(parent ? { above: { level: parent.id, levelName: parent.name, bodies: bodyNames(parent) } } : {}),
  };
}

/** True when `sub` is listed as a contact of unit `unitId` (单位联系人). */
export function isUnitContact(tree: OrgTreeIndex, unitId: string, sub: string): boolean {
  return tree.unit(unitId)?.contacts?.includes(sub) === true;
}

/** Indexes a tree `orgTreeProblems` found nothing wrong with. */
export function indexOrgTree(tree: OrgTree): OrgTreeIndex {
  const levels = new Map(tree.levels.map((l) => [l.id, l]));
  const units = new Map(tree.levels.flatMap((l) => l.units.map((u) => [u.id, { level: l, unit: u }] as const)));
  return {
    tree,
    level: (id) => levels.get(id),
    levelOfUnit: (unitId) => units.get(unitId)?.level,
    unit: (unitId) => units.get(unitId)?.unit,
    childrenOf: (id) => tree.levels.filter((l) => l.parent === id).map((l) => l.id),
  };
}
