/**
 * The written documents: built from the case's own data in the seed's words, laid out after GB/T 9704-2012, numbered
 * in a series per body, family and year, rendered as DOCX and PDF that read back with the case's number, party,
 * decision and dates, and kept sealed and unchanged in the document store.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { buildDocument } from '../../domain/documents/build';
import { DOCUMENT_KIND_RULES, DOCUMENT_KINDS } from '../../domain/documents/kinds';
import { documentNumber, documentNumbering } from '../../domain/documents/numbers';
import { NEGATIVE_LIST } from '../../domain/negative-list';
import { FileDocumentStore, sha256Hex } from '../../documents/document-store';
import { renderDocx } from '../../documents/docx';
import { renderPdf } from '../../documents/pdf';
import { render } from '../../documents/render-thread';
import { pdfFonts } from '../../documents/pdf-fonts';
import type { IssuedDocument } from '../../domain/documents/request';
import { SAMPLE_CASE_NUMBER, sampleRequest } from '../helpers/document-requests';
import { TEST_PAYLOAD_KEYS } from '../helpers/payload-keys';
import { docxText, docxXml, pdfFontsTable, pdfText } from '../helpers/read-documents';

const NUMBER = '宛纪容决〔2026〕3号';

describe('each kind of document is built from the case’s data', () => {
  test.each(DOCUMENT_KINDS)('%s names the issuer, its number, the case, the party and its date', (kind) => {
    const doc = buildDocument(sampleRequest(kind), NUMBER);
    const text = [
      doc.issuer,
      doc.number,
      doc.title,
      doc.addressee ?? '',
      ...doc.body.map((p) => p.text),
      doc.date,
    ].join('\n');
    expect(doc.issuer).toContain('中共南阳市纪律检查委员会');
    expect(doc.number).toBe(NUMBER);
    expect(text).toContain(SAMPLE_CASE_NUMBER);
    expect(text).toContain('李娜');
    expect(doc.date).toBe('2026年12月2日');
    expect(doc.sealed).toBe(DOCUMENT_KIND_RULES[kind].sealed);
  });

  test('the decision states the outcome, its terms, the meeting, the impact period and the officials cleared', () => {
    const doc = buildDocument(sampleRequest('decision'), NUMBER);
    const text = doc.body.map((p) => p.text).join('\n');
    expect(doc.title).toBe('关于对李娜同志予以减责的决定');
    expect(text).toContain('予以减责（从轻追究责任，仍需承担：诫勉谈话）');
    expect(text).toContain('2026年11月20日');
    expect(text).toContain('应到7人，实到6人，表决同意6票、不同意0票');
    expect(text).toContain('影响期6个月');
    expect(text).toContain('不再追究王强（区营商环境服务中心主任）的领导责任');
    expect(text).toContain('本决定存入干部人事档案和廉政档案');
  });

  test('the investigation report assesses the six aspects and records every item of the negative list', () => {
    const doc = buildDocument(sampleRequest('investigationReport'), NUMBER);
    const text = doc.body.map((p) => p.text).join('\n');
    for (const aspect of ['动机态度', '客观条件', '程序方法', '性质程度', '后果影响', '个人表现']) {
      expect(text).toContain(`察看${aspect}`);
    }
    for (const item of Object.values(NEGATIVE_LIST)) expect(text).toContain(`${item.name}：未查实`);
    expect(text).toContain('积极采取有效措施补救：符合');
    expect(text).toContain('建议减责');
    expect(doc.body.filter((p) => p.level === 1).map((p) => p.text)).toEqual([
      '一、基本情况',
      '二、调查核实情况',
      '三、六个方面察看',
      '四、不予容错情形（负面清单）核查',
      '五、情形条件',
      '六、容错建议',
    ]);
  });

  test('a correction names the document it corrects first, and leaves that one as it was', () => {
    const doc = buildDocument({ ...sampleRequest('investigationReport'), corrects: '宛纪容查〔2026〕4号' }, NUMBER);
    expect(doc.body[0].text).toBe('本件更正宛纪容查〔2026〕4号，原件作废，以本件为准。');
  });

  test('the notices addressed to the party are the ones the applicant may read', () => {
    const toParty = DOCUMENT_KINDS.filter((k) => DOCUMENT_KIND_RULES[k].toParty);
    expect(toParty).toEqual([
      'acceptanceNotice',
      'declineNotice',
      'rectificationNotice',
      'feedbackLetter',
      'nameClearingLetter',
    ]);
  });
});

describe('发文字号 are numbered per body, family and year', () => {
  test('in the office’s own series, read off the case number', () => {
    const n = documentNumbering('宛纪容〔2026〕12号', 'disciplineCommission', 'decision', 2026);
    expect(n).toEqual({ workflowId: 'numbering/disciplineCommission/2026/decision', pattern: '宛纪容决〔2026〕{n}号' });
    expect(documentNumber(n, 3)).toBe('宛纪容决〔2026〕3号');
  });

  test('a deployment’s series of its own numbers its documents in it too', () => {
    const n = documentNumbering('TQXZ纪容〔2026〕1号', 'disciplineCommission', 'feedbackLetter', 2027);
    expect(n).toEqual({
      workflowId: 'numbering-TQXZ/disciplineCommission/2027/feedback',
      pattern: 'TQXZ纪容反〔2027〕{n}号',
    });
  });

  test('a case number of the first form takes the body’s default 代字; notices of acceptance share one series', () => {
    const accept = documentNumbering('NY-2026-0001', 'organizationDepartment', 'acceptanceNotice', 2026);
    const decline = documentNumbering('NY-2026-0001', 'organizationDepartment', 'declineNotice', 2026);
    expect(accept.pattern).toBe('宛组容受〔2026〕{n}号');
    expect(decline.workflowId).toBe(accept.workflowId);
  });
});

describe('a county or district issues in its own name and numbers', () => {
  const dongcheng = { id: 'dongcheng', name: '东城区', partyCommittee: '东城区委' };

  test('its documents carry its own bodies’ names, never the city’s', () => {
    const doc = buildDocument({ ...sampleRequest('decision'), level: dongcheng }, '东城纪容决〔2026〕1号');
    expect(doc.issuer).toBe('中共东城区纪律检查委员会\n东城区监察委员会');
    expect(doc.signer).toBe('中共东城区纪律检查委员会');
    const dept = buildDocument(
      { ...sampleRequest('acceptanceNotice'), handlingBody: 'organizationDepartment', level: dongcheng },
      'x',
    );
    expect(dept.issuer).toBe('中共东城区委组织部');
  });

  test('its numbers run in a series of its own, led by its short name', () => {
    const n = documentNumbering('宛纪容〔2026〕12号', 'disciplineCommission', 'decision', 2026, dongcheng);
    expect(n).toEqual({
      workflowId: 'numbering/dongcheng/disciplineCommission/2026/decision',
      pattern: '东城纪容决〔2026〕{n}号',
    });
    const city = documentNumbering('宛纪容〔2026〕12号', 'disciplineCommission', 'decision', 2026);
    expect(city.workflowId).not.toBe(n.workflowId);
    const county = { id: 'nanxian', name: '南县' };
    expect(documentNumbering('宛组容〔2026〕1号', 'organizationDepartment', 'decision', 2026, county).pattern).toBe(
      '南组容决〔2026〕{n}号',
    );
  });
});

describe('the renderings read back', () => {
  const decision = buildDocument(sampleRequest('decision'), NUMBER);

  test('renders on a thread of its own, and a rendering its activity gives up (a worker stopping) ends at once', async () => {
    const stopping = new AbortController();
    const given = render(decision, pdfFonts(), stopping.signal);
    stopping.abort(new Error('worker stopping'));
    await expect(given).rejects.toThrow('worker stopping');
    const { docx, pdf } = await render(decision, pdfFonts());
    expect(docxText(docx)).toContain(NUMBER);
    expect(pdfText(pdf)).toContain('予以减责');
  });

  test('the DOCX is A4 with the standard’s margins and names the standard’s fonts', async () => {
    const docx = await renderDocx(decision);
    const xml = docxXml(docx);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    for (const font of ['方正小标宋简体', '仿宋_GB2312']) expect(xml).toContain(`w:eastAsia="${font}"`);
    const text = docxText(docx);
    for (const words of [NUMBER, SAMPLE_CASE_NUMBER, '李娜', '予以减责', '2026年11月20日', '2026年12月2日']) {
      expect(text).toContain(words);
    }
  });

  test('the report’s DOCX sets its first-level headings in 黑体', async () => {
    const xml = docxXml(await renderDocx(buildDocument(sampleRequest('investigationReport'), NUMBER)));
    expect(xml).toContain('w:eastAsia="黑体"');
  });

  test('the PDF embeds its Chinese fonts and its text holds the number, the party, the decision and the dates', async () => {
    const pdf = await renderPdf(decision, pdfFonts());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const fonts = pdfFontsTable(pdf);
    expect(fonts).toMatch(/NotoSerifCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/NotoSerifCJKsc-Bold\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    const text = pdfText(pdf);
    for (const words of [
      '中共南阳市纪律检查委员会',
      NUMBER,
      SAMPLE_CASE_NUMBER,
      '关于对李娜同志予以减责的决定',
      '予以减责',
      '2026年11月20日',
      '2026年12月2日',
    ]) {
      expect(text).toContain(words);
    }
    // The page number below the 版心 (pdftotext drops the spaces around it).
    expect(text).toContain('—1—');
  });
});

describe('the document store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'documents-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const issued = (number: string): IssuedDocument => ({
    id: 'decision-1',
    kind: 'decision',
    number,
    title: '关于对李娜同志予以减责的决定',
    issuedOn: '2026-12-02',
    addressee: '南阳市某区营商环境服务中心',
    toParty: false,
    sha256: { docx: 'a'.repeat(64), pdf: 'b'.repeat(64) },
  });

  test('keeps a rendering sealed under its SHA-256 and gives it back unchanged', async () => {
    const store = new FileDocumentStore(dir, TEST_PAYLOAD_KEYS);
    const pdf = await renderPdf(buildDocument(sampleRequest('feedbackLetter'), NUMBER), pdfFonts());
    const sha = await store.put(pdf, 'pdf', 'disciplineCommission');
    expect(sha).toBe(sha256Hex(pdf));
    const [name] = readdirSync(path.join(dir, 'blobs'));
    expect(name).toBe(`${sha}.pdf`);
    const atRest = readFileSync(path.join(dir, 'blobs', name));
    expect(atRest.includes('%PDF')).toBe(false);
    expect(Buffer.compare((await store.read(sha, 'pdf')) as Buffer, pdf)).toBe(0);
  });

  test('refuses a rendering altered at rest, and one filed under another name', async () => {
    const store = new FileDocumentStore(dir, TEST_PAYLOAD_KEYS);
    const sha = await store.put(Buffer.from('原件'), 'docx', 'disciplineCommission');
    const other = await store.put(Buffer.from('另一件'), 'docx', 'disciplineCommission');
    const file = (s: string) => path.join(dir, 'blobs', `${s}.docx`);
    writeFileSync(file(sha), readFileSync(file(other)));
    await expect(store.read(sha, 'docx')).rejects.toThrow('does not open');
    expect(await store.read('../../etc/passwd', 'docx')).toBeUndefined();
  });

  test('files an issued document once: a later filing of the same id gets the first one back', async () => {
    const store = new FileDocumentStore(dir, TEST_PAYLOAD_KEYS);
    const first = await store.fileIssued(SAMPLE_CASE_NUMBER, 'disciplineCommission', issued(NUMBER));
    const again = await store.fileIssued(SAMPLE_CASE_NUMBER, 'disciplineCommission', issued('宛纪容决〔2026〕4号'));
    expect(again).toEqual(first);
    expect(await store.issued(SAMPLE_CASE_NUMBER, 'decision-1')).toEqual(first);
    expect(await store.issued(SAMPLE_CASE_NUMBER, 'decision-2')).toBeUndefined();
    const [record] = readdirSync(path.join(dir, 'issued'));
    expect(readFileSync(path.join(dir, 'issued', record), 'utf8')).not.toContain('李娜');
  });
});
