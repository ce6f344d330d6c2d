/**
 * The rule that no code reaches a person: a sentence of the timeline or a notice may name identifiers (a case
 * number, a user id, a calendar version, an archive receipt, a document reference or digest the case holds), never a code such
 * as `retaliation` or `noticeRefused`.
 *
 * A token is a run of ASCII letters and digits with the `.` `_` `:` `-` that join identifiers. A token that holds two
 * ASCII letters in a row is a code unless it is a case number, a calendar version, a UUID (archive receipts) or one
 * of the identifiers the case itself holds (`identifiersOf`). Single letters and numbers are never codes.
 */
import type { CaseState } from '../../domain/case';

const TOKEN = /[A-Za-z0-9](?:[A-Za-z0-9._:-]*[A-Za-z0-9])?/g;
const LETTERS = /[A-Za-z]{2}/;
const IDENTIFIER_SHAPES = [
  /^[A-Z]{2,10}-\d{4}-\d{1,6}$/, // case number
  /^cal-[0-9a-f]{12}$/, // calendar version
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, // archive receipt
];

/** The codes in `text`: tokens of two ASCII letters or more that are none of the allowed identifiers. */
export function codesIn(text: string, identifiers: ReadonlySet<string>): string[] {
  return (text.match(TOKEN) ?? []).filter(
    (token) => LETTERS.test(token) && !identifiers.has(token) && !IDENTIFIER_SHAPES.some((s) => s.test(token)),
  );
}

/** The identifiers a case holds: the people who act on it and the references recorded with it. */
export function identifiersOf(state: Partial<CaseState>): Set<string> {
  return new Set<string>([
    ...(state.caseOfficer ? [state.caseOfficer] : []),
    ...(state.investigationTeam ?? []),
    ...(state.timeline ?? []).flatMap((e) => (e.actor ? [e.actor.id] : [])),
    ...(state.evidenceRefs ?? []),
    ...(state.report ? [state.report.reportRef] : []),
    ...(state.determination ? [state.determination.minutesRef, ...state.determination.attendees] : []),
    // The SHA-256 digests of the documents the case issued.
    ...(state.documents ?? []).flatMap((d) => [d.sha256.pdf, d.sha256.docx]),
  ]);
}

/** Every timeline entry of `state` that names a code, with the codes it names: empty when all is in words. */
export function entriesWithCodes(state: Partial<CaseState>): string[] {
  const ids = identifiersOf(state);
  return (state.timeline ?? []).flatMap((e) => {
    const codes = codesIn(e.summary, ids);
    return codes.length ? [`${e.kind}: ${e.summary} [${codes.join(', ')}]`] : [];
  });
}
