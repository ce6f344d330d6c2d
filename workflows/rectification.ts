/**
 * 约谈提醒、督促整改: a minor, fixable error is handled by a talk and an order to fix it by a due date; a fix verified
 * in time closes the case without liability once the approving leader agrees, and anything else goes on to the
 * investigation. From release 0.4.0 the talk is recorded (date, who, what was ordered) and starts the period; cases
 * begun earlier had the order sent and the period started at the opinion's approval (`acceptance.ts`), and closed
 * on the officer's verification alone, and replay so.
 */
import { fixedInTime } from '../domain/rectification';
import { talkDateProblem } from '../domain/meeting';
import type { CaseContext } from './context';
import { beijingText, shanghaiToday, workflowNow } from './clock';
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
          c.record(
            'rectificationTalked',
            `约谈提醒（${talkedOn}，约谈人：${talkedBy}，约谈对象：${talkedWith}），督促整改：${ordered}`,
            actor,
          );
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
            `案件 ${c.caseNumber}：经约谈提醒，请按以下要求整改：${ordered}。请于 ${beijingText(dueAt)} 前整改到位（${workingDays}个工作日）。`,
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
              c.record('rectified', `整改及时到位，不予追责：${note}`, actor);
              await conclude(c, 'rectified');
            } else {
              c.record('rectificationFailed', `整改未到位，转入调查核实：${note}`, actor);
              c.moveTo('investigation');
            }
            return;
          }
          const period = c.deadline(PERIODS.rectification.id);
          const due = period ? `（整改期限 ${beijingText(period.dueAt)}）` : '';
          if (!fixed) {
            c.record('rectificationFailed', `核查整改情况：整改未到位${due}，转入调查核实：${note}`, actor);
            c.moveTo('investigation');
          } else if (period && !fixedInTime(period, workflowNow().toISOString(), openPauseFrom(c))) {
            c.record(
              'rectificationFailed',
              `核查整改情况：整改到位晚于整改期限${due}，不属于整改及时到位，转入调查核实：${note}`,
              actor,
            );
            c.moveTo('investigation');
          } else {
            c.record(
              'rectificationVerified',
              `核查整改情况：整改及时到位${due}，呈领导审批不予追责问责：${note}`,
              actor,
            );
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
          c.record(
            'rectified',
            `领导审批同意：整改及时到位，依纪依规依法不予追责问责。${decision.comment}`,
            decision.actor,
          );
          await conclude(c, 'rectified');
        } else {
          c.record('rectificationFailed', `领导审批未同意不予追责：${decision.comment}，转入调查核实`, decision.actor);
          c.moveTo('investigation');
        }
      },
    },
  } satisfies StageEffects;
}
