/**
 * Routing over the organisation tree, as pure rules (根据单位党组织隶属关系和干部管理权限): the competent level is the
 * unit's, or the one above for cadres managed there; the proposed body follows the liability; 移送 is an acceptance
 * action of the approving leader; an applicant applies about themself or for a unit whose contact they are; overdue
 * notices name the concrete body one level up.
 */
import { principalFromClaims } from '../../api/auth/principal';
import { DEFAULT_ORG_TREE_FILE, parseOrgTree, readOrgTreeFile } from '../../api/org-tree/org-tree-file';
import { escalatedTo, supervisedBy } from '../../domain/texts';
import { casePlaceOf, isUnitContact } from '../../domain/org-tree';
import { applicantMayApplyFor } from '../../domain/party-identifier';
import { ACTION_ROLES, ACTIONS, STAGE_RULES } from '../../domain/procedure';
import { competentBody, competentLevel } from '../../domain/routing';

const tree = readOrgTreeFile(DEFAULT_ORG_TREE_FILE);

test('a unit’s officials are handled at the unit’s level, and at the level above when their cadres are managed there', () => {
  expect(competentLevel(tree, 'dongcheng.housing')?.id).toBe('dongcheng');
  expect(competentLevel(tree, 'dongcheng.housing', 'unitLevel')?.id).toBe('dongcheng');
  expect(competentLevel(tree, 'dongcheng.housing', 'levelAbove')?.id).toBe('city');
  // The city has no level above it in the tree: its own cadres stay with it.
  expect(competentLevel(tree, 'city.finance', 'levelAbove')?.id).toBe('city');
  expect(competentLevel(tree, 'atlantis.port')).toBeUndefined();
});

test('a sanction is proposed to the discipline commission, organisational handling to the organisation department, both to the party committee', () => {
  expect(competentBody(tree, 'dongcheng.housing', 'sanction')).toEqual({
    unitId: 'dongcheng.housing',
    level: 'dongcheng',
    levelName: '东城区',
    body: 'disciplineCommission',
    bodyName: '东城区纪委监委',
    office: '案件监督管理室',
    accepted: ['disciplineCommission', 'partyCommittee'],
  });
  expect(competentBody(tree, 'nanxian.agriculture', 'organizationalHandling', 'levelAbove')).toMatchObject({
    level: 'city',
    body: 'organizationDepartment',
    bodyName: '市委组织部',
    office: '干部监督室',
    accepted: ['organizationDepartment', 'partyCommittee'],
  });
  expect(competentBody(tree, 'xicheng.education', 'both')).toMatchObject({
    body: 'partyCommittee',
    bodyName: '西城区委',
    accepted: ['partyCommittee'],
  });
  expect(competentBody(tree, 'atlantis.port', 'both')).toBeUndefined();
});

test('移送 is an acceptance action of the approving leader, open to every body before acceptance', () => {
  expect(STAGE_RULES.acceptance.actions).toContain('transfer');
  expect(ACTION_ROLES.transfer).toEqual(['approvingLeader']);
  expect(ACTIONS.transfer.label).toBe('移送');
  expect(Object.entries(STAGE_RULES).filter(([, r]) => (r.actions as readonly string[]).includes('transfer'))).toEqual([
    ['acceptance', STAGE_RULES.acceptance],
  ]);
});

test('an applicant applies about themself, or for a unit only as its contact, listed in the tree or named by the token', () => {
  expect(isUnitContact(tree, 'dongcheng.housing', 'applicant.li')).toBe(true);
  expect(isUnitContact(tree, 'dongcheng.housing', 'applicant.wang')).toBe(false);
  expect(isUnitContact(tree, 'xicheng.education', 'applicant.li')).toBe(false);
  const li = { identifier: '11010519491231002X', isContactOf: (u: string) => isUnitContact(tree, u, 'applicant.li') };
  const unit = { kind: 'unit' } as const;
  expect(applicantMayApplyFor(li, unit, 'dongcheng.housing')).toBe(true);
  expect(applicantMayApplyFor(li, unit, 'xicheng.education')).toBe(false);
  expect(applicantMayApplyFor(li, unit, undefined)).toBe(false);
  expect(applicantMayApplyFor(li, { kind: 'official', identifier: '11010519491231002X' }, undefined)).toBe(true);
  expect(applicantMayApplyFor(li, { kind: 'official', identifier: '110101199003074477' }, undefined)).toBe(false);
  // The `unit` claim: the identity provider vouches that this applicant is the unit's contact.
  const contact = principalFromClaims({ sub: 'contact.x', role: 'applicant', unit: 'xicheng.education' });
  expect(contact.unit).toBe('xicheng.education');
  expect(applicantMayApplyFor({ isContactOf: (u) => u === contact.unit }, unit, 'xicheng.education')).toBe(true);
  expect(() => principalFromClaims({ sub: 'o', role: 'caseOfficer', body: 'partyCommittee', unit: 'x.y' })).toThrow();
});

test('a unit’s contacts are checked with the tree, and a contact list too long is refused by name', () => {
  const file = JSON.parse(JSON.stringify(tree.tree)) as { levels: { units: { contacts?: string[] }[] }[] };
  file.levels[1].units[0].contacts = Array.from({ length: 21 }, (_, i) => `c${i}`);
  expect(() => parseOrgTree(file, 'test')).toThrow(/levels\[1\]\.units\[0\]\.contacts/);
});

test('an overdue step names the body and the same body one level up; at the city, or without a place, its superior', () => {
  const dongcheng = casePlaceOf(tree, 'dongcheng');
  expect(dongcheng?.above?.levelName).toBe('市');
  expect(escalatedTo(dongcheng, 'disciplineCommission')).toBe('东城区纪委监委及上级市纪委监委');
  expect(supervisedBy(dongcheng, 'organizationDepartment')).toBe('已报市委组织部督办。');
  expect(escalatedTo(casePlaceOf(tree, 'city'), 'partyCommittee')).toBe('市委及其上级');
  expect(supervisedBy(casePlaceOf(tree, 'city'), 'partyCommittee')).toBe('');
  expect(escalatedTo(undefined, 'disciplineCommission')).toBe('纪检监察机关案件监督管理室及其上级');
  expect(casePlaceOf(tree, 'atlantis')).toBeUndefined();
});
