/**
 * Pausing and resuming a case's statutory clock (waiting for supplementary material, say), and recomputing
 * provisional deadlines when an operator loads the holiday arrangement of a year they depend on.
 */
import { setHandler } from '@temporalio/workflow';

import type { CaseContext } from './context';
import { workflowNow } from './clock';
import { recomputeDeadline } from './deadlines';
import { REFUSALS } from '../domain/texts';
import { calendarLoadedSignal } from './messages';
import type { StageEffects } from './procedure';

export function clockEffects(c: CaseContext) {
  return {
    updates: {
      pauseClock: {
        apply: ({ actor, reason }) => {
          const from = workflowNow().toISOString();
          c.data.pauses.push({ from, by: actor, reason });
          for (const d of c.data.deadlines) if (d.status === 'running') c.putDeadline({ ...d, status: 'paused' });
          c.record('clockPaused', `暂停计时：${reason}`, actor);
        },
        validate: ({ reason }) => {
          if (!reason.trim()) c.invalid(REFUSALS.pauseReason);
        },
      },
      resumeClock: {
        apply: async ({ actor }) => {
          const open = c.data.pauses.findIndex((p) => !p.until);
          const until = workflowNow().toISOString();
          c.data.pauses[open] = { ...c.data.pauses[open], until };
          c.record('clockResumed', '恢复计时，剩余工作日顺延', actor);
          await c.bg.effect(async () => {
            for (const d of c.data.deadlines.filter((x) => x.status === 'paused')) {
              await recomputeDeadline(c, d.id, 'resumed');
            }
          });
        },
      },
    },
    decisions: {},
  } satisfies StageEffects;
}

/** Recomputes provisional deadlines when an operator loads the arrangement of a year they depend on. */
export function watchCalendar(c: CaseContext): void {
  setHandler(calendarLoadedSignal, async ({ year, calendarVersion }) => {
    const provisional = c.data.deadlines.filter((d) => d.provisional && d.status !== 'met');
    if (provisional.length === 0) return;
    c.record('calendarLoaded', `${year}年节假日安排已载入（日历版本 ${calendarVersion}），重新计算暂定期限`);
    await c.bg.effect(async () => {
      for (const d of provisional) await recomputeDeadline(c, d.id, 'calendarLoaded');
    });
  });
}
