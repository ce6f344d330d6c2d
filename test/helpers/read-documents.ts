/**
 * Reading generated documents back as a person would: a DOCX's text from its XML (`unzip -p`), a PDF's text and
 * fonts through poppler-utils (`pdftotext`, `pdffonts`), the way CI's machine has them (`.ci/run`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Runs `tool` on `bytes` written to a temporary file, and answers what it prints. */
function onFile(bytes: Uint8Array, ext: string, tool: string, args: (file: string) => string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'document-'));
  try {
    const file = path.join(dir, `document.${ext}`);
    writeFileSync(file, bytes);
    return execFileSync(tool, args(file), { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The XML of one part of a DOCX (`word/document.xml` by default). */
export function docxXml(bytes: Uint8Array, part = 'word/document.xml'): string {
  return onFile(bytes, 'docx', 'unzip', (f) => ['-p', f, part]);
}

/** The text of a DOCX: its runs' text joined, paragraph by paragraph. */
export function docxText(bytes: Uint8Array): string {
  return docxXml(bytes)
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}

/** The text of a PDF, as pdftotext reads it, with the line breaks inside paragraphs removed. */
export function pdfText(bytes: Uint8Array): string {
  return onFile(bytes, 'pdf', 'pdftotext', (f) => ['-enc', 'UTF-8', f, '-']).replace(/\n(?!\n)/g, '');
}

/** pdffonts' table of the fonts a PDF uses. */
export function pdfFontsTable(bytes: Uint8Array): string {
  return onFile(bytes, 'pdf', 'pdffonts', (f) => [f]);
}
