/**
 * A pause of the statutory clock that lasts too long is escalated like a missed deadline: once it has lasted the
 * configured working days (PAUSE_LIMIT_WORKING_DAYS, computed by the calendar activity), the handling body and its
 * supervising level are told, then once more each further working day until the clock resumes. The watch starts
 * only when a pause does, so a case never paused spends no history event on it.
 */
import { escalatedTo, supervisedBy } from '../domain/jurisdiction-texts';
import { condition } from '@temporalio/workflow';

import type { ClockPause } from '../domain/case';
import { beijingText, msUntil } from './clock';
import type { CaseContext } from './context';
import { sendNotice } from './delivery';
import { pauseWords } from './pause-words';

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
    const resumed = await condition(ended, msUntil(at), { summary: '暂停计时超期督办' });
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
  const since = beijingText(p.from);
  c.record(
    'clockPauseOverdue',
    `${count === 1 ? '暂停计时超过规定时限仍未恢复' : `暂停计时超期仍未恢复（第${count}次督办）`}：自 ${since} 起暂停（${pauseWords(p)}），时限至 ${beijingText(p.limitAt ?? at)}；已通知${escalatedTo(c.data.place, body)}`,
  );
  await sendNotice(c, {
    key: `${c.caseNumber}/pause/${index}/overdue/${count}`,
    caseNumber: c.caseNumber,
    kind: count === 1 ? 'pauseOverdue' : 'pauseEscalated',
    recipients: [body, 'supervisingLevel'],
    text: `案件 ${c.caseNumber} 自 ${since} 起暂停计时（${pauseWords(p)}），已超过规定时限（${beijingText(p.limitAt ?? at)}）仍未恢复，${count > 1 ? `已超期督办${count}次，` : ''}请及时恢复计时或说明情况。${supervisedBy(c.data.place, body)}`,
  });
}
