/**
 * The procedure table's workflow side: what each message does to the case. The rules of each action (who, when,
 * its name and clause) are in `domain/procedure.ts`; here every Update and every leadership decision has exactly
 * one effect, and the types below make a missing one a compile error. `registerProcedure` registers them all in
 * one loop, behind the gate every message shares.
 */
import type { SignalDefinition, UpdateDefinition } from '@temporalio/common';
import { setHandler } from '@temporalio/workflow';

import type { ActionResult } from '../domain/case';
import type { CaseContext } from './context';
import { onUpdate } from './handlers';
import type { DecisionMessages, DecisionName, Sent, UpdateMessages, UpdateName } from './messages';
import { DECISION_NAMES, DECISIONS, UPDATE_NAMES, UPDATES } from './messages';

/** What an officer's action (an Update) does, and the checks beyond the table's (stage, role, assignment). */
export interface UpdateEffect<M> {
  readonly apply: (message: M) => void | Promise<void>;
  /** Refuses input the procedure does not accept whatever the stage (`c.invalid`); runs before anything is done. */
  readonly validate?: (message: M) => void;
}

/** What a leadership decision (a signal) does; it passes its own gate (`c.acceptsDecision`), since it cannot be refused. */
export type DecisionEffect<M> = (message: M) => void | Promise<void>;

/** The effects one stage module contributes. */
export interface StageEffects {
  readonly updates: { readonly [N in UpdateName]?: UpdateEffect<UpdateMessages[N]> };
  readonly decisions: { readonly [N in DecisionName]?: DecisionEffect<DecisionMessages[N]> };
}

/** Every message's effect: one per Update and one per decision, none missing. */
export interface ProcedureEffects {
  readonly updates: { readonly [N in UpdateName]: UpdateEffect<UpdateMessages[N]> };
  readonly decisions: { readonly [N in DecisionName]: DecisionEffect<DecisionMessages[N]> };
}

/** Registers every message of the procedure on the case, in one loop over the table. */
export function registerProcedure(c: CaseContext, effects: ProcedureEffects): void {
  for (const name of UPDATE_NAMES) {
    const effect = effects.updates[name] as UpdateEffect<Sent>;
    onUpdate(c, UPDATES[name] as UpdateDefinition<ActionResult, [Sent]>, name, effect.apply, effect.validate);
  }
  for (const name of DECISION_NAMES) {
    setHandler(DECISIONS[name] as SignalDefinition<[unknown]>, effects.decisions[name] as DecisionEffect<unknown>);
  }
}
