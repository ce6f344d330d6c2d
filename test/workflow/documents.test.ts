/**
 * A case begun on revision 5 issues its written documents at the steps the seed makes written: each numbered in its
 * series without gaps or duplicates, rendered, stored once, named in the timeline with its kind, number and SHA-256,
 * and the decision's filed with the archive entries. A document once issued never changes; a report submitted again
 * is a new document that names the one it corrects.
 */
import type { CaseState } from '../../domain/case';
import { shanghaiDateOf } from '../../domain/dates';
import type { IssuedDocument } from '../../domain/documents/request';
import { sha256Hex } from '../../documents/document-store';
import {
  caseStateQuery,
  clearNameUpdate,
  decideAcceptanceUpdate,
  recordConsultationUpdate,
  recordFollowUpVisitUpdate,
  reviewInvestigationReportSignal,
  submitInvestigationReportUpdate,
} from '../../workflows/messages';
import { caseOfficer, decisionId, investigator, leader, report } from '../helpers/cases';
import { docxText, pdfText } from '../helpers/read-documents';
import type { CaseHandle, WorkflowHarness } from '../helpers/workflow-env';
import {
  announceDecision,
  deliverFeedback,
  determine,
  recordTalk,
  serverToday,
  startCase,
  startHarness,
  throughInvestigation,
  throughOpinion,
  waitFor,
} from '../helpers/workflow-env';

let h: WorkflowHarness;
/** Every document issued in this file's cases, whose numbers must run without a gap in each series. */
const issuedHere: IssuedDocument[] = [];

beforeAll(async () => {
  h = await startHarness('documents');
});
afterAll(async () => {
  await h?.stop();
});

/** Waits until the case has issued `count` documents, and answers them in the order they were issued. */
async function documentsOf(handle: CaseHandle, count: number): Promise<readonly IssuedDocument[]> {
  const state = await waitFor(handle, (s) => (s.documents ?? []).length >= count, `${count} documents issued`);
  return state.documents ?? [];
}

async function bytesOf(d: IssuedDocument, format: 'docx' | 'pdf'): Promise<Buffer> {
  const bytes = await h.documents.read(d.sha256[format], format);
  if (!bytes) throw new Error(`${d.number} ${format} is not in the store`);
  expect(sha256Hex(bytes)).toBe(d.sha256[format]);
  return bytes;
}

test('a decided case issues its notice, form, report, decision, feedback, announcement and visit record', async () => {
  const handle = await startCase(h);
  const caseNumber = handle.workflowId;
  await throughOpinion(handle);
  await throughInvestigation(handle, 'reduce');
  await determine(handle, 'reduce');
  await deliverFeedback(handle);
  await announceDecision(handle);
  await handle.executeUpdate(recordFollowUpVisitUpdate, {
    args: [{ actor: caseOfficer, visitedOn: await serverToday(h), note: '放下包袱、轻装上阵' }],
  });
  const kinds = [
    'acceptanceNotice',
    'handlingOpinionForm',
    'investigationReport',
    'decision',
    'feedbackLetter',
    'announcement',
    'followUpRecord',
  ];
  const documents = await documentsOf(handle, kinds.length);
  expect(documents.map((d) => d.kind)).toEqual(kinds);
  issuedHere.push(...documents);
  const year = (await serverToday(h)).slice(0, 4);
  const byKind = Object.fromEntries(documents.map((d) => [d.kind, d]));
  expect(byKind.decision.number).toMatch(new RegExp(`^宛纪容决〔${year}〕\\d+号$`));
  expect(byKind.acceptanceNotice.number).toMatch(new RegExp(`^宛纪容受〔${year}〕\\d+号$`));
  expect(documents.filter((d) => d.toParty).map((d) => d.kind)).toEqual(['acceptanceNotice', 'feedbackLetter']);

  // The timeline names each document's kind, number and SHA-256.
  const { timeline } = await handle.query(caseStateQuery);
  const entries = timeline.filter((e) => e.kind === 'documentIssued').map((e) => e.summary);
  for (const d of documents) {
    expect(entries).toContainEqual(
      expect.stringContaining(`（${d.number}），版式文件摘要 ${d.sha256.pdf}，流式文件摘要 ${d.sha256.docx}`),
    );
  }
  expect(entries.find((e) => e.includes(byKind.decision.number))).toContain('制发容错纠错免责减责决定书');

  // The decision read back: number, party, decision, meeting date; the feedback letter names the decision.
  const state = await handle.query(caseStateQuery);
  const meetingDate = state.determination?.meetingDate ?? '';
  const [y, m, d] = meetingDate.split('-').map(Number);
  const decisionPdf = pdfText(await bytesOf(byKind.decision, 'pdf'));
  for (const words of [byKind.decision.number, caseNumber, '李娜', '予以减责', `${y}年${m}月${d}日`]) {
    expect(decisionPdf).toContain(words);
  }
  const feedbackDocx = docxText(await bytesOf(byKind.feedbackLetter, 'docx'));
  expect(feedbackDocx).toContain(byKind.decision.number);
  expect(feedbackDocx).toContain('减责（从轻追究责任，仍需承担：诫勉谈话）');
  expect(pdfText(await bytesOf(byKind.investigationReport, 'pdf'))).toContain('察看动机态度');

  // Each archive entry files the decision's number and hash.
  await waitFor(handle, (s) => s.archiveReceipts.length === 2, 'both archive receipts');
  const entries2 = (await h.archive.list('personnelFile')).filter((e) => e.entry.caseNumber === caseNumber);
  expect(entries2.map((e) => e.entry.decisionDocument)).toEqual([
    { number: byKind.decision.number, sha256: byKind.decision.sha256 },
  ]);
});

