/**
 * The procedure to each of its three outcomes on the time-skipping server, driven by the case's real messages.
 */
import { recordFollowUpVisitUpdate, replyIntegrityReviewUpdate } from '../../workflows/messages';
import { caseOfficer } from '../helpers/cases';
import { saveHistory } from '../helpers/histories';
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
  h = await startHarness('outcomes');
});
afterAll(async () => {
  await h?.stop();
});

test('an exemption is archived once in the personnel file and once in the integrity file, then closes after the follow-up visit', async () => {
  const handle = await startCase(h);
  await throughOpinion(handle);
  await throughInvestigation(handle, 'exempt');
  await determine(handle, 'exempt');
  const afterFeedback = await deliverFeedback(handle);
  expect(afterFeedback.stage).toBe('aftercare');
  await announceDecision(handle);

  const archived = await waitFor(handle, (s) => s.archiveReceipts.length === 2, 'both archive receipts');
  expect(archived.archiveReceipts.map((r) => r.file).sort()).toEqual(['integrityFile', 'personnelFile']);
  expect((await h.archive.list('personnelFile')).filter((e) => e.entry.caseNumber === handle.workflowId)).toHaveLength(
    1,
  );
  expect((await h.archive.list('integrityFile')).filter((e) => e.entry.caseNumber === handle.workflowId)).toHaveLength(
    1,
  );
  expect(archived.openObligations).toEqual(['followUpVisit']);

  await handle.executeUpdate(recordFollowUpVisitUpdate, {
    args: [{ actor: caseOfficer, visitedOn: await serverToday(h), note: '放下包袱、轻装上阵' }],
  });
  const result = await handle.result();
  expect(result).toMatchObject({ stage: 'closed', outcome: 'exempt', closure: 'decided', openObligations: [] });
  const feedback = (await h.outbox.list()).filter((n) => n.caseNumber === handle.workflowId && n.kind === 'feedback');
  expect(feedback).toHaveLength(1);
  expect(feedback[0].recipients).toEqual(['party', 'partyUnit']);
  await saveHistory(handle, 'exempt-to-closure');
});

test('a reduced liability keeps the case open until its impact period ends by itself', async () => {
  const handle = await startCase(h);
  await throughOpinion(handle);
  await throughInvestigation(handle, 'reduce');
  await determine(handle, 'reduce');
  await deliverFeedback(handle);
  await announceDecision(handle);
  await handle.executeUpdate(recordFollowUpVisitUpdate, {
    args: [{ actor: caseOfficer, visitedOn: await serverToday(h), note: '回访' }],
  });
  const waiting = await waitFor(handle, (s) => s.impactPeriodEndsAt !== undefined && s.archiveReceipts.length === 2);
  expect(waiting.stage).toBe('aftercare');
  expect(waiting.openObligations).toEqual(['impactPeriod']);

  await h.env.sleep('200 days');
  const closed = await handle.result();
  expect(closed.stage).toBe('closed');
  expect(closed.timeline.map((e) => e.kind)).toContain('impactPeriodEnded');
  const ended = (await h.outbox.list()).filter(
    (n) => n.caseNumber === handle.workflowId && n.kind === 'impactPeriodEnded',
  );
  expect(ended).toHaveLength(1);
  await saveHistory(handle, 'reduce-impact-period');
});

test('a refusal closes as soon as the written feedback is delivered and archives nothing', async () => {
  const handle = await startCase(h);
  await throughOpinion(handle);
  await throughInvestigation(handle, 'refuse');
  await determine(handle, 'refuse');
  const state = await deliverFeedback(handle);
  expect(state).toMatchObject({ stage: 'closed', outcome: 'refuse', archiveReceipts: [] });
  await saveHistory(handle, 'refuse');
});

test('a fast-track case stays open until the integrity review reply is given', async () => {
  const handle = await startCase(h, { fastTrack: true });
  await throughOpinion(handle);
  await throughInvestigation(handle, 'refuse');
  await determine(handle, 'refuse');
  const state = await deliverFeedback(handle);
  expect(state.stage).toBe('aftercare');
  expect(state.openObligations).toEqual(['integrityReviewReply']);
  const closed = await handle.executeUpdate(replyIntegrityReviewUpdate, {
    args: [{ actor: caseOfficer, reply: '无影响提拔使用的问题', documentRef: '廉政意见〔2026〕5号' }],
  });
  expect(closed.stage).toBe('closed');
});
