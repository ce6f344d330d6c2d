/**
 * The filters of `GET /cases` and the Temporal visibility query they become. Every value in the query is a code
 * checked against its enum, a boolean, an instant or a token subject of plain characters, so nothing a client
 * sends can change the query's shape, and the caller's scope is always ANDed in.
 */
import { z } from 'zod';

import { HANDLING_BODIES, OUTCOMES, STAGES } from '../domain/case';
import type { ListScope } from './auth/policy';

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
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export type CaseListFilters = z.infer<typeof caseListQuerySchema>;

/** Subjects that can go into a quoted string of the query as they are; others match no case. */
const PLAIN = /^[A-Za-z0-9._@:-]{1,64}$/;

/**
 * The visibility query for the caller's scope and filters, or undefined when the scope can match nothing (an
 * applicant whose subject cannot be quoted safely).
 */
export function caseListQuery(scope: ListScope, filters: CaseListFilters): string | undefined {
  const terms = [`WorkflowType = 'caseWorkflow'`];
  if (scope.kind === 'body') terms.push(`HandlingBody = '${scope.handlingBody}'`);
  if (scope.kind === 'applicant') {
    if (!PLAIN.test(scope.applicantId)) return undefined;
    terms.push(`ApplicantId = '${scope.applicantId}'`);
  }
  if (filters.stage) terms.push(`CaseStage = '${filters.stage}'`);
  if (filters.handlingBody) terms.push(`HandlingBody = '${filters.handlingBody}'`);
  if (filters.overdue !== undefined) terms.push(`Overdue = ${filters.overdue}`);
  if (filters.dueBefore) terms.push(`NextDeadline < '${new Date(filters.dueBefore).toISOString()}'`);
  if (filters.outcome) terms.push(`Outcome = '${filters.outcome}'`);
  return terms.join(' AND ');
}
