/**
 * 约谈提醒、督促整改: a minor, fixable error is handled by a talk and an order to fix it by a due date; a fix verified
 * in time closes the case without liability once the approving leader agrees, and anything else goes on to the
 * investigation. From release 0.4.0 the talk is recorded (date, who, what was ordered) and starts the period; cases
 * begun earlier had the order sent and the period started at the opinion's approval (`acceptance.ts`), and closed
 * on the officer's verification alone, and replay so.
 */
import { fixedInTime } from '../domain/rectification';
import { talkDateProblem } from '../domain/meeting';
import { RECTIFICATION_TEXTS } from '../domain/texts';
import type { CaseContext } from './context';
import { shanghaiToday, workflowNow } from './clock';
import { conclude } from './conclusion';
import { armDeadline, PERIODS, watchDeadline } from './deadlines';
import { tellParty } from './delivery';
import { issueDocument } from './documents';
import { shanghaiDateOf } from '../domain/dates';
import type { StageEffects } from './procedure';

/** When the pause the clock is in now began, if it is paused. */
function openPauseFrom(c: CaseContext): string | undefined {
  return c.data.pauses.find((p) => p.until === undefined)?.from;
}

export function rectificationEffects(c: CaseContext) {
  return {
    updates: {
      recordRectificationTalk: {
        apply: async ({ actor, talkedOn, talkedBy, talkedWith, ordered }) => {
          c.data.rectificationOrdered = true;
          c.data.rectificationTalk = { talkedOn, talkedBy, talkedWith, ordered };
          c.record('rectificationTalked', RECTIFICATION_TEXTS.talked(c.data.rectificationTalk), actor);
          const workingDays = c.data.handlingOpinion?.fixWithinWorkingDays ?? 1;
          const { dueAt } = await armDeadline(c, { ...PERIODS.rectification, workingDays });
          watchDeadline(c, 'rectification');
          if (c.revision5) {
            issueDocument(c, 'rectificationNotice', () => ({
              detail: {
                kind: 'rectificationNotice',
                talkedOn,
                talkedBy,
                ordered,
                dueOn: shanghaiDateOf(dueAt),
                workingDays,
              },
            }));
          }
          await tellParty(
            c,
            'rectification/order',
            'rectificationOrder',
            RECTIFICATION_TEXTS.orderNotice(c.caseNumber, ordered, dueAt, workingDays),
          );
        },
        validate: ({ talkedOn }) => {
          const problem = talkDateProblem(talkedOn, shanghaiToday(), c.data.timeline);
          if (problem) c.invalid(problem);
        },
      },
      // 整改及时到位的不予追责问责, judged against the order's due date; anything else goes on to investigation.
      verifyRectification: {
        apply: async ({ actor, fixed, note }) => {
          if (!c.current) {
            if (fixed) {
              c.record('rectified', RECTIFICATION_TEXTS.rectifiedBefore04(note), actor);
              await conclude(c, 'rectified');
            } else {
              c.record('rectificationFailed', RECTIFICATION_TEXTS.failedBefore04(note), actor);
              c.moveTo('investigation');
            }
            return;
          }
          const period = c.deadline(PERIODS.rectification.id);
          const due = RECTIFICATION_TEXTS.due(period?.dueAt);
          if (!fixed) {
            c.record('rectificationFailed', RECTIFICATION_TEXTS.notFixed(due, note), actor);
            c.moveTo('investigation');
          } else if (period && !fixedInTime(period, workflowNow().toISOString(), openPauseFrom(c))) {
            c.record('rectificationFailed', RECTIFICATION_TEXTS.fixedLate(due, note), actor);
            c.moveTo('investigation');
          } else {
            c.record('rectificationVerified', RECTIFICATION_TEXTS.fixedInTime(due, note), actor);
            c.moveTo('rectificationReview');
          }
        },
      },
    },
    decisions: {
      // Closing without liability is the approving leader's decision, on the officer's verification.
      approveRectification: async (decision) => {
        if (!c.acceptsDecision('approveRectification', decision)) return;
        if (decision.approved) {
          c.record('rectified', RECTIFICATION_TEXTS.approved(decision.comment), decision.actor);
          await conclude(c, 'rectified');
        } else {
          c.record('rectificationFailed', RECTIFICATION_TEXTS.refused(decision.comment), decision.actor);
          c.moveTo('investigation');
        }
      },
    },
  } satisfies StageEffects;
}
