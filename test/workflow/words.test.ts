/**
 * What a person reads, in words: declining tells the applicant why, like every other conclusion, and a whole case
 * (with a meeting record that could not stand) reads without a code in its timeline or its notices.
 */
import { decideAcceptanceUpdate, recordDeterminationSignal, recordFollowUpVisitUpdate } from '../../workflows/messages';
import { caseOfficer, decisionId, secretary } from '../helpers/cases';
import { codesIn, entriesWithCodes, identifiersOf } from '../helpers/timeline-words';
import type { WorkflowHarness } from '../helpers/workflow-env';
import {
  announceDecision,
  deliverFeedback,
  determine,
  serverToday,
  startCase,
  startHarness,
  throughInvestigation,
  throughOpinion,
  waitFor,
} from '../helpers/workflow-env';

let h: WorkflowHarness;
beforeAll(async () => {
  h = await startHarness('words');
});
afterAll(async () => {
  await h?.stop();
});

const notices = async (caseNumber: string) => (await h.outbox.list()).filter((n) => n.caseNumber === caseNumber);

test('declining sends the applicant a notice with the reason', async () => {
  const handle = await startCase(h);
  await handle.executeUpdate(decideAcceptanceUpdate, {
    args: [{ decision: 'decline', actor: caseOfficer, reason: '不属于本机关管辖，请向组织部门提出' }],
  });
  const result = await handle.result();
  expect(result.stage).toBe('declined');
  const sent = await notices(handle.workflowId);
  expect(sent).toEqual([
    expect.objectContaining({
      kind: 'declined',
      recipients: ['party', 'partyUnit'],
      text: `案件 ${handle.workflowId}：经审查，不予受理。理由：不属于本机关管辖，请向组织部门提出`,
    }),
  ]);
  expect(entriesWithCodes(result)).toEqual([]);
});

test('a whole reduced case, with a meeting record that could not stand, reads in words: timeline and notices', async () => {
  const handle = await startCase(h);
  await throughOpinion(handle);
  await throughInvestigation(handle, 'reduce');
  await handle.signal(recordDeterminationSignal, {
    decisionId: decisionId(),
    actor: secretary,
    determination: {
      meetingDate: '2026-12-10',
      attendees: ['书记', '副书记', '委员甲'],
      membersTotal: 7,
      outcome: 'reduce',
      impactPeriodMonths: 6,
      reasoning: '集体研究',
      minutesRef: '会议纪要〔2026〕8号',
    },
  });
  await waitFor(handle, (s) => s.timeline.some((e) => e.kind === 'decisionIgnored'), 'the ignored record');
  await determine(handle, 'reduce');
  await deliverFeedback(handle);
  await announceDecision(handle);
  await handle.executeUpdate(recordFollowUpVisitUpdate, {
    args: [{ actor: caseOfficer, visitedOn: await serverToday(h), note: '回访教育' }],
  });
  await h.env.sleep('200 days');
  const result = await handle.result();
  expect(result).toMatchObject({ stage: 'closed', outcome: 'reduce' });
  expect(result.timeline.find((e) => e.kind === 'decisionIgnored')?.summary).toBe(
    '领导班子会议记录不符合要求：到会人数未超过班子成员半数：7 名成员中到会 3 名',
  );
  expect(entriesWithCodes(result)).toEqual([]);
  const ids = identifiersOf(result);
  const sent = await notices(handle.workflowId);
  expect(sent.map((n) => n.kind)).toEqual(expect.arrayContaining(['feedback', 'impactPeriodEnded']));
  expect(sent.flatMap((n) => codesIn(n.text, ids))).toEqual([]);
});
