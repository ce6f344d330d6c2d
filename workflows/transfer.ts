/**
 * 移送: a body that received a case that is not its own — the matter belongs to another body, or the party's unit
 * and cadre-management level make another level competent — transfers it, before acceptance and with a reason,
 * instead of declining it. The receiving body takes the case over with its own officers (the gate checks the
 * actor's body against the case's; the API checks the level, which the case now publishes as HandlingLevel); the
 * timeline keeps the entries of both, and the running deadlines keep running.
 */
import { HANDLING_BODY_NAMES } from '../domain/labels';
import { routingProblem } from '../domain/routing';
import { JURISDICTION_TEXTS } from '../domain/texts';
import type { CaseContext } from './context';
import type { StageEffects } from './procedure';

/** The patch of release 0.5.0 that lets a case of any revision be transferred (its first transfer records it). */
export const TRANSFER_PATCH = 'transfer-misrouted-case';

export function transferEffects(c: CaseContext) {
  /** The case's level now: moved by a transfer, or named at the start; unknown on cases begun before 0.5.0. */
  const currentLevel = () => c.data.handlingLevel ?? c.data.place?.level;
  return {
    updates: {
      transfer: {
        apply: ({ actor, to, toLevel, reason, place }) => {
          // A new message: every case that receives it runs this code, and records the marker when it does.
          if (!c.patched5(TRANSFER_PATCH)) return;
          const from = c.data.submission.handlingBody;
          const fromName = c.data.place?.bodies[from] ?? HANDLING_BODY_NAMES[from];
          const toName = place?.bodies[to] ?? HANDLING_BODY_NAMES[to];
          c.data.submission = { ...c.data.submission, handlingBody: to };
          c.data.handlingLevel = toLevel;
          if (place) c.data.place = place;
          c.record('transferred', JURISDICTION_TEXTS.transferred(fromName, toName, reason), actor);
          // HandlingBody and HandlingLevel are published from the data.
          c.publish();
        },
        validate: ({ to, toLevel, place }) => {
          const problem = routingProblem(c.data.submission.liability, to);
          if (problem) c.invalid(problem);
          if (to === c.data.submission.handlingBody && toLevel === currentLevel())
            c.invalid(JURISDICTION_TEXTS.transferToItself);
          if (place && place.level !== toLevel) c.invalid(JURISDICTION_TEXTS.transferPlace(toLevel, place.level));
        },
      },
    },
    decisions: {},
  } satisfies StageEffects;
}
