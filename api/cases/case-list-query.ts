/**
 * The filters of `GET /cases` and the Temporal visibility query they become. Every value in the query is a code
 * checked against its enum, a boolean, an instant or a token subject of plain characters, so nothing a client
 * sends can change the query's shape, and the caller's scope is always ANDed in.
 */
import { z } from 'zod';

import { HANDLING_BODIES, OUTCOMES, SITUATIONS, STAGES } from '../../domain/case';
import { REGISTER_SORTS } from '../../register/scope';
import { CITY_LEVEL } from '../../domain/org-tree';
import { FIELD_TEXTS } from '../../domain/texts';
import type { ListScope } from '../auth/policy';
import { partyIdentifier } from './schemas';

/**
 * A whole number in the query string, written in digits. Plain coercion would also take `limit=` (as 0) and a
 * repeated parameter (`['5']` as 5), values the document's `integer` rules out. Documented as that integer.
 */
function wholeNumber(min: number, max: number, fallback: number) {
  return z
    .string()
    .regex(/^\d{1,9}$/, FIELD_TEXTS.wholeNumber)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .default(fallback)
    .meta({ type: 'integer', minimum: min, maximum: max, default: fallback });
}

/** Codes of the organisation tree (levels and units), as its file's schema has them. */
const treeId = (message: string) => z.string().regex(/^[a-z][a-z0-9.-]{0,63}$/, message);

/**
 * The filters only the register answers (`register/`): Temporal's visibility holds neither units, dates of
 * decision nor years, nor sorts by them.
 */
const registerFilters = {
  level: treeId(FIELD_TEXTS.levelIdForm).optional().describe('cases handled at this level of the organisation tree'),
  unit: treeId(FIELD_TEXTS.unitIdForm).optional().describe('cases about a party of this unit of the organisation tree'),
  situation: z.enum(SITUATIONS).optional(),
  decidedFrom: z.iso.date().optional().describe('decided on or after this date (Beijing), YYYY-MM-DD'),
  decidedTo: z.iso.date().optional().describe('decided on or before this date (Beijing), YYYY-MM-DD'),
  year: z
    .string()
    .regex(/^\d{4}$/, FIELD_TEXTS.yearForm)
    .transform(Number)
    .optional()
    .meta({ type: 'integer', minimum: 1000, maximum: 9999 })
    .describe('cases submitted in this year (Beijing)'),
  actionable: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only the cases in which the caller’s role has an action open now (待办)'),
  sort: z
    .enum(REGISTER_SORTS)
    .optional()
    .describe('the order: a field, descending with a leading minus; -submittedAt (newest first) by default'),
};

export const caseListQuerySchema = z.strictObject({
  stage: z.enum(STAGES).optional(),
  handlingBody: z.enum(HANDLING_BODIES).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  dueBefore: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('cases whose next statutory deadline falls before this instant'),
  outcome: z.enum(OUTCOMES).optional(),
  fastTrack: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('快查快结 cases as the accepting officer established it (cases accepted on release 0.4.0 on)'),
  party: partyIdentifier
    .optional()
    .describe('one person’s cases: their 居民身份证号码 or cadre number (found by its keyed index, never stored)'),
  ...registerFilters,
  limit: wholeNumber(1, 100, 20),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,2048}\.[A-Za-z0-9_-]{22}$/, 'a nextCursor of an earlier page')
    .optional()
    .describe('the nextCursor of the previous page; absent for the first page'),
});

/** The names of the filters only the register answers. */
export const REGISTER_ONLY_FILTERS = Object.keys(registerFilters) as (keyof typeof registerFilters)[];

/** The filters an operator may not use: they would reveal stage and outcome of cases the operator may not read. */
export const CASE_FILTERS = [
  'stage',
  'handlingBody',
  'overdue',
  'dueBefore',
  'outcome',
  'fastTrack',
  'party',
  ...REGISTER_ONLY_FILTERS,
] as const;

export type CaseListFilters = z.infer<typeof caseListQuerySchema>;

/** Level ids of the tree are of these characters only (the tree file's schema); others match no case. */
const LEVEL = /^[a-z][a-z0-9.-]{0,63}$/;

/** The levels' cases, or undefined for none; cases begun before the tree have no `HandlingLevel`: the city's. */
function levelTerm(levels: readonly string[]): string | undefined {
  const ids = levels.filter((l) => LEVEL.test(l));
  if (ids.length === 0) return undefined;
  const within = `HandlingLevel IN (${ids.map((l) => `'${l}'`).join(', ')})`;
  return ids.includes(CITY_LEVEL) ? `(${within} OR HandlingLevel IS NULL)` : within;
}

/** Subjects that can go into a quoted string of the query as they are; others match no case. */
const PLAIN = /^[A-Za-z0-9._@:-]{1,64}$/;

/**
 * The visibility query for the caller's scope and filters (`partyKeys`: the blind indexes of `filters.party`), or
 * undefined when the scope can match nothing (an applicant whose subject cannot be quoted safely).
 */
export function caseListQuery(
  scope: ListScope,
  filters: CaseListFilters,
  partyKeys: readonly string[] = [],
): string | undefined {
  const terms = [`WorkflowType = 'caseWorkflow'`];
  if (scope.kind === 'body') {
    terms.push(`HandlingBody = '${scope.handlingBody}'`);
    if (scope.levels) {
      const levels = levelTerm(scope.levels);
      if (!levels) return undefined;
      terms.push(levels);
    }
  }
  if (scope.kind === 'applicant') {
    const ids = scope.applicantIds.filter((id) => PLAIN.test(id));
    if (ids.length === 0) return undefined;
    terms.push(`ApplicantId IN (${ids.map((id) => `'${id}'`).join(', ')})`);
  }
  if (filters.stage) terms.push(`CaseStage = '${filters.stage}'`);
  if (filters.handlingBody) terms.push(`HandlingBody = '${filters.handlingBody}'`);
  if (filters.overdue !== undefined) terms.push(`Overdue = ${filters.overdue}`);
  if (filters.dueBefore) terms.push(`NextDeadline < '${new Date(filters.dueBefore).toISOString()}'`);
  if (filters.outcome) terms.push(`Outcome = '${filters.outcome}'`);
  if (filters.fastTrack !== undefined) terms.push(`FastTrack = ${filters.fastTrack}`);
  // The blind indexes of `party` under every known key (`pi-` and hex digits, so safely quoted).
  if (filters.party !== undefined) terms.push(`PartyId IN (${partyKeys.map((k) => `'${k}'`).join(', ')})`);
  return terms.join(' AND ');
}
