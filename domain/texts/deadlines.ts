/**
 * How the statutory periods read in the timeline, in the Temporal Web UI and in notices: armed, recomputed, the
 * reminder before one is due, and the overdue notice and escalations after (…纠错不及时、不到位的，会依纪依规依法进行
 * 责任倒查和问责处理).
 */
import type { HandlingBody } from '../case';
import { HANDLING_BODY_NAMES } from '../labels';
import { beijingText } from './beijing-time';

/** The steps of a deadline's ladder. */
export type LadderStep = 'reminder' | 'due' | 'escalation';

/** The steps of the ladder as the timer's summary names them in the Web UI. */
const STEP_NAMES: Readonly<Record<LadderStep, string>> = {
  reminder: '到期提醒',
  due: '到期',
  escalation: '超期督办',
};

/** The timeline's, the Web UI's and the notices' words for the statutory periods. */
export const DEADLINE_TEXTS = {
  /** A period armed: its clause and due instant, provisional while the year's holidays are not loaded. */
  armed: (clause: string, dueAt: string, provisional: boolean) =>
    `${clause}，期限至 ${beijingText(dueAt)}${provisional ? '（暂定）' : ''}`,
  /** A period computed again after a resume or a newly loaded holiday arrangement. */
  recomputed: (
    clause: string,
    oldDueAt: string,
    newDueAt: string,
    reason: 'resumed' | 'calendarLoaded',
    calendarVersion: string,
  ) =>
    `${clause}：期限由 ${beijingText(oldDueAt)} 调整为 ${beijingText(newDueAt)}（${reason === 'resumed' ? '恢复计时' : '节假日安排已载入'}，日历版本 ${calendarVersion}）`,
  /** The summary of the timer that waits for the next step of the ladder. */
  stepTimer: (clause: string, step: LadderStep) => `${clause}（${STEP_NAMES[step]}）`,
  /** The reminder before the period is due, in the timeline. */
  reminder: (clause: string, dueAt: string) => `提醒：${clause}，将于 ${beijingText(dueAt)} 到期`,
  /** The reminder, as its recipients receive it. */
  reminderNotice: (caseNumber: string, clause: string, dueAt: string) =>
    `案件 ${caseNumber}：${clause}，将于 ${beijingText(dueAt)} 到期，请按时办理。`,
  /** The period missed (`due`) or still missed an escalation later, with the bodies told. */
  overdue: (step: 'due' | 'escalation', count: number, clause: string, body: HandlingBody) =>
    `${step === 'due' ? '已超过期限' : `超期仍未办理（第${count}次督办）`}：${clause}；已通知${HANDLING_BODY_NAMES[body]}及其上级`,
  /** The same, as the handling body and its supervising level are told. */
  overdueNotice: (caseNumber: string, clause: string, dueAt: string, count: number) =>
    `案件 ${caseNumber} 已超过期限：${clause}（应于 ${beijingText(dueAt)} 前完成），${count > 1 ? `已超期督办${count}次，` : ''}请及时办理。`,
} as const;
