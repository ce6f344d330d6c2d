/**
 * The steps the seed asks to be done 及时, each with its local-policy period and the same ladder as a statutory
 * deadline: approving the opinion, forming the team, investigating, reviewing the report, convening the meeting,
 * proposing again after a send-back. On the time-skipping server; expectations are relative to its clock.
 */
import { LOCAL_POLICY } from '../../domain/periods';
import {
  approveHandlingOpinionSignal,
  caseStateQuery,
  decideAcceptanceUpdate,
  proposeHandlingOpinionUpdate,
} from '../../workflows/messages';
import { caseOfficer, decisionId, leader } from '../helpers/cases';
import { saveHistory } from '../helpers/histories';
import type { CaseHandle, WorkflowHarness } from '../helpers/workflow-env';
import {
  determine,
  startCase,
  startHarness,
  throughInvestigation,
  throughOpinion,
  waitFor,
} from '../helpers/workflow-env';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startHarness('timely-periods');
});
afterAll(async () => {
  await h?.stop();
});

async function proposed(): Promise<CaseHandle> {
  const handle = await startCase(h);
  await handle.executeUpdate(decideAcceptanceUpdate, {
    args: [{ decision: 'accept', actor: caseOfficer, caseOfficer: caseOfficer.id }],
  });
  await handle.executeUpdate(proposeHandlingOpinionUpdate, {
    args: [{ actor: caseOfficer, opinion: '拟启动调查核实', route: 'investigate' }],
  });
  return handle;
}

const statusOf = async (handle: CaseHandle) =>
  Object.fromEntries((await handle.query(caseStateQuery)).deadlines.map((d) => [d.id, d.status]));

test('an opinion awaiting approval has its 及时 period: reminded, overdue, then escalated each further working day', async () => {
  const handle = await proposed();
  const armed = await waitFor(handle, (s) => s.deadlines.some((d) => d.id === 'opinionApproval'), 'the period');
  const period = armed.deadlines.find((d) => d.id === 'opinionApproval')!;
  expect(period).toMatchObject({ workingDays: LOCAL_POLICY.timely.opinionApproval, status: 'running' });
  expect(period.clause).toBe('拟办意见呈报后及时审批，3个工作日内办理（本地规定）');

  await h.env.sleep(Date.parse(period.dueAt) - (await h.env.currentTimeMs()) + 1000);
  const overdue = await waitFor(handle, (s) =>
    s.deadlines.some((d) => d.id === 'opinionApproval' && d.status === 'overdue'),
  );
  const kinds = overdue.timeline.map((e) => e.kind);
  expect(kinds).toEqual(expect.arrayContaining(['deadlineReminder', 'deadlineOverdue']));
  const notices = (await h.outbox.list()).filter((n) => n.caseNumber === handle.workflowId).map((n) => n.kind);
  expect(notices).toEqual(expect.arrayContaining(['deadlineReminder', 'deadlineOverdue']));

  // Approving ends it: a missed period never decides anything, it only presses for the step.
  await handle.signal(approveHandlingOpinionSignal, {
    decisionId: decisionId(),
    actor: leader,
    approved: true,
    comment: '同意',
  });
  await waitFor(handle, (s) => s.stage === 'investigation');
  expect(await statusOf(handle)).toMatchObject({ opinionApproval: 'met', teamForming: 'running' });
  await saveHistory(handle, 'opinion-approval-overdue');
});

test('each 及时 step arms its period when it begins and meets it when it is done, to the meeting', async () => {
  const handle = await startCase(h);
  await throughOpinion(handle);
  await throughInvestigation(handle, 'exempt');
  expect(await statusOf(handle)).toEqual({
    handlingOpinion: 'met',
    opinionApproval: 'met',
    teamForming: 'met',
    investigation: 'met',
    reportReview: 'met',
    meeting: 'running',
  });
  await determine(handle, 'exempt');
  expect(await statusOf(handle)).toMatchObject({ meeting: 'met', feedback: 'running' });
});

test('an opinion sent back is proposed again in its own 及时 period', async () => {
  const handle = await proposed();
  await handle.signal(approveHandlingOpinionSignal, {
    decisionId: decisionId(),
    actor: leader,
    approved: false,
    comment: '请补充依据',
  });
  const back = await waitFor(handle, (s) => s.deadlines.some((d) => d.id === 'reProposal'), 'the re-proposal period');
  expect(back.deadlines.find((d) => d.id === 'reProposal')).toMatchObject({
    workingDays: LOCAL_POLICY.timely.reProposal,
    status: 'running',
  });
  await handle.executeUpdate(proposeHandlingOpinionUpdate, {
    args: [{ actor: caseOfficer, opinion: '拟启动调查核实（补充依据）', route: 'investigate' }],
  });
  expect(await statusOf(handle)).toMatchObject({ reProposal: 'met', opinionApproval: 'running' });
});
