/**
 * What the procedure refuses: actions out of order, by the wrong role or body, malformed decisions; and what it
 * takes back: send-backs of the opinion and of the report. Duplicated leadership signals change nothing.
 */
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';

import {
  approveHandlingOpinionSignal,
  caseStateQuery,
  decideAcceptanceUpdate,
  formInvestigationTeamUpdate,
  proposeHandlingOpinionUpdate,
  recordDeterminationSignal,
  recordHearingUpdate,
  reviewInvestigationReportSignal,
  submitInvestigationReportUpdate,
} from '../../workflows/messages';
import { caseOfficer, decisionId, investigator, leader, otherBodyOfficer, report, secretary } from '../helpers/cases';
import { saveHistory } from '../helpers/histories';
import type { WorkflowHarness } from '../helpers/workflow-env';
import {
  startCase,
  startHarness,
  throughInvestigation,
  throughOpinion,
  waitFor,
  lastStep,
} from '../helpers/workflow-env';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startHarness('refusals');
});
afterAll(async () => {
  await h?.stop();
});

async function refusal(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
}

test('a stage skipped out of order is refused with the stage and the actions allowed now', async () => {
  const handle = await startCase(h);
  const failure = await refusal(
    handle.executeUpdate(submitInvestigationReportUpdate, {
      args: [{ actor: investigator, report: report('exempt') }],
    }),
  );
  expect(failure.type).toBe('StageConflict');
  expect(failure.message).toBe('案件当前处于“待受理”阶段，不能办理“提交调查核实报告”');
  expect(failure.details?.[0]).toEqual({
    stage: 'acceptance',
    allowedActions: [
      { action: 'decideAcceptance', roles: ['caseOfficer', 'approvingLeader'] },
      { action: 'transfer', roles: ['approvingLeader'] },
    ],
  });
});

test('an officer of another handling body may not act on the case', async () => {
  const handle = await startCase(h);
  const failure = await refusal(
    handle.executeUpdate(decideAcceptanceUpdate, {
      args: [{ decision: 'accept', actor: otherBodyOfficer, caseOfficer: otherBodyOfficer.id }],
    }),
  );
  expect(failure.type).toBe('NotPermitted');
});

test('an investigator may not decide acceptance', async () => {
  const handle = await startCase(h);
  const failure = await refusal(
    handle.executeUpdate(decideAcceptanceUpdate, {
      args: [{ decision: 'accept', actor: investigator, caseOfficer: 'x' }],
    }),
  );
  expect(failure.type).toBe('NotPermitted');
  expect(failure.details?.[0]).toMatchObject({ roles: ['caseOfficer', 'approvingLeader'] });
});

test('a report that leaves out one of the six aspects is refused', async () => {
  const handle = await startCase(h);
  await throughOpinion(handle);
  await handle.executeUpdate(formInvestigationTeamUpdate, {
    args: [{ actor: caseOfficer, members: [investigator.id, '乙'] }],
  });
  for (const heard of ['party', 'unit'] as const) {
    await handle.executeUpdate(recordHearingUpdate, {
      args: [{ actor: investigator, heard, statementRef: heard, summary: '说明' }],
    });
  }
  const partial = { ...report('exempt'), assessments: report('exempt').assessments.slice(1) };
  const failure = await refusal(
    handle.executeUpdate(submitInvestigationReportUpdate, { args: [{ actor: investigator, report: partial }] }),
  );
  expect(failure.type).toBe('InvalidAction');
  expect(failure.message).toContain('缺少：动机态度');
});

test('a handling opinion sent back by leadership returns to the case officer and may be proposed again', async () => {
  const handle = await startCase(h);
  await handle.executeUpdate(decideAcceptanceUpdate, {
    args: [{ decision: 'accept', actor: caseOfficer, caseOfficer: caseOfficer.id }],
  });
  await handle.executeUpdate(proposeHandlingOpinionUpdate, {
    args: [{ actor: caseOfficer, opinion: '拟直接了结', route: 'closeDirectly', closureGround: 'noSubstance' }],
  });
  await handle.signal(approveHandlingOpinionSignal, {
    decisionId: decisionId(),
    actor: leader,
    approved: false,
    comment: '事实尚需核实',
  });
  const back = await waitFor(handle, (s) => s.stage === 'handlingOpinion', 'the send-back');
  expect(back.handlingOpinion).toBeUndefined();
  // The last step recorded; the re-proposal's 及时 period is armed after it.
  expect(lastStep(back.timeline.filter((e) => e.kind !== 'deadlineArmed'))).toMatchObject({
    kind: 'handlingOpinionSentBack',
    actor: leader,
  });
  const again = await handle.executeUpdate(proposeHandlingOpinionUpdate, {
    args: [{ actor: caseOfficer, opinion: '拟启动调查核实', route: 'investigate' }],
  });
  expect(again.stage).toBe('opinionApproval');
  await saveHistory(handle, 'opinion-sent-back');
});

