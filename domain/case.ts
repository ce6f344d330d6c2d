/**
 * Plain data of one 容错纠错免责减责 case, named by the glossary in DOMAIN.md. These types travel through Temporal
 * payloads and the HTTP API alike, so they are readonly JSON: strings, numbers, booleans, arrays, objects.
 */

/** 党委（党组）, 纪检监察机关, 组织部门. */
export const HANDLING_BODIES = ['partyCommittee', 'disciplineCommission', 'organizationDepartment'] as const;
export type HandlingBody = (typeof HANDLING_BODIES)[number];

/** What the error would otherwise bring: 党纪政务处分, 组织处理, or both. */
export const LIABILITIES = ['sanction', 'organizationalHandling', 'both'] as const;
export type Liability = (typeof LIABILITIES)[number];

/** 组织研判提出 or 当事人申请提出. */
export const ORIGINS = ['organization', 'application'] as const;
export type Origin = (typeof ORIGINS)[number];

/** The eight qualifying situations (八种情形), in the seed's order. */
export const SITUATIONS = [
  'higherDecision',
  'innovation',
  'reformPilot',
  'stability',
  'businessEnvironment',
  'ruralLivelihood',
  'emergency',
  'threeDistinctions',
] as const;
export type Situation = (typeof SITUATIONS)[number];

export const OUTCOMES = ['exempt', 'reduce', 'refuse'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Roles inside a handling body, plus the applicant and the operators who run the system. */
export const ROLES = [
  'caseOfficer',
  'investigator',
  'approvingLeader',
  'meetingSecretary',
  'applicant',
  'operator',
] as const;
export type Role = (typeof ROLES)[number];

/** Where a case is in the procedure. `declined` and `closed` are final. */
export type Stage = 'acceptance' | 'handlingOpinion' | 'declined' | 'closed';

/** Who did something: every step of a case records its actor. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  /** The handling body the actor works for; applicants have none. */
  readonly body?: HandlingBody;
}

/** The unit or official the case is about (当事单位/当事人). */
export interface Party {
  readonly kind: 'unit' | 'official';
  readonly name: string;
  /** 所在单位: the official's own unit, or the unit itself. */
  readonly unit: string;
}

/** 事项提出: what is raised or applied for, in writing. */
export interface Submission {
  readonly caseNumber: string;
  readonly origin: Origin;
  readonly party: Party;
  readonly situation: Situation;
  readonly liability: Liability;
  /** The body the submission is addressed to; routing rules in `routing.ts`. */
  readonly handlingBody: HandlingBody;
  readonly facts: string;
  /** References to evidence held elsewhere (document numbers, archive keys), never the evidence itself. */
  readonly evidenceRefs: readonly string[];
  /** 事前申请: filed before any investigation, possibly for work about to start. */
  readonly preFiling: boolean;
  /** 快查快结: the official is up for promotion. */
  readonly fastTrack: boolean;
}

/** A statutory period as computed once, outside the workflow, and kept in history as it was computed. */
export interface Deadline {
  readonly id: string;
  /** The clause the period rests on, for example 受理后5个工作日内提出拟办意见. */
  readonly clause: string;
  readonly workingDays: number;
  readonly triggeredAt: string;
  readonly dueAt: string;
  readonly calendarVersion: string;
  /** True while the period crosses a year whose holiday arrangement is not yet published. */
  readonly provisional: boolean;
  readonly status: 'running' | 'met' | 'overdue';
  readonly metAt?: string;
}

export interface TimelineEntry {
  readonly at: string;
  readonly kind: string;
  readonly actor?: Actor;
  /** One readable Chinese sentence. */
  readonly summary: string;
}

/** What the case answers to a query: the stage, what may be done now and by whom, deadlines, the timeline. */
export interface CaseState {
  readonly caseNumber: string;
  readonly stage: Stage;
  readonly handlingBody: HandlingBody;
  readonly submission: Submission;
  readonly caseOfficer?: string;
  readonly allowedActions: readonly AllowedAction[];
  readonly deadlines: readonly Deadline[];
  readonly timeline: readonly TimelineEntry[];
}

export interface AllowedAction {
  readonly action: string;
  readonly roles: readonly Role[];
}
