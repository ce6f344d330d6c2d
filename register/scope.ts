/**
 * What a reader of the register may see and ask for. The scope has the shape of the API's `ListScope`
 * (`api/auth/policy.ts`, which decides it): the register sits below the API and takes it as data.
 */
import type { HandlingBody, Outcome, Situation, Stage } from '../domain/case';

/** The cases a reader may see: a body's (at some levels), an applicant's own, or every case number. */
export type RegisterScope =
  | { readonly kind: 'body'; readonly handlingBody: HandlingBody; readonly levels?: readonly string[] }
  | { readonly kind: 'applicant'; readonly applicantIds: readonly string[] }
  | { readonly kind: 'all'; readonly codesOnly: true };

/** The filters of a list; every one given narrows it. */
export interface RegisterFilters {
  readonly stage?: Stage;
  readonly handlingBody?: HandlingBody;
  readonly level?: string;
  readonly unitId?: string;
  readonly situation?: Situation;
  readonly outcome?: Outcome;
  readonly fastTrack?: boolean;
  readonly overdue?: boolean;
  /** Cases whose next deadline falls before this instant (ISO). */
  readonly dueBefore?: string;
  /** Decided on or after / on or before these dates (YYYY-MM-DD, Beijing). */
  readonly decidedFrom?: string;
  readonly decidedTo?: string;
  readonly year?: number;
  /** One person's cases: the blind indexes of their identifier under every known key. */
  readonly partyKeys?: readonly string[];
  /** Cases in which this role has an action open now (rows projected before 0002 count as possibly open). */
  readonly openTo?: string;
}

/** The orders a list can be read in; each ends on the case number, so pages never overlap. */
export const REGISTER_SORTS = [
  'submittedAt',
  '-submittedAt',
  'nextDeadline',
  '-nextDeadline',
  'acceptedOn',
  '-acceptedOn',
  'decidedOn',
  '-decidedOn',
  'caseNumber',
  '-caseNumber',
] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];

/** Newest first, as the list has always been. */
export const DEFAULT_SORT: RegisterSort = '-submittedAt';