test('a declined case issues its notice before its run ends', async () => {
  const handle = await startCase(h);
  await handle.executeUpdate(decideAcceptanceUpdate, {
    args: [{ decision: 'decline', actor: caseOfficer, reason: '不属于本机关受理范围' }],
  });
  const result: CaseState = await handle.result();
  expect(result.stage).toBe('declined');
  expect(result.documents?.map((d) => d.kind)).toEqual(['declineNotice']);
  const [notice] = result.documents ?? [];
  issuedHere.push(notice);
  const text = pdfText(await bytesOf(notice, 'pdf'));
  expect(text).toContain('不予受理');
  expect(text).toContain('理由：不属于本机关受理范围');
  expect(text).toContain(handle.workflowId);
});

test('a rectification issues its notice with the due date of the fix', async () => {
  const handle = await startCase(h);
  await throughOpinion(handle, 'rectification', { fixWithinWorkingDays: 5 });
  const state = await recordTalk(handle);
  const due = state.deadlines.find((x) => x.id === 'rectification')?.dueAt ?? '';
  // The acceptance notice, the opinion form and the rectification notice.
  const documents = await documentsOf(handle, 3);
  issuedHere.push(...documents);
  const notice = documents[2];
  expect(notice.kind).toBe('rectificationNotice');
  expect(notice.toParty).toBe(true);
  const [y, m, d] = shanghaiDateOf(due).split('-').map(Number);
  const text = docxText(await bytesOf(notice, 'docx'));
  expect(text).toContain(`请于${y}年${m}月${d}日前整改到位（5个工作日）`);
  expect(text).toContain('补齐容缺受理的审批材料');
});

test('a report submitted again is a new document naming the one it corrects, which stays as issued', async () => {
  const handle = await startCase(h);
  await throughOpinion(handle);
  await throughInvestigation(handle, 'exempt', { review: false });
  await handle.signal(reviewInvestigationReportSignal, {
    decisionId: decisionId(),
    actor: leader,
    approved: false,
    comment: '六个方面察看不够具体',
  });
  await waitFor(handle, (s) => s.stage === 'investigation', 'the report sent back');
  await handle.executeUpdate(submitInvestigationReportUpdate, {
    args: [{ actor: investigator, report: { ...report('exempt'), reportRef: '调查报告〔2026〕2号' } }],
  });
  // The acceptance notice, the opinion form and the two reports.
  const documents = await documentsOf(handle, 4);
  issuedHere.push(...documents);
  const [first, second] = documents.filter((d) => d.kind === 'investigationReport');
  expect(second.corrects).toBe(first.number);
  expect(second.number).not.toBe(first.number);
  expect(pdfText(await bytesOf(second, 'pdf'))).toContain(`本件更正${first.number}`);
  // The first stays in the store exactly as it was issued.
  expect(pdfText(await bytesOf(first, 'pdf'))).not.toContain('本件更正');
});

test('an official wrongly reported gets a name-clearing letter and a visit record, issued before the case ends', async () => {
  const handle = await startCase(h);
  await throughOpinion(handle, 'exclude', { exclusionGround: 'arbitraryLabelling' });
  await handle.executeUpdate(recordConsultationUpdate, {
    args: [{ actor: caseOfficer, partyAgrees: true, note: '本人同意在单位内澄清' }],
  });
  await handle.executeUpdate(clearNameUpdate, {
    args: [
      {
        actor: caseOfficer,
        partyWishes: 'clear',
        scope: '所在单位',
        method: '召开干部大会',
        documentRef: '澄清〔2026〕1号',
      },
    ],
  });
  await handle.executeUpdate(recordFollowUpVisitUpdate, {
    args: [{ actor: caseOfficer, visitedOn: await serverToday(h), note: '放下包袱、轻装上阵' }],
  });
  const result: CaseState = await handle.result();
  expect(result.stage).toBe('closed');
  const documents = result.documents ?? [];
  issuedHere.push(...documents);
  expect(documents.map((d) => d.kind)).toEqual([
    'acceptanceNotice',
    'handlingOpinionForm',
    'nameClearingLetter',
    'followUpRecord',
  ]);
  const letter = pdfText(await bytesOf(documents[2], 'pdf'));
  expect(letter).toContain('关于为李娜同志澄清正名的函');
  expect(letter).toContain('属乱扣帽子，予以排除');
  expect(letter).toContain('在所在单位范围内，以召开干部大会方式为其澄清正名');
});

test('every series of this server ran from 1 without a gap or a duplicate', () => {
  const series = new Map<string, number[]>();
  for (const d of issuedHere) {
    const [, prefix, n] = /^(.*〕)(\d+)号$/.exec(d.number) ?? [];
    series.set(prefix, [...(series.get(prefix) ?? []), Number(n)]);
  }
  expect(series.size).toBeGreaterThan(4);
  for (const [prefix, numbers] of series) {
    expect({ prefix, numbers: [...numbers].sort((a, b) => a - b) }).toEqual({
      prefix,
      numbers: numbers.map((_, i) => i + 1),
    });
  }
});
