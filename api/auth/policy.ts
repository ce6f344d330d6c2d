/**
 * Who may do what, as pure functions of the principal and the few case fields that decide it. Handlers call
 * these before touching Temporal; the workflow's own validators check roles again, so a gap here cannot approve
 * anything, but it could leak a case, which is why reading is narrow: officers see their own body's cases,
 * applicants their own applications, operators only case numbers.
 */
import type { Actor, HandlingBody, Origin, Role } from '../../domain/case';
import type { CaseAction } from '../../domain/procedure';
import { ACTION_ROLES, CASE_READER_ROLES } from '../../domain/procedure';
import type { Principal } from './principal';

/** The fields of a case that authorisation looks at. */
export interface CaseScope {
  readonly handlingBody: HandlingBody;
  /** The applicant's `ApplicantId` (their blind index, or their `sub` on cases of 0.2.0), for applications. */
  readonly applicantId?: string;
}

/** The restriction a case list query must apply for a principal. */
export type ListScope =
  | { readonly kind: 'body'; readonly handlingBody: HandlingBody }
  | { readonly kind: 'applicant'; readonly applicantIds: readonly string[] }
  | { readonly kind: 'all'; readonly codesOnly: true };

const SUBMITTING_OFFICERS: readonly Role[] = ['caseOfficer', 'approvingLeader'];

function isOfficerOf(p: Principal, body: HandlingBody): boolean {
  return CASE_READER_ROLES.includes(p.role) && p.body !== undefined && p.body === body;
}

/** What an applicant's cases may be published under; the subject alone when the API set nothing else. */
function applicantKeysOf(p: Principal): readonly string[] {
  return p.applicantKeys ?? [p.sub];
}

/** True when `p` may read the contents of case `c`. Operators never may: they see case numbers only. */
export function canReadCase(p: Principal, c: CaseScope): boolean {
  if (p.role === 'applicant') return c.applicantId !== undefined && applicantKeysOf(p).includes(c.applicantId);
  return isOfficerOf(p, c.handlingBody);
}

/** True when `p` holds a role that may take `action` and works for the body handling `c`. */
export function canAct(p: Principal, action: CaseAction, c: CaseScope): boolean {
  const roles: readonly Role[] = ACTION_ROLES[action];
  return roles.includes(p.role) && p.body !== undefined && p.body === c.handlingBody;
}

/**
 * True when `p` may submit: an applicant only an application (to any body the routing rules allow), a case
 * officer or approving leader only an organisation case addressed to their own body.
 */
export function canSubmit(
  p: Principal,
  submission: { readonly origin: Origin; readonly handlingBody: HandlingBody },
): boolean {
  if (p.role === 'applicant') return submission.origin === 'application';
  return (
    submission.origin === 'organization' &&
    SUBMITTING_OFFICERS.includes(p.role) &&
    p.body !== undefined &&
    p.body === submission.handlingBody
  );
}

/** The list restriction for `p`, or undefined when `p` may not list cases at all. */
export function listScope(p: Principal): ListScope | undefined {
  if (p.role === 'operator') return { kind: 'all', codesOnly: true };
  if (p.role === 'applicant') return { kind: 'applicant', applicantIds: applicantKeysOf(p) };
  if (CASE_READER_ROLES.includes(p.role) && p.body) return { kind: 'body', handlingBody: p.body };
  return undefined;
}

/** True when `p` may list cases (within `listScope(p)`). */
export function canListCases(p: Principal): boolean {
  return listScope(p) !== undefined;
}

/** True when `p` may load a year's holiday calendar: a system task, for operators only. */
export function canLoadCalendar(p: Principal): boolean {
  return p.role === 'operator';
}

/** The domain actor recorded for what `p` does. */
export function actorOf(p: Principal): Actor {
  return { id: p.sub, role: p.role, ...(p.body ? { body: p.body } : {}) };
}
