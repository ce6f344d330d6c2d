/**
 * Who may do what, as pure functions of the principal and the few case fields that decide it. Handlers call
 * these before touching Temporal; the workflow's own validators check roles again, so a gap here cannot approve
 * anything, but it could leak a case, which is why reading is narrow: officers see their own body's cases at their
 * own level and, read only (督办), those of their body one level below; applicants their own applications;
 * operators only case numbers. Only officers of the case's own body at the case's own level act on it.
 */
import type { Actor, HandlingBody, Origin, Role } from '../../domain/case';
import type { CaseAction } from '../../domain/procedure';
import { ACTION_ROLES, CASE_READER_ROLES } from '../../domain/procedure';
import { CITY_LEVEL } from '../../domain/org-tree';
import type { Principal } from './principal';

/** The fields of a case that authorisation looks at. */
export interface CaseScope {
  readonly handlingBody: HandlingBody;
  /** The applicant's `ApplicantId` (their blind index, or their `sub` on cases of 0.2.0), for applications. */
  readonly applicantId?: string;
  /** The case's level in the organisation tree (its `HandlingLevel`); absent on cases begun before it: the city. */
  readonly level?: string;
}

/** The restriction a case list query must apply for a principal. */
export type ListScope =
  | {
      readonly kind: 'body';
      readonly handlingBody: HandlingBody;
      /** The levels whose cases the officer sees, once the API has placed the officer in the tree. */
      readonly levels?: readonly string[];
    }
  | { readonly kind: 'applicant'; readonly applicantIds: readonly string[] }
  | { readonly kind: 'all'; readonly codesOnly: true };

const SUBMITTING_OFFICERS: readonly Role[] = ['caseOfficer', 'approvingLeader'];

function isOfficerOf(p: Principal, body: HandlingBody): boolean {
  return CASE_READER_ROLES.includes(p.role) && p.body !== undefined && p.body === body;
}

/** The level of a principal or case scope; none given is the city's. */
function levelOf(x: { readonly level?: string }): string {
  return x.level ?? CITY_LEVEL;
}

/** The levels whose cases of their body `p` sees: their own, and those they supervise. */
function visibleLevels(p: Principal): readonly string[] {
  return [levelOf(p), ...(p.supervises ?? [])];
}

/** What an applicant's cases may be published under; the subject alone when the API set nothing else. */
function applicantKeysOf(p: Principal): readonly string[] {
  return p.applicantKeys ?? [p.sub];
}

/** True when `p` may read the contents of case `c`. Operators never may: they see case numbers only. */
export function canReadCase(p: Principal, c: CaseScope): boolean {
  if (p.role === 'applicant') return c.applicantId !== undefined && applicantKeysOf(p).includes(c.applicantId);
  return isOfficerOf(p, c.handlingBody) && visibleLevels(p).includes(levelOf(c));
}

/**
 * True when `p` holds a role that may take `action` and works for the body handling `c` at the case's level;
 * supervision from the level above reads, never acts.
 */
export function canAct(p: Principal, action: CaseAction, c: CaseScope): boolean {
  const roles: readonly Role[] = ACTION_ROLES[action];
  return roles.includes(p.role) && p.body !== undefined && p.body === c.handlingBody && levelOf(p) === levelOf(c);
}

/**
 * True when `p` may submit: an applicant only an application (to any body the routing rules allow), a case
 * officer or approving leader only an organisation case addressed to their own body at their own level.
 */
export function canSubmit(
  p: Principal,
  submission: { readonly origin: Origin; readonly handlingBody: HandlingBody; readonly level?: string },
): boolean {
  if (p.role === 'applicant') return submission.origin === 'application';
  return (
    submission.origin === 'organization' &&
    SUBMITTING_OFFICERS.includes(p.role) &&
    p.body !== undefined &&
    p.body === submission.handlingBody &&
    levelOf(p) === levelOf(submission)
  );
}

/** The list restriction for `p`, or undefined when `p` may not list cases at all. */
export function listScope(p: Principal): ListScope | undefined {
  if (p.role === 'operator') return { kind: 'all', codesOnly: true };
  if (p.role === 'applicant') return { kind: 'applicant', applicantIds: applicantKeysOf(p) };
  if (CASE_READER_ROLES.includes(p.role) && p.body) {
    return {
      kind: 'body',
      handlingBody: p.body,
      // A principal the API has not placed in the tree (the pure rules' own tests) is not narrowed by level.
      ...(p.supervises !== undefined ? { levels: visibleLevels(p) } : {}),
    };
  }
  return undefined;
}

/** True when `p` may list cases (within `listScope(p)`). */
export function canListCases(p: Principal): boolean {
  return listScope(p) !== undefined;
}

/**
 * The cases `p`'s figures and register export are computed over: an officer's list scope; undefined for everyone
 * else. Operators get no figures, not even counts: counts by stage, outcome, situation or overdue describe the
 * contents of cases an operator may not read, which is why the list refuses them those filters too. Applicants'
 * own cases are read one by one; the office's figures are not theirs.
 */
export function statisticsScope(p: Principal): Extract<ListScope, { kind: 'body' }> | undefined {
  const scope = p.role === 'operator' || p.role === 'applicant' ? undefined : listScope(p);
  return scope?.kind === 'body' ? scope : undefined;
}

/** True when `p` may load a year's holiday calendar: a system task, for operators only. */
export function canLoadCalendar(p: Principal): boolean {
  return p.role === 'operator';
}

/** The domain actor recorded for what `p` does. */
export function actorOf(p: Principal): Actor {
  return { id: p.sub, role: p.role, ...(p.body ? { body: p.body } : {}) };
}
