/**
 * Jurisdiction over the organisation tree, as pure rules: officers act on their own body's cases at their own
 * level; the same body one level up supervises (督办) them read only; the list query says the same.
 */
import { canAct, canReadCase, canSubmit, listScope } from '../../api/auth/policy';
import type { Principal } from '../../api/auth/principal';
import { principalFromClaims } from '../../api/auth/principal';
import { caseListQuery, caseListQuerySchema } from '../../api/cases/case-list-query';
import { placeInTree } from '../../api/org-tree/place-in-tree';
import { DEFAULT_ORG_TREE_FILE, readOrgTreeFile } from '../../api/org-tree/org-tree-file';
import type { HttpProblem } from '../../api/http/errors';

const tree = readOrgTreeFile(DEFAULT_ORG_TREE_FILE);
const placed = (claims: Record<string, unknown>): Principal => placeInTree(principalFromClaims(claims), tree);

const cityDc = placed({ sub: 'officer.dc', role: 'caseOfficer', body: 'disciplineCommission' });
const dongchengDc = placed({ sub: 'o.dc.dc', role: 'caseOfficer', body: 'disciplineCommission', level: 'dongcheng' });
const xichengDc = placed({ sub: 'o.dc.xc', role: 'caseOfficer', body: 'disciplineCommission', level: 'xicheng' });
const dongchengOd = placed({ sub: 'o.od.dc', role: 'caseOfficer', body: 'organizationDepartment', level: 'dongcheng' });

const dongchengCase = { handlingBody: 'disciplineCommission', level: 'dongcheng' } as const;
const cityCase = { handlingBody: 'disciplineCommission' } as const;

test('a token without a level is the city’s, and supervises every level directly below', () => {
  expect(cityDc.level).toBe('city');
  expect(cityDc.supervises).toEqual(['dongcheng', 'xicheng', 'nanxian']);
  expect(dongchengDc.supervises).toEqual([]);
});

test('a token naming a level the tree does not hold is refused', () => {
  expect(() => placed({ sub: 'x', role: 'caseOfficer', body: 'partyCommittee', level: 'atlantis' })).toThrow(
    expect.objectContaining({ status: 403 }) as HttpProblem,
  );
  expect(() => principalFromClaims({ sub: 'a', role: 'applicant', level: 'city' })).toThrow();
});

test('officers of the body at the case’s level read and act on it', () => {
  expect(canReadCase(dongchengDc, dongchengCase)).toBe(true);
  expect(canAct(dongchengDc, 'decideAcceptance', dongchengCase)).toBe(true);
});

test('the same body one level up supervises (督办) the case: it reads, never acts', () => {
  expect(canReadCase(cityDc, dongchengCase)).toBe(true);
  expect(canAct(cityDc, 'decideAcceptance', dongchengCase)).toBe(false);
});

test('a sibling level, another body at the same level, and a level below the case see nothing', () => {
  expect(canReadCase(xichengDc, dongchengCase)).toBe(false);
  expect(canReadCase(dongchengOd, dongchengCase)).toBe(false);
  expect(canReadCase(dongchengDc, cityCase)).toBe(false);
  expect(canAct(dongchengDc, 'decideAcceptance', cityCase)).toBe(false);
});

test('an officer submits an organisation case only about a unit of their own level', () => {
  const leader = placed({ sub: 'l', role: 'approvingLeader', body: 'disciplineCommission', level: 'dongcheng' });
  const s = { origin: 'organization', handlingBody: 'disciplineCommission' } as const;
  expect(canSubmit(leader, { ...s, level: 'dongcheng' })).toBe(true);
  expect(canSubmit(leader, { ...s, level: 'city' })).toBe(false);
});

test('an officer’s list holds their body at their level and the levels they supervise; cases without a level are the city’s', () => {
  const none = caseListQuerySchema.parse({});
  expect(caseListQuery(listScope(cityDc)!, none)).toBe(
    "WorkflowType = 'caseWorkflow' AND HandlingBody = 'disciplineCommission' AND " +
      "(HandlingLevel IN ('city', 'dongcheng', 'xicheng', 'nanxian') OR HandlingLevel IS NULL)",
  );
  expect(caseListQuery(listScope(dongchengDc)!, none)).toBe(
    "WorkflowType = 'caseWorkflow' AND HandlingBody = 'disciplineCommission' AND HandlingLevel IN ('dongcheng')",
  );
});
