/**
 * A document as GB/T 9704-2012 (党政机关公文格式) lays it out, before any file format: the 版头 (份号, 发文机关标志,
 * 发文字号), the 主体 (标题, 主送机关, 正文 with its headings, 附件说明, 发文机关署名, 成文日期, 印章, 附注) and the
 * 版记 (抄送机关). The renderers (DOCX, PDF) only place these elements; every word is decided here.
 */

/** A paragraph of the body: plain text, or a heading of the first (一、 黑体) or second (（一） 楷体) level. */
export interface BodyParagraph {
  readonly text: string;
  readonly level?: 1 | 2;
}

export interface OfficialDocument {
  /** 发文机关标志: the issuing body's full name, printed red above the number. */
  readonly issuer: string;
  /** 发文字号: 宛纪容决〔2026〕3号. */
  readonly number: string;
  readonly title: string;
  /** 主送机关, printed flush left and followed by a colon; absent on internal forms and records. */
  readonly addressee?: string;
  readonly body: readonly BodyParagraph[];
  /** 发文机关署名. */
  readonly signer: string;
  /** 成文日期 in Arabic numerals, as GB/T 9704-2012 writes it: 2026年12月2日. */
  readonly date: string;
  /** The seal is stamped over the signer and the date (加盖印章). */
  readonly sealed: boolean;
  /** 附注, in parentheses below the date: （此件发至…） */
  readonly note?: string;
  /** 抄送机关, in the 版记. */
  readonly copyTo?: string;
}

/** 2026-12-02 as the date line writes it: 2026年12月2日. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
