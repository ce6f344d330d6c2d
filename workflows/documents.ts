/**
 * Issuing the written documents of a case (release 0.5.0 on, `c.revision5`): one activity per document, which
 * numbers, renders and stores it (`activities/documents`); the case keeps what was issued and records its kind,
 * 发文字号 and SHA-256 in the timeline. Issuing runs beside the handlers, so an officer's action answers at once and
 * a slow rendering never holds the procedure; the main loop waits for it before continuing as new. The timeline
 * names the two renderings in the words offices use, 版式文件 (the PDF) and 流式文件 (the DOCX), each with its
 * SHA-256 digest (摘要).
 */
import { condition } from '@temporalio/workflow';

import { shanghaiDateOf } from '../domain/dates';
import { CITY_LEVEL } from '../domain/org-tree';
import type { DocumentKind } from '../domain/documents/kinds';
import { DOCUMENT_TEXTS } from '../domain/texts';
import type { DocumentDetail, DocumentRequest, IssuedDocument } from '../domain/documents/request';
import type { TimelineKind } from '../domain/case';
import { shanghaiToday } from './clock';
import type { CaseData } from './case-data';
import type { CaseContext } from './context';

/** The document of `kind` issued last, if any. */
export function issuedOf(c: CaseContext, kind: DocumentKind): IssuedDocument | undefined {
  return c.data.documents?.filter((d) => d.kind === kind).at(-1);
}

/** The date (Asia/Shanghai) of the latest timeline entry of `kind`, or today. */
export function dateOf(c: CaseContext, kind: TimelineKind): string {
  const entry = c.data.timeline.filter((e) => e.kind === kind).at(-1);
  return entry ? shanghaiDateOf(entry.at) : shanghaiToday();
}

/**
 * The ids of the documents this run asked for, in the order of their steps. Issued documents complete in any order
 * (their numbers and renderings run side by side), and the case lists them in the order they were asked; those of
 * an earlier run were all issued before it continued as new, so they stay first.
 */
const askedInRun = new WeakMap<CaseData, string[]>();

/** Files `issued` among the case's documents in the order its step asked for it. */
function fileInOrder(d: CaseData, issued: IssuedDocument): void {
  const asked = askedInRun.get(d) ?? [];
  const rank = (id: string) => asked.indexOf(id);
  const documents = (d.documents ??= []);
  const after = documents.findIndex((doc) => rank(doc.id) > rank(issued.id));
  if (after < 0) documents.push(issued);
  else documents.splice(after, 0, issued);
}

/** What a step hands over for its document: the detail, and the issued document it corrects, if any. */
export interface DocumentSource<K extends DocumentKind> {
  readonly detail: Extract<DocumentDetail, { kind: K }>;
  readonly corrects?: string;
}

/**
 * Issues a document of `kind` in the background, with its id and date taken now; `prepare` gives its content once
 * the documents it names (the report a decision rests on, the decision a feedback letter cites) are issued, and the
 * number of an issued document this one takes the place of, which stays as it was issued. Only cases begun on
 * revision 5 call this.
 */
export function issueDocument<K extends DocumentKind>(
  c: CaseContext,
  kind: K,
  prepare: (n: number) => DocumentSource<K> | Promise<DocumentSource<K>>,
): void {
  const counts = (c.data.documentCounts ??= {});
  const n = (counts[kind] ?? 0) + 1;
  counts[kind] = n;
  const id = `${kind}-${n}`;
  const issuedOn = shanghaiToday();
  askedInRun.set(c.data, [...(askedInRun.get(c.data) ?? []), id]);
  const s = c.data.submission;
  const place = c.data.place;
  c.bg.run(() =>
    c.bg.effect(async () => {
      const { detail, corrects } = await prepare(n);
      const request: DocumentRequest = {
        caseNumber: c.caseNumber,
        id,
        issuedOn,
        handlingBody: s.handlingBody,
        ...(place && place.level !== CITY_LEVEL
          ? { level: { id: place.level, name: place.levelName, partyCommittee: place.bodies.partyCommittee } }
          : {}),
        party: { kind: s.party.kind, name: s.party.name, unit: s.party.unit },
        situation: c.data.submission.situation,
        origin: s.origin,
        fastTrack: c.data.submission.fastTrack,
        ...(corrects ? { corrects } : {}),
        detail,
      };
      const issued = await c.activities.documents.issueDocument(request);
      fileInOrder(c.data, issued);
      c.record('documentIssued', DOCUMENT_TEXTS.issued(issued));
    }),
  );
}

/**
 * The document of `kind` issued last, once the first `count` of that kind (all asked for so far, by default) are
 * issued: what follows may name it. Adds no command to the history (a condition without a timeout).
 */
export async function settledDocument(
  c: CaseContext,
  kind: DocumentKind,
  count = c.data.documentCounts?.[kind] ?? 0,
): Promise<IssuedDocument | undefined> {
  await condition(() => (c.data.documents ?? []).filter((d) => d.kind === kind).length >= count);
  return issuedOf(c, kind);
}
