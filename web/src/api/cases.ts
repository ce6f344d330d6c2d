/**
 * The case data the pages read and write, in one module: the list (today from `GET /cases`; the register and the
 * statistics may replace it here alone), one case, its actions and a new submission.
 */
import { apiCall, casePath } from './http';

/** A deadline as the case view answers it (api/cases/response-schemas.ts), with the API's working days left. */
export interface CaseDeadline {
  readonly id: string;
  readonly clause: string;
  readonly workingDays: number;
  readonly dueAt: string;
  readonly remindAt?: string | null;
  readonly provisional: boolean;
  readonly status: 'running' | 'paused' | 'met' | 'overdue';
  readonly workingDaysLeft?: number;
}

export interface TimelineEntry {
  readonly at: string;
  readonly kind: string;
  readonly actor?: { id: string; role: string; body?: string };
  readonly summary: string;
}

export interface AllowedAction {
  readonly action: string;
  readonly roles: readonly string[];
}

/** One case as `GET /cases/{n}` answers it: the whole case for officers, the applicant's view for the applicant. */
export interface CaseView {
  readonly caseNumber: string;
  readonly stage: string;
  readonly handlingBody: string;
  readonly submission: {
    readonly situation: string;
    readonly party?: { kind: string; name: string; unit: string };
    readonly facts?: string;
    readonly fastTrack?: boolean;
    readonly preFiling?: boolean;
  };
  readonly outcome?: string;
  readonly allowedActions: readonly AllowedAction[];
  readonly deadlines: readonly CaseDeadline[];
  readonly timeline: readonly TimelineEntry[];
  readonly caseOfficer?: string;
  readonly fastTrack?: boolean;
  readonly clockPaused?: boolean;
  readonly [more: string]: unknown;
}

/** One row of the list (`GET /cases`). */
export interface CaseListItem {
  readonly caseNumber: string;
  readonly stage?: string;
  readonly handlingBody?: string;
  /** The level handling the case; absent: the city. */
  readonly level?: string;
  readonly situation?: string;
  readonly outcome?: string;
  readonly nextDeadline?: string;
  readonly overdue?: boolean;
  readonly provisionalDeadline?: boolean;
  readonly fastTrack?: boolean;
  readonly running?: boolean;
}

/** The list's filters, as `GET /cases` takes them. */
export interface CaseFilters {
  readonly stage?: string;
  readonly handlingBody?: string;
  readonly outcome?: string;
  readonly overdue?: boolean;
  readonly fastTrack?: boolean;
  readonly party?: string;
  /** Only the cases in which the caller's role has an action open now (answered by the register). */
  readonly actionable?: boolean;
}

/** Every case matching `filters` the signed-in person may list, following the cursor up to `max` cases. */
export async function listCases(filters: CaseFilters = {}, max = 500): Promise<CaseListItem[]> {
  const cases: CaseListItem[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: '100' });
    for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== '') query.set(k, String(v));
    if (cursor) query.set('cursor', cursor);
    const page = await apiCall<{ cases: CaseListItem[]; nextCursor?: string }>('GET', `/cases?${query}`);
    cases.push(...page.cases);
    cursor = page.nextCursor;
  } while (cursor && cases.length < max);
  return cases;
}

/** One case, as the signed-in person may read it. */
export const getCase = (caseNumber: string): Promise<CaseView> => apiCall<CaseView>('GET', casePath(caseNumber));

/** Sends an action's request body to its route (`/acceptance`, `/determination`, …) under the case. */
export const sendAction = (caseNumber: string, route: string, body: unknown): Promise<unknown> =>
  apiCall('POST', `${casePath(caseNumber)}${route}`, body);

/** 事项提出: a new case; answers the number the office gave it. */
export const submitCase = (submission: unknown): Promise<{ caseNumber: string }> =>
  apiCall('POST', '/cases', { submission });
