/**
 * Every message a case workflow accepts or answers, defined once and shared by the workflow, the API and the tests.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';

import type { Actor, CaseState } from '../domain/case';

/** 受理: accept the case and name its case officer (承办人), or decline it with a reason. */
export type AcceptanceDecision =
  | { readonly decision: 'accept'; readonly actor: Actor; readonly caseOfficer: string }
  | { readonly decision: 'decline'; readonly actor: Actor; readonly reason: string };

/** 拟办意见: the case officer's proposal for how to handle the case, within 5 working days of acceptance. */
export interface HandlingOpinionProposal {
  readonly actor: Actor;
  readonly opinion: string;
}

export const caseStateQuery = defineQuery<CaseState>('caseState');
export const decideAcceptanceUpdate = defineUpdate<CaseState, [AcceptanceDecision]>('decideAcceptance');
export const proposeHandlingOpinionUpdate = defineUpdate<CaseState, [HandlingOpinionProposal]>(
  'proposeHandlingOpinion',
);
