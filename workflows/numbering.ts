/**
 * One small workflow per body and year hands out that year's case numbers: its state is the last number, and the
 * Update `next` answers the one after it. Temporal runs a workflow's Updates one at a time, so concurrent
 * submissions get distinct consecutive numbers, and the state survives worker and API restarts.
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  defineUpdate,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';

import { NEXT_NUMBER_UPDATE } from '../domain/case-numbers';

/** The numbering workflow's state, carried across continue-as-new. */
export interface NumberingState {
  /** The last number handed out (0 before the first). */
  readonly last: number;
  /** The most recent requests' keys and their numbers, so a retried request gets its number again. */
  readonly recent?: readonly (readonly [string, number])[];
  /** Continue as new after this many events (tests lower it); the server's suggestion counts too. */
  readonly historyLimit?: number;
}

/** How many requests are remembered: far more than retries in flight at once. */
const REMEMBERED = 1_000;
const HISTORY_LIMIT = 2_000;

/** `next(requestKey)`: the next number; the same key gets the same number. */
export const nextNumberUpdate = defineUpdate<number, [string]>(NEXT_NUMBER_UPDATE);

/** Numbers one body's cases of one year. */
export async function numberingWorkflow(state: NumberingState): Promise<never> {
  let last = state.last;
  const recent = new Map(state.recent ?? []);
  setHandler(nextNumberUpdate, (key: string) => {
    const known = recent.get(key);
    if (known !== undefined) return known;
    last += 1;
    recent.set(key, last);
    if (recent.size > REMEMBERED) recent.delete(recent.keys().next().value as string);
    return last;
  });
  const limit = state.historyLimit ?? HISTORY_LIMIT;
  await condition(() => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > limit);
  await condition(allHandlersFinished);
  return continueAsNew<typeof numberingWorkflow>({
    last,
    recent: [...recent],
    ...(state.historyLimit ? { historyLimit: state.historyLimit } : {}),
  });
}
