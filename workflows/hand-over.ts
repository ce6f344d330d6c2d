/**
 * 分办: the party committee hands a case to its discipline commission or organisation department, or a body
 * transfers a case misrouted to it. The receiving body takes the case over with its own officers (the gate checks
 * the actor's body against the case's, which now names the receiving body); the timeline keeps the entries of
 * both, and the running deadlines keep running.
 */
import { handOverProblem } from '../domain/routing';
import { HAND_OVER_TEXTS } from '../domain/texts';
import type { CaseContext } from './context';
import type { StageEffects } from './procedure';

export function handOverEffects(c: CaseContext) {
  return {
    updates: {
      handOver: {
        apply: ({ actor, to, reason }) => {
          const from = c.data.submission.handlingBody;
          c.data.submission = { ...c.data.submission, handlingBody: to };
          c.record('handedOver', HAND_OVER_TEXTS.handedOver(from, to, reason), actor);
          // HandlingBody is published from the data (in the task's one upsert, revision 4 on).
          c.publish();
        },
        validate: ({ to }) => {
          const problem = handOverProblem(c.data.submission.liability, to);
          if (problem) c.invalid(problem);
        },
      },
    },
    decisions: {},
  } satisfies StageEffects;
}
