/**
 * The plain columns of a case's register row: codes, dates and blind indexes derived from its projection, the same
 * for a projection made by the case and one made by the rebuild. Never a name or a fact (those are in the sealed
 * record only).
 */
import type { ApplicantIndex, PartyIndex } from '../codec/blind-index';
import type { CaseState, TimelineKind } from '../domain/case';
import type { CaseProjection } from '../domain/case-record';
import { shanghaiDateOf } from '../domain/dates';
import { CITY_LEVEL } from '../domain/org-tree';
import type { RegisterTable } from './schema';
import type { Insertable } from 'kysely';

/** The row's columns but the sealed record and its key. */
export type RegisterColumns = Required<Omit<Insertable<RegisterTable>, 'record' | 'key_id' | 'projected_at'>>;

/** The early exits that conclude a case without a meeting: each is its own decision, dated by its entry. */
const EXIT_KINDS: readonly TimelineKind[] = ['excluded', 'closedDirectly', 'rectified', 'reportUnfounded'];

function dateOf(state: CaseState, kinds: readonly TimelineKind[]): string | null {
  const entry = state.timeline.find((e) => kinds.includes(e.kind));
  return entry ? shanghaiDateOf(entry.at) : null;
}

/** The deadline due next among those not met, as the search attribute NextDeadline holds it. */
function nextDeadline(state: CaseState): string | null {
  const open = state.deadlines.filter((d) => d.status !== 'met' && d.dueAt);
  const next = [...open].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  return next ? new Date(next.dueAt).toISOString() : null;
}

/** The roles with an action open, each once, delimited on both ends so that one role is found by `LIKE '%,role,%'`. */
export function openRoles(state: CaseState): string {
  const roles = [...new Set(state.allowedActions.flatMap((a) => a.roles))].sort();
  return `,${roles.join(',')},`;
}

/** The keyed indexes of people: applicants' subjects and parties' identifiers (`codec/blind-index.ts`). */
export interface PeopleIndexes {
  readonly applicants: ApplicantIndex;
  readonly parties: PartyIndex;
}

/** The plain columns of `p`, people by their blind indexes under the current key, as the search attributes hold them. */
export function registerColumns(p: CaseProjection, indexes: PeopleIndexes): RegisterColumns {
  const { state } = p;
  const open = state.deadlines.filter((d) => d.status !== 'met');
  const submittedAt = (state.timeline.find((e) => e.kind === 'submitted') ?? state.timeline[0])?.at;
  if (!submittedAt) throw new Error(`register: case ${state.caseNumber} has no timeline yet`);
  const identifier = state.submission.party.identifier;
  return {
    case_number: state.caseNumber,
    version: p.version,
    handling_body: state.handlingBody,
    handling_level: p.level ?? CITY_LEVEL,
    unit_id: state.submission.unitId ?? null,
    situation: state.submission.situation,
    stage: state.stage,
    outcome: state.outcome ?? null,
    closure: state.closure ?? null,
    // Established by the accepting officer, who names the case officer: unknown before (as FastTrack).
    fast_track: state.caseOfficer === undefined ? null : state.submission.fastTrack,
    overdue: open.some((d) => d.status === 'overdue'),
    provisional_deadline: open.some((d) => d.provisional),
    next_deadline: nextDeadline(state),
    submitted_at: new Date(submittedAt).toISOString(),
    accepted_on: dateOf(state, ['accepted']),
    decided_on: state.determination?.meetingDate ?? dateOf(state, EXIT_KINDS),
    year: Number(shanghaiDateOf(submittedAt).slice(0, 4)),
    applicant_id: state.applicantId === undefined ? null : indexes.applicants.of(state.applicantId),
    party_id: identifier ? indexes.parties.of(identifier) : null,
    running: state.stage !== 'declined' && state.stage !== 'closed',
    open_roles: openRoles(state),
  };
}
