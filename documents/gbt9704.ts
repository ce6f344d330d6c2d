/**
 * The measures of GB/T 9704-2012 both renderers lay documents out by: A4, the 版心 of 156 mm × 225 mm placed by its
 * margins (天头 37 mm, 订口 28 mm), 22 lines of 28 characters in 三号 (16 pt), and the fonts named as the standard
 * names them. The PDF cannot rely on a reader's fonts, so it embeds free stand-ins of the same styles
 * (`pdf-fonts.ts`); the DOCX names the standard's fonts, which an office's machines have.
 */

/** Millimetres of the page and its margins. */
export const PAGE_MM = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 } as const;

/** Font sizes in points: 二号 for the title, 三号 for the text, 四号 for the page number and the 版记. */
export const SIZE_PT = { mark: 26, title: 22, text: 16, small: 14 } as const;

/** Line pitch: 225 mm of 版心 over 22 lines. */
export const LINE_PT = (225 / 22) * (72 / 25.4);

/** The fonts GB/T 9704-2012 names, by their use. */
export const FONTS = {
  /** 发文机关标志 and 标题. */
  title: '方正小标宋简体',
  /** 正文, 主送机关, 发文字号, 署名, 成文日期. */
  body: '仿宋_GB2312',
  /** 一级标题 (一、). */
  heading1: '黑体',
  /** 二级标题 (（一）). */
  heading2: '楷体_GB2312',
  /** 页码. */
  pageNumber: '宋体',
} as const;

/** The red of the 发文机关标志 and the separator line. */
export const RED = 'C00000';

/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;
