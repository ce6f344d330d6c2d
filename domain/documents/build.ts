/**
 * Builds the document a step issues, from the case's own data, laid out after GB/T 9704-2012: the builders of each
 * kind decide title, addressee and body (`notices.ts`, `records.ts`); this adds the 版头 (issuer and number), the
 * signature, the date and the seal, and a correction's first line. Pure: the same request and number always give
 * the same document.
 */
import type { DocumentKind } from './kinds';
import { DOCUMENT_KIND_RULES } from './kinds';
import type { OfficialDocument } from './layout';
import { chineseDate } from './layout';
import type { DocumentContent } from './notices';
import { acceptanceNotice, declineNotice, feedbackLetter, nameClearingLetter, rectificationNotice } from './notices';
import { announcement, decision, followUpRecord, handlingOpinionForm, investigationReport } from './records';
import type { DocumentRequest } from './request';
import { correctionText, issuerOf } from './texts';

/** The content of `r`'s kind, dispatched on its detail so each builder gets the detail of its own kind. */
function content(r: DocumentRequest): DocumentContent {
  const d = r.detail;
  switch (d.kind) {
    case 'acceptanceNotice':
      return acceptanceNotice(r, d);
    case 'declineNotice':
      return declineNotice(r, d);
    case 'handlingOpinionForm':
      return handlingOpinionForm(r, d);
    case 'rectificationNotice':
      return rectificationNotice(r, d);
    case 'investigationReport':
      return investigationReport(r, d);
    case 'decision':
      return decision(r, d);
    case 'feedbackLetter':
      return feedbackLetter(r, d);
    case 'announcement':
      return announcement(r, d);
    case 'nameClearingLetter':
      return nameClearingLetter(r, d);
    case 'followUpRecord':
      return followUpRecord(r, d);
  }
}

/** The kind of document `r` asks for. */
export function kindOf(r: DocumentRequest): DocumentKind {
  return r.detail.kind;
}

/** The whole document `r` issues under `number`. */
export function buildDocument(r: DocumentRequest, number: string): OfficialDocument {
  const c = content(r);
  const issuer = issuerOf(r.handlingBody, r.level);
  return {
    issuer: issuer.mark,
    number,
    title: c.title,
    ...(c.addressee ? { addressee: c.addressee } : {}),
    body: r.corrects ? [{ text: correctionText(r.corrects) }, ...c.body] : c.body,
    signer: issuer.signer,
    date: chineseDate(r.issuedOn),
    sealed: DOCUMENT_KIND_RULES[r.detail.kind].sealed,
    ...(c.note ? { note: c.note } : {}),
    ...(c.copyTo ? { copyTo: c.copyTo } : {}),
  };
}
