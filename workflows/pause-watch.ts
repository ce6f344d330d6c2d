/**
 * A pause of the statutory clock that lasts too long is escalated like a missed deadline: once it has lasted the
 * configured working days (PAUSE_LIMIT_WORKING_DAYS, computed by the calendar activity), the handling body and its
 * supervising level are told, then once more each further working day until the clock resumes. The watch starts
 * only when a pause does, so a case never paused spends no history event on it.
 */
import { condition } from '@temporalio/workflow';

import type { ClockPause } from '../domain/case';
import { CLOCK_TEXTS } from '../domain/texts';
import { msUntil } from './clock';
import type { CaseContext } from './context';
import { sendNotice } from './delivery';

/** Watches the pause at `index` of the case's pauses until it ends; safe to start again on a new run. */
export async function watchPause(c: CaseContext, index: number): Promise<void> {
  const pause = () => c.data.pauses[index] as ClockPause | undefined;
  const ended = () => pause()?.until !== undefined;
  if (!pause() || ended()) return;
  if (!pause()?.limitAt) {
    const from = pause()?.from ?? '';
    await c.bg.effect(async () => {
      const { at } = await c.calendar((cal) => cal.pauseLimit({ from }));
      set(c, index, { limitAt: at, overdueNotices: 0 });
    });
  }
  for (;;) {
    const p = pause();
    if (!p || p.until !== undefined) return;
    const at = p.nextEscalationAt ?? p.limitAt ?? '';
    const resumed = await condition(ended, msUntil(at), { summary: CLOCK_TEXTS.pauseTimer });
    if (resumed) return;
    await c.bg.effect(() => escalate(c, index, at));
  }
}

function set(c: CaseContext, index: number, fields: Partial<ClockPause>): void {
  c.data.pauses[index] = { ...c.data.pauses[index], ...fields };
}

async function escalate(c: CaseContext, index: number, at: string): Promise<void> {
  const p = c.data.pauses[index];
  const count = (p.overdueNotices ?? 0) + 1;
  const { at: nextEscalationAt } = await c.calendar((cal) => cal.nextEscalation(at));
  set(c, index, { overdueNotices: count, nextEscalationAt });
  const body = c.data.submission.handlingBody;
  const limitAt = p.limitAt ?? at;
  c.record('clockPauseOverdue', CLOCK_TEXTS.pauseOverdue(count, p, p.from, limitAt, body));
  await sendNotice(c, {
    key: `${c.caseNumber}/pause/${index}/overdue/${count}`,
    caseNumber: c.caseNumber,
    kind: count === 1 ? 'pauseOverdue' : 'pauseEscalated',
    recipients: [body, 'supervisingLevel'],
    text: CLOCK_TEXTS.pauseOverdueNotice(c.caseNumber, count, p, p.from, limitAt),
  });
}
