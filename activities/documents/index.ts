/**
 * The activity that issues a document (`issueDocument`): its number from its series, its content from the case's
 * data, DOCX and PDF rendered, both kept in the document store, and the issued record filed once. A retried attempt
 * finds the record filed by the first and answers it, so the case's timeline names one number and one hash.
 */
import { Context } from '@temporalio/activity';

import { buildDocument } from '../../domain/documents/build';
import { DOCUMENT_KIND_RULES } from '../../domain/documents/kinds';
import { DOCUMENT_TEXTS } from '../../domain/texts';
import type { DocumentRequest, IssuedDocument } from '../../domain/documents/request';
import type { DocumentStore } from '../../documents/document-store';
import { drawDocumentNumber } from './numbering';
import { render } from '../../documents/render-thread';
import type { PdfFonts } from '../../documents/pdf-fonts';
import { pdfFonts } from '../../documents/pdf-fonts';

/** What issuing needs: the store, and the fonts the PDF embeds (Debian's fonts-noto-cjk by default). */
export interface DocumentDependencies {
  readonly store: DocumentStore;
  readonly fonts?: () => PdfFonts;
}

/** `work`'s answer, or the cancellation's reason as soon as `signal` aborts, whichever comes first. */
function untilCancelled<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const cancelled = () => reject(signal.reason);
    signal.addEventListener('abort', cancelled, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', cancelled));
  });
}

export function createDocumentActivities(deps: DocumentDependencies) {
  const fonts = deps.fonts ?? (() => pdfFonts());
  return {
    async issueDocument(request: DocumentRequest): Promise<IssuedDocument> {
      const filed = await deps.store.issued(request.caseNumber, request.id);
      if (filed) return filed;
      const { client, info, cancellationSignal } = Context.current();
      // A worker shutting down cancels the attempt; the Update's wait must end with it, since the numbering workflow
      // it waits for has no worker left to answer. The worker's own connection ignores abort signals, so the wait
      // is raced with the cancellation; the number, once drawn, is the same on the next attempt (its Update ID).
      const number = await untilCancelled(cancellationSignal, drawDocumentNumber(client, info.taskQueue, request));
      const doc = buildDocument(request, number);
      const { docx, pdf } = await render(doc, fonts(), cancellationSignal);
      const body = request.handlingBody;
      const sha256 = { docx: await deps.store.put(docx, 'docx', body), pdf: await deps.store.put(pdf, 'pdf', body) };
      const kind = request.detail.kind;
      return deps.store.fileIssued(request.caseNumber, body, {
        id: request.id,
        kind,
        number,
        title: doc.title,
        issuedOn: request.issuedOn,
        // Internal forms and records have no 主送机关: they stay in the body's own file.
        addressee: doc.addressee ?? DOCUMENT_TEXTS.internalAddressee,
        toParty: DOCUMENT_KIND_RULES[kind].toParty,
        sha256,
        ...(request.corrects ? { corrects: request.corrects } : {}),
      });
    },
  };
}

export type DocumentActivities = ReturnType<typeof createDocumentActivities>;
