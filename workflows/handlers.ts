/**
 * How a case receives an officer's action (an Update): the validator refuses what the procedure does not open now
 * or what this actor may not do, before anything is recorded; a message that did not come through the API passes
 * the validator only to be refused by the handler, so that the attempt is recorded in the timeline (a validator
 * cannot record) and nothing is applied.
 */
import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure, setHandler } from '@temporalio/workflow';

import type { CaseAction } from '../domain/procedure';
import type { ActionResult } from '../domain/case';
import type { CaseContext } from './context';
import { FOREIGN_MESSAGE } from '../domain/failures';
import { GATE_TEXTS } from '../domain/texts';
import type { Sent } from './messages';

/** Registers `handler` for the officer's action `action`, behind the gate every action shares. */
export function onUpdate<M extends Sent>(
  c: CaseContext,
  update: UpdateDefinition<ActionResult, [M]>,
  action: CaseAction,
  handler: (message: M) => void | Promise<void>,
  validate?: (message: M) => void,
): void {
  setHandler(
    update,
    (message) => {
      const foreign = c.foreignReason(message, c.strictMessages());
      if (foreign) {
        c.recordForeign(action, message, foreign);
        throw ApplicationFailure.create({
          type: FOREIGN_MESSAGE,
          message: GATE_TEXTS.foreignUpdate(foreign),
          nonRetryable: true,
        });
      }
      c.markApplied(message);
      // A synchronous effect answers synchronously: deferring its answer by a microtask would let work it started
      // (a deadline's supervisor) emit commands first, an order that running cases' histories do not have.
      const done = handler(message);
      return done instanceof Promise ? done.then(() => c.result()) : c.result();
    },
    {
      validator: (message) => {
        // Validators run only live, never on replay, so the strict check needs no patch here.
        if (c.foreignReason(message, true)) return;
        c.assertAllowed(action, message.actor);
        validate?.(message);
      },
    },
  );
}