test('a report sent back by leadership reopens the investigation', async () => {
  const handle = await startCase(h);
  await throughOpinion(handle);
  await throughInvestigation(handle, 'exempt', { review: false });
  await handle.signal(reviewInvestigationReportSignal, {
    decisionId: decisionId(),
    actor: leader,
    approved: false,
    comment: '证据不足，补充调查',
  });
  // Back in investigation with the report cleared, the team can add to the file and report again.
  const reopened = await waitFor(handle, (s) => s.stage === 'investigation', 'the reopened investigation');
  expect(reopened.report).toBeUndefined();
  expect(reopened.allowedActions.map((a) => a.action)).toEqual(
    expect.arrayContaining(['recordEvidence', 'recordHearing', 'submitInvestigationReport']),
  );
  await handle.executeUpdate(recordHearingUpdate, {
    args: [{ actor: investigator, heard: 'unit', statementRef: '补充笔录', summary: '补充说明' }],
  });
  const resubmitted = await handle.executeUpdate(submitInvestigationReportUpdate, {
    // A revised report is a new document, with its own number.
    args: [{ actor: investigator, report: { ...report('reduce'), reportRef: '调查报告〔2026〕2号' } }],
  });
  expect(resubmitted.stage).toBe('reportReview');
  await saveHistory(handle, 'report-sent-back');
});

test('a report review arriving after the meeting stage opened is recorded and not applied', async () => {
  const handle = await startCase(h);
  await throughOpinion(handle);
  await throughInvestigation(handle, 'exempt');
  await handle.signal(reviewInvestigationReportSignal, {
    decisionId: decisionId(),
    actor: leader,
    approved: false,
    comment: '补充证据',
  });
  const ignored = await waitFor(handle, (s) => lastStep(s.timeline)?.kind === 'decisionIgnored', 'the ignored review');
  expect(ignored.stage).toBe('determination');
});

test('a leadership decision delivered twice is applied once', async () => {
  const handle = await startCase(h);
  await handle.executeUpdate(decideAcceptanceUpdate, {
    args: [{ decision: 'accept', actor: caseOfficer, caseOfficer: caseOfficer.id }],
  });
  await handle.executeUpdate(proposeHandlingOpinionUpdate, {
    args: [{ actor: caseOfficer, opinion: '拟启动调查核实', route: 'investigate' }],
  });
  const decision = { decisionId: decisionId(), actor: leader, approved: true, comment: '同意' };
  await handle.signal(approveHandlingOpinionSignal, decision);
  await handle.signal(approveHandlingOpinionSignal, decision);
  const state = await waitFor(handle, (s) => s.stage === 'investigation');
  // A later update is handled after both signals, so the state after it shows what they did.
  await handle.executeUpdate(formInvestigationTeamUpdate, { args: [{ actor: caseOfficer, members: ['甲', '乙'] }] });
  const after = await handle.query(caseStateQuery);
  expect(state.stage).toBe('investigation');
  expect(after.timeline.filter((e) => e.kind === 'handlingOpinionApproved')).toHaveLength(1);
  expect(after.timeline.filter((e) => e.kind === 'decisionIgnored')).toHaveLength(0);
});

test('a meeting without a quorum decides nothing and is recorded', async () => {
  const handle = await startCase(h);
  await throughOpinion(handle);
  await throughInvestigation(handle, 'exempt');
  await handle.signal(recordDeterminationSignal, {
    decisionId: decisionId(),
    actor: secretary,
    determination: {
      meetingDate: '2026-12-10',
      attendees: ['书记', '委员甲', '委员乙'],
      membersTotal: 7,
      outcome: 'exempt',
      reasoning: '—',
      minutesRef: '纪要',
      reportRef: '调查报告〔2026〕1号',
    },
  });
  const state = await waitFor(handle, (s) => lastStep(s.timeline)?.kind === 'decisionIgnored', 'the ignored meeting');
  expect(state.stage).toBe('determination');
  expect(lastStep(state.timeline)?.summary).toContain('7 名成员中到会 3 名');
  await saveHistory(handle, 'no-quorum');
});

test('a leadership decision sent in plaintext around the API changes nothing and is recorded', async () => {
  const handle = await startCase(h);
  await throughOpinion(handle);
  await throughInvestigation(handle, 'exempt');
  await waitFor(handle, (s) => s.stage === 'determination');
  // A client without the payload codec and without the API's stamp: what the Temporal CLI or the Web UI sends.
  const outsider = new Client({ connection: h.env.connection });
  await outsider.workflow.getHandle(handle.workflowId).signal(recordDeterminationSignal, {
    decisionId: decisionId(),
    actor: { ...secretary, id: 'intruder' },
    determination: {
      meetingDate: '2026-12-10',
      attendees: ['甲', '乙', '丙', '丁', '戊'],
      membersTotal: 7,
      outcome: 'exempt',
      reasoning: '伪造',
      minutesRef: '伪造',
      reportRef: '调查报告〔2026〕1号',
    },
  });
  const state = await waitFor(handle, (s) => s.timeline.some((e) => e.kind === 'foreignMessageRefused'));
  expect(state.stage).toBe('determination');
  expect(state.outcome).toBeUndefined();
  expect(lastStep(state.timeline)?.summary).toContain('自称 intruder');
  await saveHistory(handle, 'foreign-message-refused');
});
