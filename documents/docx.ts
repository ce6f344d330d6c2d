/**
 * Renders a document as DOCX (editable, for the office's own word processors) with the `docx` library: A4 and the
 * margins of GB/T 9704-2012, the red 发文机关标志 and separator, the fonts as the standard names them, exact line
 * pitch, first-line indent of two characters, the signature and the date to the right, the 版记 and the page number.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';

import type { BodyParagraph, OfficialDocument } from '../domain/documents/layout';
import { FONTS, LINE_PT, PAGE_MM, RED, SIZE_PT } from './gbt9704';

const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
/** One character of 三号 text, in twips: indents are counted in characters. */
const CHAR = SIZE_PT.text * 20;
const LINE = Math.round(LINE_PT * 20);

/** A run in `font` (East Asian text) with Times New Roman for Latin letters and digits, as offices set it. */
function run(text: string, font: string, sizePt: number, extra: { bold?: boolean; color?: string } = {}): TextRun {
  return new TextRun({
    text,
    font: { eastAsia: font, ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
    size: sizePt * 2,
    ...extra,
  });
}

const exact = { line: LINE, lineRule: LineRuleType.EXACT } as const;

function bodyParagraph(p: BodyParagraph): Paragraph {
  const font = p.level === 1 ? FONTS.heading1 : p.level === 2 ? FONTS.heading2 : FONTS.body;
  return new Paragraph({
    children: [run(p.text, font, SIZE_PT.text)],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * CHAR },
    spacing: exact,
  });
}

function header(doc: OfficialDocument): Paragraph[] {
  return [
    ...doc.issuer.split('\n').map(
      (line) =>
        new Paragraph({
          children: [run(line, FONTS.title, SIZE_PT.mark, { color: RED })],
          alignment: AlignmentType.CENTER,
          spacing: { line: Math.round(SIZE_PT.mark * 1.3 * 20), lineRule: LineRuleType.EXACT },
        }),
    ),
    new Paragraph({ children: [], spacing: exact }),
    // 发文字号, above the red separator line that closes the 版头.
    new Paragraph({
      children: [run(doc.number, FONTS.body, SIZE_PT.text)],
      alignment: AlignmentType.CENTER,
      spacing: { ...exact, after: 240 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } },
    }),
    new Paragraph({ children: [], spacing: exact }),
  ];
}

function signature(doc: OfficialDocument): Paragraph[] {
  return [
    new Paragraph({ children: [], spacing: exact }),
    new Paragraph({
      children: [run(doc.signer, FONTS.body, SIZE_PT.text)],
      alignment: AlignmentType.RIGHT,
      indent: { right: 2 * CHAR },
      spacing: exact,
    }),
    // 成文日期右空四字.
    new Paragraph({
      children: [run(doc.date, FONTS.body, SIZE_PT.text)],
      alignment: AlignmentType.RIGHT,
      indent: { right: 4 * CHAR },
      spacing: exact,
    }),
  ];
}

function copyTo(doc: OfficialDocument): Paragraph[] {
  if (!doc.copyTo) return [];
  const line = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } as const;
  return [
    new Paragraph({ children: [], spacing: exact }),
    new Paragraph({
      children: [run(`抄送：${doc.copyTo}。`, FONTS.body, SIZE_PT.small)],
      indent: { left: CHAR, right: CHAR },
      border: { top: line, bottom: line },
    }),
  ];
}

/** The document as a DOCX file. */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const children = [
    ...header(doc),
    new Paragraph({
      children: [run(doc.title, FONTS.title, SIZE_PT.title)],
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(SIZE_PT.title * 1.5 * 20), lineRule: LineRuleType.EXACT, after: LINE },
    }),
    ...(doc.addressee
      ? [new Paragraph({ children: [run(`${doc.addressee}：`, FONTS.body, SIZE_PT.text)], spacing: exact })]
      : []),
    ...doc.body.map(bodyParagraph),
    ...signature(doc),
    ...(doc.note
      ? [
          new Paragraph({
            children: [run(doc.note, FONTS.body, SIZE_PT.text)],
            indent: { left: 2 * CHAR },
            spacing: exact,
          }),
        ]
      : []),
    ...copyTo(doc),
  ];
  const file = new Document({
    title: doc.title,
    creator: doc.signer,
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(PAGE_MM.width), height: twips(PAGE_MM.height) },
            margin: {
              top: twips(PAGE_MM.top),
              bottom: twips(PAGE_MM.bottom),
              left: twips(PAGE_MM.left),
              right: twips(PAGE_MM.right),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: { eastAsia: FONTS.pageNumber, ascii: FONTS.pageNumber },
                    size: SIZE_PT.small * 2,
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(file);
}
