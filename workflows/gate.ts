/**
 * The gate every message passes: whether it came through the API at all, whether the procedure opens the action
 * now, and whether this actor may take it (role, handling body, assignment). Pure functions of the case's data;
 * the case context (`context.ts`) applies them and records what they refuse.
 */
import { ApplicationFailure } from '@temporalio/workflow';

import type { Actor } from '../domain/case';
import { NOT_PERMITTED, STAGE_CONFLICT } from '../domain/failures';
import type { CaseAction } from '../domain/procedure';
import { ACTION_ROLES, allowedActions } from '../domain/procedure';
import { isUnsealed, UNSEALED_REASON_TEXT } from '../domain/sealing';
import { GATE_TEXTS, REFUSALS } from '../domain/texts';
import type { CaseData } from './case-data';
import type { Sent } from './messages';

/**
 * Why `message` cannot have come through the API, or undefined when it can: a payload the codec refused, a message
 * without an actor, and (`strict`, cases of release 0.3.0 on) one bound to another case or already applied.
 */
export function foreignReason(d: CaseData, message: unknown, strict: boolean): string | undefined {
  if (isUnsealed(message)) return UNSEALED_REASON_TEXT[message.unsealedPayloadRefused];
  const m = (typeof message === 'object' && message !== null ? message : {}) as Partial<Sent>;
  if (typeof m.actor !== 'object' || m.actor === null || typeof m.actor.id !== 'string') return GATE_TEXTS.malformed;
  if (!strict) return undefined;
  if (m.caseNumber !== d.submission.caseNumber) return GATE_TEXTS.otherCase;
  if (typeof m.messageId !== 'string' || m.messageId === '') return GATE_TEXTS.noMessageId;
  if (d.messageIds.includes(m.messageId)) return GATE_TEXTS.alreadyApplied;
  return undefined;
}

/**
 * Once a case officer is assigned only they act as case officer, and only members of the investigation team act as
 * investigators; a leader reassigns either (`reassign`). Leaders and the meeting secretary act by role.
 */
function assignmentProblem(d: CaseData, actor: Actor): string | undefined {
  if (actor.role === 'caseOfficer' && d.caseOfficer !== undefined && actor.id !== d.caseOfficer) {
    return REFUSALS.notTheCaseOfficer(d.caseOfficer, actor.id);
  }
  if (actor.role === 'investigator' && !(d.investigationTeam ?? []).includes(actor.id)) {
    return REFUSALS.notOnTheTeam(actor.id);
  }
  return undefined;
}

/** The refusal of `action` by `actor` now, or undefined when the procedure opens it to them. */
export function refusal(d: CaseData, action: CaseAction, actor: Actor): ApplicationFailure | undefined {
  const open = allowedActions(d);
  if (!open.some((a) => a.action === action)) {
    return ApplicationFailure.create({
      type: STAGE_CONFLICT,
      message: REFUSALS.notInStage(action, d.stage),
      details: [{ stage: d.stage, allowedActions: open }],
      nonRetryable: true,
    });
  }
  const roles: readonly string[] = ACTION_ROLES[action];
  if (!roles.includes(actor.role) || actor.body !== d.submission.handlingBody) {
    return ApplicationFailure.create({
      type: NOT_PERMITTED,
      message: REFUSALS.notPermitted(action, actor.role, actor.body),
      details: [{ stage: d.stage, roles }],
      nonRetryable: true,
    });
  }
  const assignment = assignmentProblem(d, actor);
  if (assignment) {
    return ApplicationFailure.create({
      type: NOT_PERMITTED,
      message: assignment,
      details: [{ stage: d.stage, roles, caseOfficer: d.caseOfficer }],
      nonRetryable: true,
    });
  }
  return undefined;
}
