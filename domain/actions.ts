/**
 * Every action an officer or applicant can take on a case, who may take it, and in which stage. The workflow's
 * validators, the state query and the API all read this one table.
 */
import type { Role, Stage } from './case';

export const ACTION_ROLES = {
  decideAcceptance: ['caseOfficer', 'approvingLeader'],
  proposeHandlingOpinion: ['caseOfficer'],
  approveHandlingOpinion: ['approvingLeader'],
  formInvestigationTeam: ['caseOfficer', 'approvingLeader'],
  recordEvidence: ['investigator', 'caseOfficer'],
  recordHearing: ['investigator'],
  submitInvestigationReport: ['investigator', 'caseOfficer'],
  reviewInvestigationReport: ['approvingLeader'],
  exclude: ['approvingLeader'],
  closeDirectly: ['approvingLeader'],
  verifyRectification: ['caseOfficer'],
  recordDetermination: ['meetingSecretary'],
  deliverFeedback: ['caseOfficer'],
  recordConsultation: ['caseOfficer'],
  announce: ['caseOfficer'],
  replyIntegrityReview: ['caseOfficer', 'approvingLeader'],
  recordFollowUpVisit: ['caseOfficer'],
  clearName: ['caseOfficer'],
  recordFalseReport: ['caseOfficer'],
  reassign: ['approvingLeader'],
  pauseClock: ['caseOfficer', 'approvingLeader'],
  resumeClock: ['caseOfficer', 'approvingLeader'],
} as const satisfies Record<string, readonly Role[]>;

export type CaseAction = keyof typeof ACTION_ROLES;
export const CASE_ACTIONS = Object.keys(ACTION_ROLES) as CaseAction[];

/** Roles that may read a case of their own handling body; applicants read only their own case. */
export const CASE_READER_ROLES: readonly Role[] = [
  'caseOfficer',
  'investigator',
  'approvingLeader',
  'meetingSecretary',
];

/** Stages that are over: nothing but reading is open. */
export const FINAL_STAGES: readonly Stage[] = ['declined', 'closed'];
