/**
 * `npm run documents:samples`: renders the first page of every kind of document of a sample case (the requests of
 * test/helpers/document-requests.ts) as PNG into docs/documents/, through the same builders and PDF renderer the
 * workers use and poppler-utils' pdftoppm, so a reader of docs/DOCUMENTS.md sees what officers get.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { projectRoot } from '../config/paths';
import { buildDocument } from '../domain/documents/build';
import { DOCUMENT_KINDS } from '../domain/documents/kinds';
import { documentNumber, documentNumbering } from '../domain/documents/numbers';
import { renderPdf } from '../documents/pdf';
import { pdfFonts } from '../documents/pdf-fonts';
import { SAMPLE_CASE_NUMBER, sampleRequest } from '../test/helpers/document-requests';

/** Pixels per inch of the samples: an A4 page 413 pixels wide, legible and small enough to keep in the repository. */
const DPI = 50;

async function main(): Promise<void> {
  const out = path.join(projectRoot, 'docs', 'documents');
  mkdirSync(out, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), 'document-samples-'));
  try {
    for (const kind of DOCUMENT_KINDS) {
      const request = sampleRequest(kind);
      // The numbers the sample requests cite: the decision is 宛纪容决〔2026〕3号, the report 宛纪容查〔2026〕4号.
      const n = kind === 'investigationReport' ? 4 : 3;
      const number = documentNumber(documentNumbering(SAMPLE_CASE_NUMBER, request.handlingBody, kind, 2026), n);
      const pdf = path.join(work, `${kind}.pdf`);
      writeFileSync(pdf, await renderPdf(buildDocument(request, number), pdfFonts()));
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        String(DPI),
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdf,
        path.join(out, kind),
      ]);
      process.stdout.write(`docs/documents/${kind}.png  ${number}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
