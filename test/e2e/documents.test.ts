/**
 * The documents over HTTP: an officer of the handling body lists every document the case issued and downloads each,
 * the applicant lists and downloads only the ones addressed to them, an internal document and another applicant's
 * case answer like nothing there, every download is the file whose SHA-256 the case recorded, and each read is in
 * the access log.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { sha256Hex } from '../../documents/document-store';
import type { Stack } from '../helpers/api';
import { api, eventually, startStack } from '../helpers/api';
import { application, report, REPORT_REF, shanghaiToday } from '../helpers/cases';
import { docxText, pdfText } from '../helpers/read-documents';

let stack: Stack;
let http: ReturnType<typeof api>;
let n: string;
let url: string;

/** Downloads a document's bytes as `as` reads it. */
async function download(file: string, as: string): Promise<{ status: number; type: string; bytes: Buffer }> {
  const res = await fetch(`${stack.baseUrl}${url}/documents/${file}`, {
    headers: { authorization: `Bearer ${stack.tokens[as]}` },
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

const list = (as: string) => http.get(`${url}/documents`, as);

beforeAll(async () => {
  stack = await startStack();
  http = api(stack);
  const created = await http.post('/cases', { submission: application() }, 'applicant.li');
  expect(created.status).toBe(201);
  n = created.body?.caseNumber;
  url = `/cases/${encodeURIComponent(n)}`;
  const step = async (p: string, body: unknown, as: string, status = 200) =>
    expect((await http.post(`${url}${p}`, body, as)).status).toBe(status);
  const reach = (stage: string) =>
    eventually(
      () => http.get(url, 'officer.dc'),
      (r) => r.body?.stage === stage,
      stage,
    );
  await step('/acceptance', { decision: 'accept', caseOfficer: 'officer.dc' }, 'officer.dc');
  await step('/handling-opinion', { opinion: '拟启动调查核实', route: 'investigate' }, 'officer.dc');
  await step('/handling-opinion/approval', { approved: true, comment: '同意' }, 'leader.dc', 202);
  await reach('investigation');
  await step('/investigation/team', { members: ['investigator.dc', '调查组成员乙'] }, 'officer.dc');
  for (const heard of ['party', 'unit']) {
    await step('/investigation/hearings', { heard, statementRef: heard, summary: '说明' }, 'investigator.dc');
  }
  await step('/investigation/report', { report: report('exempt') }, 'investigator.dc');
  await step('/investigation/report/review', { approved: true, comment: '同意' }, 'leader.dc', 202);
  await reach('determination');
  const determination = {
    meetingDate: shanghaiToday(),
    attendees: ['书记', '副书记', '委员甲', '委员乙', '委员丙'],
    membersTotal: 7,
    outcome: 'exempt',
    reasoning: '综合六个方面察看，依纪依规依法作出决定',
    minutesRef: '会议纪要〔2026〕9号',
    reportRef: REPORT_REF,
  };
  await step('/determination', { determination }, 'secretary.dc', 202);
  await reach('feedback');
  await step('/feedback', { documentRef: '见书面反馈意见书' }, 'officer.dc');
  // Acceptance notice, opinion form, report, decision, feedback letter.
  await eventually(
    () => list('officer.dc'),
    (r) => r.body?.documents?.length === 5,
    'five documents issued',
  );
});

afterAll(async () => {
  await stack?.stop();
});

test('an officer of the body lists every document with its kind, number, title, date, addressee and hashes', async () => {
  const { status, body } = await list('officer.dc');
  expect(status).toBe(200);
  expect(body?.documents.map((d: any) => d.kind)).toEqual([
    'acceptanceNotice',
    'handlingOpinionForm',
    'investigationReport',
    'decision',
    'feedbackLetter',
  ]);
  const decision = body?.documents[3];
  expect(decision).toMatchObject({
    id: 'decision-1',
    name: '容错纠错免责减责决定书',
    title: '关于对李娜同志予以容错免责的决定',
    issuedOn: shanghaiToday(),
    addressee: '南阳市某区营商环境服务中心',
    files: { pdf: `${url}/documents/decision-1.pdf`, docx: `${url}/documents/decision-1.docx` },
  });
  expect(decision.number).toMatch(/^T[A-Z]{4}纪容决〔\d{4}〕1号$/);
});

test('an officer downloads the decision as PDF and DOCX: the files the case recorded, with its number, party and decision', async () => {
  const decision = (await list('officer.dc')).body?.documents[3];
  const pdf = await download('decision-1.pdf', 'officer.dc');
  expect(pdf).toMatchObject({ status: 200, type: 'application/pdf' });
  expect(sha256Hex(pdf.bytes)).toBe(decision.sha256.pdf);
  const text = pdfText(pdf.bytes);
  for (const words of [decision.number, n, '李娜', '予以容错免责']) expect(text).toContain(words);
  const docx = await download('decision-1.docx', 'officer.dc');
  expect(docx.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  expect(sha256Hex(docx.bytes)).toBe(decision.sha256.docx);
  expect(docxText(docx.bytes)).toContain(decision.number);
});

test('the applicant lists and downloads only the notices addressed to them', async () => {
  const { status, body } = await list('applicant.li');
  expect(status).toBe(200);
  expect(body?.documents.map((d: any) => d.kind)).toEqual(['acceptanceNotice', 'feedbackLetter']);
  const feedback = await download('feedbackLetter-1.pdf', 'applicant.li');
  expect(feedback.status).toBe(200);
  const text = pdfText(feedback.bytes);
  expect(text).toContain(n);
  expect(text).toContain('容错免责');
});

test('the applicant cannot download an internal document, nor another applicant or another body the case’s', async () => {
  for (const file of ['decision-1.pdf', 'investigationReport-1.docx', 'handlingOpinionForm-1.pdf']) {
    const answer = await download(file, 'applicant.li');
    expect({ file, status: answer.status }).toEqual({ file, status: 404 });
    expect(answer.bytes.toString('utf8')).toContain('没有该文书，或无权查阅');
  }
  expect((await list('applicant.wang')).status).toBe(404);
  expect((await download('feedbackLetter-1.pdf', 'applicant.wang')).status).toBe(404);
  expect((await list('officer.od')).status).toBe(404);
  expect((await download('decision-1.pdf', 'operator')).status).toBe(404);
});

test('a file name that names no document answers 404 in Chinese', async () => {
  for (const file of ['decision-9.pdf', 'decision-1.exe', '..%2F..%2Fetc%2Fpasswd']) {
    const answer = await download(file, 'officer.dc');
    expect({ file, status: answer.status }).toEqual({ file, status: 404 });
  }
});

test('every list and download is recorded in the access log with the file read', async () => {
  await download('acceptanceNotice-1.pdf', 'applicant.li');
  const [file] = readdirSync(stack.accessLogDir);
  const records = readFileSync(path.join(stack.accessLogDir, file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { actor: string; what: string; caseNumbers: string[] });
  expect(records.at(-1)).toMatchObject({
    actor: 'applicant.li',
    caseNumbers: [n],
    what: 'GET /cases/{n}/documents/acceptanceNotice-1.pdf',
  });
  expect(records.map((r) => r.what)).toEqual(
    expect.arrayContaining(['GET /cases/{n}/documents', 'GET /cases/{n}/documents/decision-1.docx']),
  );
});

test('both routes are in the OpenAPI document, the download with its two media types', async () => {
  const doc = (await http.get('/openapi.json')).body as any;
  expect(doc.paths['/cases/{caseNumber}/documents'].get.operationId).toBe('listCaseDocuments');
  const download = doc.paths['/cases/{caseNumber}/documents/{file}'].get;
  expect(Object.keys(download.responses['200'].content).sort()).toEqual([
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ]);
});
