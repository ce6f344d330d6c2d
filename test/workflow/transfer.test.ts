/**
 * 移送 on the time-skipping server: 东城区纪委监委 received a case of a cadre the city manages and transfers it to
 * 市纪委监委, which accepts it with its own officers; the case publishes its new level, the timeline keeps both
 * bodies' entries, and a missed deadline names the concrete bodies it was escalated to.
 */
import type { Actor } from '../../domain/case';
import { DEFAULT_ORG_TREE_FILE, readOrgTreeFile } from '../../api/org-tree/org-tree-file';
import { casePlaceOf } from '../../domain/org-tree';
import { CaseStage, HandlingBodyKey, HandlingLevel } from '../../domain/search-attributes';
import { caseStateQuery, decideAcceptanceUpdate, transferUpdate } from '../../workflows/messages';
import { saveHistory } from '../helpers/histories';
import type { WorkflowHarness } from '../helpers/workflow-env';
import { refusal, startCase, startHarness, waitFor } from '../helpers/workflow-env';
import { applicant, submission } from '../helpers/cases';
import { TRANSFER_PATCH } from '../../workflows/transfer';

const tree = readOrgTreeFile(DEFAULT_ORG_TREE_FILE);
const dongcheng = casePlaceOf(tree, 'dongcheng');
const city = casePlaceOf(tree, 'city');
// Actors carry no level: the API checks it; the workflow checks the body.
const countyLeader: Actor = { id: 'leader.dc.dongcheng', role: 'approvingLeader', body: 'disciplineCommission' };
const cityLeader: Actor = { id: 'leader.dc', role: 'approvingLeader', body: 'disciplineCommission' };
const cityOfficer: Actor = { id: 'officer.dc', role: 'caseOfficer', body: 'disciplineCommission' };

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startHarness('transfer');
});
afterAll(async () => {
  await h?.stop();
});

const atDongcheng = () =>
  startCase(
    h,
    { liability: 'sanction', handlingBody: 'disciplineCommission', unitId: 'dongcheng.housing' },
    { handlingLevel: 'dongcheng', ...(dongcheng ? { place: dongcheng } : {}) },
  );

test('a misrouted case is transferred to the competent level, which takes it over; the timeline keeps both', async () => {
  const handle = await atDongcheng();
  await handle.executeUpdate(transferUpdate, {
    args: [
      {
        actor: countyLeader,
        to: 'disciplineCommission',
        toLevel: 'city',
        reason: '当事人系市管干部，按干部管理权限由市纪委监委办理',
        ...(city ? { place: city } : {}),
      },
    ],
  });
  const attributes = (await handle.describe()).typedSearchAttributes;
  expect(attributes.get(HandlingLevel)).toBe('city');
  expect(attributes.get(HandlingBodyKey)).toBe('disciplineCommission');
  await handle.executeUpdate(decideAcceptanceUpdate, {
    args: [{ decision: 'accept', actor: cityLeader, caseOfficer: cityOfficer.id }],
  });
  const state = await handle.query(caseStateQuery);
  expect(state.timeline.map((e) => [e.kind, e.actor?.id])).toEqual([
    ['submitted', 'applicant.li'],
    ['transferred', 'leader.dc.dongcheng'],
    ['accepted', 'leader.dc'],
    ['deadlineArmed', undefined],
  ]);
  expect(state.timeline[1].summary).toBe(
    '移送：由东城区纪委监委移送市纪委监委办理。理由：当事人系市管干部，按干部管理权限由市纪委监委办理',
  );
  await saveHistory(handle, 'transfer');
});

test('a transfer to a body the matter may not go to, or to the body already handling it, is refused', async () => {
  const handle = await atDongcheng();
  const transfer = (to: 'organizationDepartment' | 'disciplineCommission', toLevel: string) =>
    refusal(handle.executeUpdate(transferUpdate, { args: [{ actor: countyLeader, to, toLevel, reason: '误送' }] }));
  expect(await transfer('organizationDepartment', 'city')).toBe(
    '此类事项应向党委（党组）或纪检监察机关案件监督管理室提出，不能向组织部门干部监督室（科）提出',
  );
  expect(await transfer('disciplineCommission', 'dongcheng')).toBe('移送的机关与现办理机关相同，无需移送');
  await handle.executeUpdate(decideAcceptanceUpdate, {
    args: [{ decision: 'accept', actor: countyLeader, caseOfficer: 'officer.dc.dongcheng' }],
  });
  expect(await transfer('disciplineCommission', 'city')).toMatch(/不能办理“移送”/);
});

test('a missed deadline of a county’s case names the county’s body and the same body of the city', async () => {
  const handle = await atDongcheng();
  await handle.executeUpdate(decideAcceptanceUpdate, {
    args: [{ decision: 'accept', actor: countyLeader, caseOfficer: 'officer.dc.dongcheng' }],
  });
  const armed = await waitFor(handle, (s) => s.deadlines.length === 1, 'the deadline');
  await h.env.sleep(Date.parse(armed.deadlines[0].dueAt) - (await h.env.currentTimeMs()) + 60_000);
  const overdue = await waitFor(handle, (s) => s.deadlines[0].status === 'overdue', 'overdue');
  expect(overdue.timeline.find((e) => e.kind === 'deadlineOverdue')?.summary).toMatch(
    /；已通知东城区纪委监委及上级市纪委监委$/,
  );
  const notice = (await h.outbox.list()).find(
    (n) => n.caseNumber === handle.workflowId && n.kind === 'deadlineOverdue',
  );
  expect(notice?.text).toMatch(/已报市纪委监委督办。$/);
});

test('a case begun on revision 4 is transferred too, recording the patch that lets it take the new step', async () => {
  const input = { submission: submission({ liability: 'sanction' }), submittedBy: applicant, procedureRevision: 4 };
  const handle = await h.env.client.workflow.start('caseWorkflow', {
    workflowId: input.submission.caseNumber,
    taskQueue: h.taskQueue,
    args: [input],
    typedSearchAttributes: [
      { key: CaseStage, value: 'acceptance' },
      { key: HandlingBodyKey, value: 'disciplineCommission' },
    ],
  });
  await handle.executeUpdate(transferUpdate, {
    args: [{ actor: cityLeader, to: 'partyCommittee', toLevel: 'city', reason: '事项由党委直接办理' }],
  });
  const state = await handle.query(caseStateQuery);
  expect(state.handlingBody).toBe('partyCommittee');
  // Without a place from the tree (cases begun before 0.5.0), the bodies are named generically.
  expect(state.timeline[1].summary).toBe(
    '移送：由纪检监察机关案件监督管理室移送党委（党组）办理。理由：事项由党委直接办理',
  );
  const patches = ((await handle.fetchHistory()).events ?? [])
    .flatMap((e) => Object.values(e.markerRecordedEventAttributes?.details ?? {}))
    .flatMap((d) => d.payloads ?? [])
    .map((p) => Buffer.from(p.data ?? new Uint8Array()).toString('utf8'));
  expect(patches.some((p) => p.includes(TRANSFER_PATCH))).toBe(true);
});
