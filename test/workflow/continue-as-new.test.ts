/**
 * A case that lives for years continues-as-new before its history grows large; nothing in flight is lost.
 * A low history limit makes it happen within a test.
 */
import { decideAcceptanceUpdate, recordFollowUpVisitUpdate } from '../../workflows/messages';
import { caseOfficer } from '../helpers/cases';
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
  h = await startHarness('continue-as-new');
});
afterAll(async () => {
  await h?.stop();
});

test('a case continued-as-new many times keeps its whole state and reaches its conclusion', async () => {
  const handle = await startCase(h, {}, { historyLimit: 40 });
  await throughOpinion(handle);
  await throughInvestigation(handle, 'reduce');
  await determine(handle, 'reduce');
  await deliverFeedback(handle);
  await announceDecision(handle);
  await handle.executeUpdate(recordFollowUpVisitUpdate, {
    args: [{ actor: caseOfficer, visitedOn: await serverToday(h), note: '回访' }],
  });
  await h.env.sleep('200 days');
  const result = await handle.result();
  expect(result).toMatchObject({ stage: 'closed', outcome: 'reduce', openObligations: [] });
  expect(result.archiveReceipts).toHaveLength(2);
  expect(result.timeline.filter((e) => e.kind === 'continuedAsNew').length).toBeGreaterThan(0);
  expect(result.timeline[0].kind).toBe('submitted');
  expect((await h.archive.list('personnelFile')).filter((e) => e.entry.caseNumber === handle.workflowId)).toHaveLength(
    1,
  );
});

test('a deadline running across continue-as-new still fires its overdue notice once', async () => {
  // Past 18 events: the case continues as new between its reminder and its due instant (each changing task also
  // records the register's projection marker).
  const handle = await startCase(h, {}, { historyLimit: 18 });
  await handle.executeUpdate(decideAcceptanceUpdate, {
    args: [{ decision: 'accept', actor: caseOfficer, caseOfficer: caseOfficer.id }],
  });
  const armed = await waitFor(handle, (s) => s.deadlines.length === 1, 'the deadline');
  await h.env.sleep(Date.parse(armed.deadlines[0].dueAt) - (await h.env.currentTimeMs()) + 60_000);
  const overdue = await waitFor(handle, (s) => s.deadlines[0].status === 'overdue', 'overdue after continue-as-new');
  expect(overdue.timeline.some((e) => e.kind === 'continuedAsNew')).toBe(true);
  const notices = (await h.outbox.list()).filter(
    (n) => n.caseNumber === handle.workflowId && n.kind === 'deadlineOverdue',
  );
  expect(notices).toHaveLength(1);
});
