/**
 * The fonts the PDF embeds: GB/T 9704-2012 names 方正小标宋, 仿宋_GB2312, 黑体 and 楷体, which are not free to
 * ship, so the PDF embeds (subset) their free stand-ins from Debian's `fonts-noto-cjk` package: Noto Serif CJK SC for
 * the text (仿宋), its bold for the issuer's mark and the title (小标宋), Noto Sans CJK SC for first-level headings
 * (黑体). The Docker image and CI install the package (`.ci/run`, `Dockerfile`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { DOCUMENT_TEXTS } from '../domain/texts';

/** Where Debian's fonts-noto-cjk puts its collections. */
export const NOTO_CJK_DIR = '/usr/share/fonts/opentype/noto';

/** A face of a font collection (.ttc): its file and the PostScript name of the face. */
export interface FontFace {
  readonly file: string;
  readonly face: string;
}

/** The faces the PDF uses, by their use. */
export interface PdfFonts {
  readonly text: FontFace;
  readonly title: FontFace;
  readonly heading: FontFace;
}

/**
 * A collection's bytes, read once per process on first use: embedding reads the three collections (73 MB) for every
 * document otherwise, which doubled the time a PDF takes on a loaded machine. A worker that never issues a document
 * never reads them.
 */
const collections = new Map<string, Buffer>();
export function fontBytes(file: string): Buffer {
  let bytes = collections.get(file);
  if (!bytes) collections.set(file, (bytes = readFileSync(file)));
  return bytes;
}

/** The faces under `dir`; throws naming the package when a file is missing, so the operator knows what to install. */
export function pdfFonts(dir: string = NOTO_CJK_DIR): PdfFonts {
  const fonts: PdfFonts = {
    text: { file: path.join(dir, 'NotoSerifCJK-Regular.ttc'), face: 'NotoSerifCJKsc-Regular' },
    title: { file: path.join(dir, 'NotoSerifCJK-Bold.ttc'), face: 'NotoSerifCJKsc-Bold' },
    heading: { file: path.join(dir, 'NotoSansCJK-Regular.ttc'), face: 'NotoSansCJKsc-Regular' },
  };
  for (const { file } of Object.values(fonts)) {
    if (!existsSync(file)) throw new Error(DOCUMENT_TEXTS.fontMissing(file));
  }
  return fonts;
}
