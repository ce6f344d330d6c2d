/**
 * Pausing and resuming a case's statutory clock (waiting for supplementary material, say), and recomputing
 * provisional deadlines when an operator loads the holiday arrangement of a year they depend on.
 *
 * A pause names its ground from a closed list (`PAUSE_GROUNDS`). The approving leader pauses at once; a case
 * officer's pause (cases of revision 4 on) is a request the leader approves or refuses (`approveClockPause`), and
 * only the approval stops the clock: the officer whose deadline runs does not stop it alone. Resuming needs no
 * consent, since it only restarts the clock. A pause that lasts too long is escalated (`pause-watch.ts`).
 */
import { setHandler } from '@temporalio/workflow';

import type { Actor, ClockPause, PauseGround } from '../domain/case';
import { PAUSE_GROUNDS } from '../domain/case';
import { PAUSE_GROUND_NAMES } from '../domain/labels';
import { CLOCK_TEXTS, REFUSALS } from '../domain/texts';
import type { CaseContext } from './context';
import { workflowNow } from './clock';
import { recomputeDeadline } from './deadlines';
import { calendarLoadedSignal } from './messages';
import { watchPause } from './pause-watch';
import type { StageEffects } from './procedure';

export function clockEffects(c: CaseContext) {
  return {
    updates: {
      pauseClock: {
        apply: ({ actor, ground, reason }) => {
          if (c.current && actor.role === 'caseOfficer') {
            const request = {
              at: workflowNow().toISOString(),
              by: actor,
              ground: ground ?? 'other',
              reason: reason ?? '',
            };
            c.data.pauseRequest = request;
            c.record('clockPauseRequested', CLOCK_TEXTS.pauseRequested(request), actor);
            return;
          }
          startPause(c, { by: actor, ...(ground ? { ground } : {}), reason: reason ?? '' });
        },
        validate: ({ ground, reason }) => {
          if (!ground || !(PAUSE_GROUNDS as readonly string[]).includes(ground)) {
            c.invalid(REFUSALS.pauseGround(PAUSE_GROUNDS.map((g) => PAUSE_GROUND_NAMES[g])));
          }
          if (ground === 'other' && !reason?.trim()) c.invalid(REFUSALS.pauseReason);
        },
      },
      resumeClock: {
        apply: async ({ actor }) => {
          const open = c.data.pauses.findIndex((p) => !p.until);
          const until = workflowNow().toISOString();
          c.data.pauses[open] = { ...c.data.pauses[open], until };
          c.record('clockResumed', CLOCK_TEXTS.resumed, actor);
          await c.bg.effect(async () => {
            for (const d of c.data.deadlines.filter((x) => x.status === 'paused')) {
              await recomputeDeadline(c, d.id, 'resumed');
            }
          });
        },
      },
    },
    decisions: {
      // 审批领导同意: only then does a case officer's pause stop the clock, from the approval on.
      approveClockPause: (decision) => {
        const request = c.data.pauseRequest;
        if (!request || !c.acceptsDecision('approveClockPause', decision)) return;
        c.data.pauseRequest = undefined;
        if (!decision.approved) {
          c.record(
            'clockPauseRefused',
            CLOCK_TEXTS.pauseRefused(request, request.by.id, decision.comment),
            decision.actor,
          );
          return;
        }
        startPause(
          c,
          { by: request.by, ground: request.ground, reason: request.reason, approvedBy: decision.actor },
          CLOCK_TEXTS.pauseApproved(request.by.id, decision.comment),
        );
      },
    },
  } satisfies StageEffects;
}

/** Stops the clock: every running deadline waits, and (revision 4 on) the pause is watched for its bound. */
function startPause(
  c: CaseContext,
  pause: { by: Actor; ground?: PauseGround; reason: string; approvedBy?: Actor },
  consent = '',
): void {
  const from = workflowNow().toISOString();
  const entry: ClockPause = { from, ...pause };
  c.data.pauses.push(entry);
  for (const d of c.data.deadlines) if (d.status === 'running') c.putDeadline({ ...d, status: 'paused' });
  c.record('clockPaused', CLOCK_TEXTS.paused(consent, entry), pause.approvedBy ?? pause.by);
  if (c.current) watchOpenPause(c);
}

/** Watches the open pause, if any: when it begins, and again on a new run after continue-as-new. */
export function watchOpenPause(c: CaseContext): void {
  const index = c.data.pauses.findIndex((p) => !p.until);
  if (index >= 0) c.bg.run(() => watchPause(c, index));
}

/** Recomputes provisional deadlines when an operator loads the arrangement of a year they depend on. */
export function watchCalendar(c: CaseContext): void {
  setHandler(calendarLoadedSignal, async ({ year, calendarVersion }) => {
    const provisional = c.data.deadlines.filter((d) => d.provisional && d.status !== 'met');
    if (provisional.length === 0) return;
    c.record('calendarLoaded', CLOCK_TEXTS.calendarLoaded(year, calendarVersion));
    await c.bg.effect(async () => {
      for (const d of provisional) await recomputeDeadline(c, d.id, 'calendarLoaded');
    });
  });
}
