/**
 * 分办 on the time-skipping server: the party committee's leader hands a case to its organisation department,
 * which takes it over with its own officers; the committee can no longer act on it, the timeline keeps both
 * bodies' entries, and the HandlingBody search attribute follows the case.
 */
import type { Actor } from '../../domain/case';
import { HandlingBodyKey } from '../../domain/search-attributes';
import { caseStateQuery, decideAcceptanceUpdate, handOverUpdate } from '../../workflows/messages';
import { saveHistory } from '../helpers/histories';
import type { WorkflowHarness } from '../helpers/workflow-env';
import { refusal, startCase, startHarness } from '../helpers/workflow-env';

const committeeLeader: Actor = { id: 'leader.pc', role: 'approvingLeader', body: 'partyCommittee' };
const departmentLeader: Actor = { id: 'leader.od', role: 'approvingLeader', body: 'organizationDepartment' };

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startHarness('hand-over');
});
afterAll(async () => {
  await h?.stop();
});

test('the organisation department takes over a case the party committee hands it; the committee no longer acts', async () => {
  const handle = await startCase(h, { liability: 'both', handlingBody: 'partyCommittee' });
  await handle.executeUpdate(handOverUpdate, {
    args: [{ actor: committeeLeader, to: 'organizationDepartment', reason: '按干部管理权限，由组织部门办理' }],
  });
  expect((await handle.describe()).typedSearchAttributes.get(HandlingBodyKey)).toBe('organizationDepartment');
  expect(
    await refusal(
      handle.executeUpdate(decideAcceptanceUpdate, {
        args: [{ decision: 'accept', actor: committeeLeader, caseOfficer: 'officer.pc' }],
      }),
    ),
  ).toBe('党委（党组）审批领导不能办理本案的“受理或不予受理”');
  await handle.executeUpdate(decideAcceptanceUpdate, {
    args: [{ decision: 'accept', actor: departmentLeader, caseOfficer: 'officer.od' }],
  });
  const state = await handle.query(caseStateQuery);
  expect(state.handlingBody).toBe('organizationDepartment');
  expect(state.timeline.map((e) => [e.kind, e.actor?.body])).toEqual([
    ['submitted', undefined],
    ['handedOver', 'partyCommittee'],
    ['accepted', 'organizationDepartment'],
    ['deadlineArmed', undefined],
  ]);
  await saveHistory(handle, 'hand-over');
});

test('a sanction is handed only to the discipline commission, and nothing is handed on once accepted', async () => {
  const handle = await startCase(h, { liability: 'sanction', handlingBody: 'partyCommittee' });
  expect(
    await refusal(
      handle.executeUpdate(handOverUpdate, {
        args: [{ actor: committeeLeader, to: 'organizationDepartment', reason: '误' }],
      }),
    ),
  ).toBe('此类事项只能分办给纪检监察机关案件监督管理室，不能分办给组织部门干部监督室（科）');
  await handle.executeUpdate(decideAcceptanceUpdate, {
    args: [{ decision: 'accept', actor: committeeLeader, caseOfficer: 'officer.pc' }],
  });
  expect(
    await refusal(
      handle.executeUpdate(handOverUpdate, {
        args: [{ actor: committeeLeader, to: 'disciplineCommission', reason: '分办' }],
      }),
    ),
  ).toMatch(/不能办理“分办”/);
});
