/**
 * 分办 as pure rules: the party committee's approving leader hands a case, before acceptance, to its discipline
 * commission or organisation department, to the one the routing rules name unless the matter touches both.
 */
import type { ProcedureFacts } from '../../domain/procedure';
import { ACTION_ROLES, openActions } from '../../domain/procedure';
import { handOverProblem } from '../../domain/routing';

const atAcceptance = (handlingBody?: ProcedureFacts['submission']): ProcedureFacts => ({
  stage: 'acceptance',
  hearings: [],
  openObligations: [],
  announced: false,
  pauses: [],
  deadlines: [],
  ...(handlingBody ? { submission: handlingBody } : {}),
});

test('分办 is open before acceptance on a case with the party committee, to its approving leader', () => {
  const committee = atAcceptance({ fastTrack: false, handlingBody: 'partyCommittee' });
  expect(openActions(committee)).toEqual(['decideAcceptance', 'handOver', 'transfer']);
  expect(ACTION_ROLES.handOver).toEqual(['approvingLeader']);
});

test('a case with the discipline commission or organisation department is not handed on, only transferred', () => {
  expect(openActions(atAcceptance({ fastTrack: false, handlingBody: 'disciplineCommission' }))).toEqual([
    'decideAcceptance',
    'transfer',
  ]);
  expect(openActions(atAcceptance())).toEqual(['decideAcceptance', 'transfer']);
});

test('a matter touching both goes to either body; a sanction to the commission, organisational handling to the department', () => {
  expect(handOverProblem('both', 'disciplineCommission')).toBeUndefined();
  expect(handOverProblem('both', 'organizationDepartment')).toBeUndefined();
  expect(handOverProblem('sanction', 'disciplineCommission')).toBeUndefined();
  expect(handOverProblem('sanction', 'organizationDepartment')).toBe(
    '此类事项只能分办给纪检监察机关案件监督管理室，不能分办给组织部门干部监督室（科）',
  );
  expect(handOverProblem('organizationalHandling', 'disciplineCommission')).toBe(
    '此类事项只能分办给组织部门干部监督室（科），不能分办给纪检监察机关案件监督管理室',
  );
  expect(handOverProblem('both', 'partyCommittee')).toBe(
    '此类事项只能分办给纪检监察机关案件监督管理室或组织部门干部监督室（科），不能分办给党委（党组）',
  );
});
