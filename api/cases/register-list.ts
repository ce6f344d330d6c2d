/**
 * `GET /cases` over the register (`register/`): every filter, sorted, paged by a keyset cursor (the last row's sort
 * key and case number, authenticated with the query it pages, like the visibility list's page token).
 */
import type { Response } from 'express';

import type { PartyIndex } from '../../codec/blind-index';
import type { CaseRegister, PagePosition } from '../../register/register';
import type { RegisterFilters } from '../../register/scope';
import { CASE_REQUEST_TEXTS, FIELD_TEXTS } from '../../domain/texts';
import type { ListScope } from '../auth/policy';
import { HttpProblem } from '../http/errors';
import type { CaseListFilters } from './case-list-query';

/** Seals and opens cursors for one query (`cursorCodec` of `case-list.ts`). */
export interface CursorCodec {
  seal(query: string, token: Uint8Array): string;
  open(query: string, cursor: string): Buffer | undefined;
}

function registerFilters(filters: CaseListFilters, parties: PartyIndex, role: string): RegisterFilters {
  return {
    ...(filters.actionable ? { openTo: role } : {}),
    ...(filters.stage ? { stage: filters.stage } : {}),
    ...(filters.handlingBody ? { handlingBody: filters.handlingBody } : {}),
    ...(filters.level ? { level: filters.level } : {}),
    ...(filters.unit ? { unitId: filters.unit } : {}),
    ...(filters.situation ? { situation: filters.situation } : {}),
    ...(filters.outcome ? { outcome: filters.outcome } : {}),
    ...(filters.fastTrack === undefined ? {} : { fastTrack: filters.fastTrack }),
    ...(filters.overdue === undefined ? {} : { overdue: filters.overdue }),
    ...(filters.dueBefore ? { dueBefore: filters.dueBefore } : {}),
    ...(filters.decidedFrom ? { decidedFrom: filters.decidedFrom } : {}),
    ...(filters.decidedTo ? { decidedTo: filters.decidedTo } : {}),
    ...(filters.year === undefined ? {} : { year: filters.year }),
    ...(filters.party === undefined ? {} : { partyKeys: parties.candidates(filters.party) }),
  };
}

/** The page position a cursor carries, or undefined when it is not one this query handed out. */
function position(token: Buffer | undefined): PagePosition | undefined {
  if (!token) return undefined;
  const parsed: unknown = JSON.parse(token.toString('utf8'));
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') return undefined;
  return { key: parsed[0], caseNumber: parsed[1] };
}

/** Answers one page of `GET /cases` from the register, within `scope`, for a caller of `role`. */
export async function listFromRegister(
  res: Response,
  register: CaseRegister,
  scope: ListScope,
  role: string,
  filters: CaseListFilters,
  parties: PartyIndex,
  cursors: CursorCodec,
): Promise<void> {
  const { cursor, limit, ...asked } = filters;
  // What the cursor is bound to: the caller's scope and every filter (the party's identifier only by its index).
  const query = JSON.stringify([scope, role, { ...asked, party: asked.party && parties.of(asked.party) }]);
  const after = cursor === undefined ? undefined : position(cursors.open(query, cursor));
  if (cursor !== undefined && !after) {
    throw new HttpProblem(400, 'Invalid cursor', CASE_REQUEST_TEXTS.invalidCursor, {
      errors: [{ field: 'cursor', message: FIELD_TEXTS.foreignCursor }],
    });
  }
  const page = await register.list(scope, registerFilters(filters, parties, role), {
    limit,
    ...(filters.sort ? { sort: filters.sort } : {}),
    ...(after ? { after } : {}),
  });
  const cases = scope.kind === 'all' ? page.items.map(({ caseNumber }) => ({ caseNumber })) : page.items;
  const next = page.next
    ? cursors.seal(query, Buffer.from(JSON.stringify([page.next.key, page.next.caseNumber]), 'utf8'))
    : undefined;
  res.json({ cases, total: page.total, limit, ...(next ? { nextCursor: next } : {}) });
}
