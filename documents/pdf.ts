/**
 * Renders a document as PDF (the form that is read, printed and archived) with `pdfkit`, embedding subsets of the
 * Chinese fonts of `pdf-fonts.ts`: A4 with the margins of GB/T 9704-2012, the red 发文机关标志 and separator line,
 * 22 lines to the page, first-line indent of two characters, signature and date to the right with the place of the
 * seal marked, the 版记 and the page number (— 1 —) below the 版心.
 */
import PDFDocument from 'pdfkit';

import type { BodyParagraph, OfficialDocument } from '../domain/documents/layout';
import { LINE_PT, PAGE_MM, PT_PER_MM, RED, SIZE_PT } from './gbt9704';
import type { PdfFonts } from './pdf-fonts';
import { fontBytes } from './pdf-fonts';

const pt = (mm: number) => mm * PT_PER_MM;
const MARGINS = { top: pt(PAGE_MM.top), bottom: pt(PAGE_MM.bottom), left: pt(PAGE_MM.left), right: pt(PAGE_MM.right) };
const WIDTH = pt(PAGE_MM.width) - MARGINS.left - MARGINS.right;
/** One character of 三号 text: indents are counted in characters. */
const CHAR = SIZE_PT.text;
/** The seal's place: an official seal is 42 mm across. */
const SEAL_RADIUS = pt(21);

type Doc = InstanceType<typeof PDFDocument>;

/** Sets font and size, and the gap that makes lines fall at the standard's pitch. */
function use(doc: Doc, font: 'text' | 'title' | 'heading', size: number, pitch = LINE_PT): number {
  doc.font(font).fontSize(size);
  return Math.max(0, pitch - doc.currentLineHeight(false));
}

function paragraph(doc: Doc, p: BodyParagraph): void {
  const lineGap = use(doc, p.level === 1 ? 'heading' : 'text', SIZE_PT.text);
  doc.fillColor('black').text(p.text, MARGINS.left, undefined, {
    width: WIDTH,
    indent: 2 * CHAR,
    lineGap,
    align: 'justify',
  });
}

function header(doc: Doc, d: OfficialDocument): void {
  for (const line of d.issuer.split('\n')) {
    const lineGap = use(doc, 'title', SIZE_PT.mark, SIZE_PT.mark * 1.4);
    doc.fillColor(`#${RED}`).text(line, MARGINS.left, undefined, { width: WIDTH, align: 'center', lineGap });
  }
  doc.moveDown(1);
  const lineGap = use(doc, 'text', SIZE_PT.text);
  doc.fillColor('black').text(d.number, MARGINS.left, undefined, { width: WIDTH, align: 'center', lineGap });
  // The separator that closes the 版头: red, across the 版心, 4 mm below the number.
  const y = doc.y + pt(2);
  doc
    .save()
    .moveTo(MARGINS.left, y)
    .lineTo(MARGINS.left + WIDTH, y)
    .lineWidth(1.2)
    .strokeColor(`#${RED}`)
    .stroke();
  doc.restore();
  doc.y = y + LINE_PT;
}

function signature(doc: Doc, d: OfficialDocument): void {
  const lineGap = use(doc, 'text', SIZE_PT.text);
  doc.moveDown(1);
  if (doc.y + 3 * LINE_PT > pt(PAGE_MM.height) - MARGINS.bottom) doc.addPage();
  const top = doc.y;
  doc.text(d.signer, MARGINS.left, undefined, { width: WIDTH - 2 * CHAR, align: 'right', lineGap });
  doc.text(d.date, MARGINS.left, undefined, { width: WIDTH - 4 * CHAR, align: 'right', lineGap });
  if (d.sealed) {
    // 加盖印章: the seal covers the signer and the date; marked here as a dashed red ring.
    const cx = MARGINS.left + WIDTH - 4 * CHAR - doc.widthOfString(d.date) / 2;
    const cy = (top + doc.y) / 2;
    doc.save().circle(cx, cy, SEAL_RADIUS).lineWidth(0.8).dash(3, { space: 3 }).strokeColor(`#${RED}`).stroke();
    doc.undash().restore();
  }
  if (d.note) doc.text(d.note, MARGINS.left + 2 * CHAR, undefined, { width: WIDTH - 2 * CHAR, lineGap });
}

function copyTo(doc: Doc, d: OfficialDocument): void {
  if (!d.copyTo) return;
  const lineGap = use(doc, 'text', SIZE_PT.small);
  doc.moveDown(2);
  const top = doc.y - pt(1);
  doc.text(`抄送：${d.copyTo}。`, MARGINS.left + CHAR, undefined, { width: WIDTH - 2 * CHAR, lineGap });
  const bottom = doc.y + pt(1);
  for (const y of [top, bottom]) {
    doc
      .save()
      .moveTo(MARGINS.left, y)
      .lineTo(MARGINS.left + WIDTH, y)
      .lineWidth(0.5)
      .strokeColor('black')
      .stroke();
    doc.restore();
  }
}

/** — 1 — on every page, 7 mm below the 版心. */
function pageNumbers(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    use(doc, 'text', SIZE_PT.small);
    const y = pt(PAGE_MM.height) - MARGINS.bottom + pt(7);
    // Below the bottom margin: without it pdfkit would start a new page for the line.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.text(`— ${i + 1} —`, MARGINS.left, y, { width: WIDTH, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** The document as a PDF file, with `fonts` embedded. */
export function renderPdf(d: OfficialDocument, fonts: PdfFonts): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    info: { Title: d.title, Author: d.signer, Subject: d.number },
    lang: 'zh-CN',
  });
  for (const [name, { file, face }] of Object.entries(fonts)) doc.registerFont(name, fontBytes(file), face);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  header(doc, d);
  const titleGap = use(doc, 'title', SIZE_PT.title, SIZE_PT.title * 1.5);
  doc.fillColor('black').text(d.title, MARGINS.left, undefined, { width: WIDTH, align: 'center', lineGap: titleGap });
  doc.moveDown(0.5);
  if (d.addressee) {
    const lineGap = use(doc, 'text', SIZE_PT.text);
    doc.text(`${d.addressee}：`, MARGINS.left, undefined, { width: WIDTH, lineGap });
  }
  for (const p of d.body) paragraph(doc, p);
  signature(doc, d);
  copyTo(doc, d);
  pageNumbers(doc);
  doc.end();
  return done;
}
