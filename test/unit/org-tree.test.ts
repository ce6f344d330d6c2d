/**
 * The organisation tree operators keep: the shipped file is valid, and a bad tree is refused whole with each bad
 * entry named, as a bad holiday file is.
 */
import { readFileSync } from 'node:fs';

import { DEFAULT_ORG_TREE_FILE, OrgTreeError, parseOrgTree, readOrgTreeFile } from '../../api/org-tree/org-tree-file';
import type { OrgTree } from '../../domain/org-tree';

const shipped = (): OrgTree => JSON.parse(readFileSync(DEFAULT_ORG_TREE_FILE, 'utf8')) as OrgTree;

/** The problems `parseOrgTree` names for `tree`. */
function problemsOf(tree: unknown): readonly string[] {
  try {
    parseOrgTree(tree, 'test');
  } catch (err) {
    if (err instanceof OrgTreeError) return err.problems;
    throw err;
  }
  return [];
}

test('the shipped tree is the city with counties and districts below it, each with its three bodies', () => {
  const tree = readOrgTreeFile(DEFAULT_ORG_TREE_FILE);
  expect(tree.level('city')?.parent).toBeNull();
  expect(tree.childrenOf('city')).toEqual(['dongcheng', 'xicheng', 'nanxian']);
  expect(tree.childrenOf('dongcheng')).toEqual([]);
  expect(tree.level('dongcheng')?.bodies.disciplineCommission).toEqual({
    name: '东城区纪委监委',
    office: '案件监督管理室',
  });
  expect(tree.levelOfUnit('dongcheng.housing')?.id).toBe('dongcheng');
  expect(tree.levelOfUnit('city.finance')?.id).toBe('city');
  expect(tree.levelOfUnit('nowhere')).toBeUndefined();
});

test('a parent the tree does not hold is named by its entry', () => {
  const tree = shipped();
  const levels = tree.levels.map((l) => (l.id === 'xicheng' ? { ...l, parent: 'province' } : l));
  expect(problemsOf({ levels })).toEqual(['levels[2].parent: 上级层级 "province" 不在组织树中']);
});

test('a unit id used twice, and a level that is its own ancestor, are named', () => {
  const tree = shipped();
  const levels = tree.levels.map((l) =>
    l.id === 'nanxian'
      ? { ...l, units: [{ id: 'city.finance', name: '重复' }] }
      : l.id === 'xicheng'
        ? { ...l, parent: 'xicheng' }
        : l,
  );
  expect(problemsOf({ levels })).toEqual([
    'levels[3].units[0].id: 编号 "city.finance" 重复',
    'levels[2].parent: 层级 "xicheng" 的上级链成环',
  ]);
});

test('the root must be the city, and every level has all three handling bodies', () => {
  const tree = shipped();
  const [city, ...rest] = tree.levels;
  expect(problemsOf({ levels: [{ ...city, id: 'town' }, ...rest] })).toContain(
    'levels: 须有且只有一个无上级的层级，其编号为 "city"',
  );
  const { organizationDepartment: _dropped, ...twoBodies } = city.bodies;
  const problems = problemsOf({ levels: [{ ...city, bodies: twoBodies }, ...rest] });
  expect(problems).toEqual([
    'levels[0].bodies.organizationDepartment: 须写明该办理机关的名称（name）和受理科室（office）',
  ]);
});

test('a file that is not there stops start-up, naming the file', () => {
  expect(() => readOrgTreeFile('/nonexistent/org-tree.json')).toThrow(/组织树 \/nonexistent\/org-tree.json 有误/);
});
