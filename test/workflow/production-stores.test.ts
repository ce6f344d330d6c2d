/**
 * The production notice transport (webhook) and archive store (archive service) under a real worker and a real
 * HTTP service on 127.0.0.1: retried through outages with nothing filed twice, and a refusal recorded in the
 * case instead of ending it.
 */
import { HttpArchive } from '../../activities/http-archive';
import { WebhookTransport } from '../../activities/webhook-transport';
import { caseStateQuery, recordFollowUpVisitUpdate } from '../../workflows/messages';
import { caseOfficer } from '../helpers/cases';
import { saveHistory } from '../helpers/histories';
import type { Receiver } from '../helpers/receiver';
import { startReceiver } from '../helpers/receiver';
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

const TOKEN = 'receiver-token';
let h: WorkflowHarness;
let gateway: Receiver;
let archiveService: Receiver;

beforeAll(async () => {
  gateway = await startReceiver(TOKEN);
  archiveService = await startReceiver(TOKEN);
  h = await startHarness('production-stores', {
    notices: new WebhookTransport({ url: gateway.url, token: TOKEN }),
    archive: new HttpArchive({ url: archiveService.url, token: TOKEN }),
  });
});
afterAll(async () => {
  await h?.stop();
  await gateway?.close();
  await archiveService?.close();
});

test('an archive service down for its first calls still receives each file’s entry exactly once, with a receipt', async () => {
  const handle = await startCase(h);
  await throughOpinion(handle);
  await throughInvestigation(handle, 'exempt');
  // The decision is filed as soon as the meeting has decided.
  archiveService.failNext(3, 503);
  await determine(handle, 'exempt');
  await deliverFeedback(handle);
  // The retries wait 5 s, 10 s, 20 s of server time: let the time-skipping server pass it.
  await h.env.sleep('2 minutes');

  const state = await waitFor(handle, (s) => s.archiveReceipts.length === 2, 'both archive receipts');
  const attemptsOf = (k: string) => archiveService.attempts.get(`${handle.workflowId}/${k}`) ?? 0;
  expect(attemptsOf('personnelFile') + attemptsOf('integrityFile')).toBe(2 + 3);
  for (const file of ['personnelFile', 'integrityFile']) {
    const key = `${handle.workflowId}/${file}`;
    expect(archiveService.records.has(key)).toBe(true);
    expect(state.archiveReceipts.find((r) => r.file === file)?.receiptId).toEqual(
      (await postAgain(archiveService, key)).receiptId,
    );
  }
  const feedbackKey = [...gateway.records.keys()].find((k) => k.startsWith(`${handle.workflowId}/`));
  expect(feedbackKey).toBeDefined();

  await announceDecision(handle);
  await handle.executeUpdate(recordFollowUpVisitUpdate, {
    args: [{ actor: caseOfficer, visitedOn: await serverToday(h), note: '回访' }],
  });
  expect(await handle.result()).toMatchObject({ stage: 'closed', outcome: 'exempt' });
});

test('a notice the gateway refuses is recorded in the timeline and the case goes on', async () => {
  const handle = await startCase(h);
  await throughOpinion(handle);
  await throughInvestigation(handle, 'refuse');
  await determine(handle, 'refuse');
  gateway.refuse(`${handle.workflowId}/feedback`);
  await deliverFeedback(handle);

  const result = await handle.result();
  expect(result).toMatchObject({ stage: 'closed', outcome: 'refuse' });
  const refusals = result.timeline.filter((e) => e.kind === 'noticeRefused');
  expect(refusals).toHaveLength(1);
  expect(refusals[0].summary).toContain('需人工处理');
  expect(gateway.attempts.get(`${handle.workflowId}/feedback`)).toBe(1);
  await saveHistory(handle, 'notice-refused');
});

test('an entry the archive service refuses stays owed, and the refusal is in the timeline', async () => {
  const handle = await startCase(h);
  archiveService.refuse(`${handle.workflowId}/integrityFile`);
  await throughOpinion(handle);
  await throughInvestigation(handle, 'exempt');
  await determine(handle, 'exempt');
  await deliverFeedback(handle);

  const state = await waitFor(
    handle,
    (s) => s.timeline.some((e) => e.kind === 'archiveRefused') && s.archiveReceipts.length === 1,
    'one refusal and one receipt',
  );
  expect(state.archiveReceipts.map((r) => r.file)).toEqual(['personnelFile']);
  expect(state.openObligations).toContain('integrityFile');
  expect((await handle.query(caseStateQuery)).stage).toBe('aftercare');
});

/** What the service answers a repeat of `key`: the receipt it gave the first time. */
async function postAgain(receiver: Receiver, key: string): Promise<{ receiptId: string }> {
  const res = await fetch(receiver.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, authorization: `Bearer ${TOKEN}` },
    body: '{}',
  });
  expect(res.status).toBe(208);
  return (await res.json()) as { receiptId: string };
}
