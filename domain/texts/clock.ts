/**
 * How the statutory clock reads in the timeline and in notices: a pause asked, refused or made, the resume, a
 * holiday arrangement loaded, and a pause that lasts too long escalated (…应当容错而未及时容错或纠错不及时、不到位的,
 * 进行责任倒查).
 */
import type { HandlingBody, PauseGround } from '../case';
import { HANDLING_BODY_NAMES } from '../labels';
import { beijingText } from './beijing-time';
import { pauseWords } from './pause-words';

/** A pause's ground and reason, as `pauseWords` reads them. */
type PauseFacts = { readonly ground?: PauseGround; readonly reason?: string };

/** The repeated escalation's count, in a notice; nothing the first time. */
const escalations = (count: number) => (count > 1 ? `已超期督办${count}次，` : '');

/** The timeline's and the notices' words for the statutory clock. */
export const CLOCK_TEXTS = {
  /** A case officer asks to pause; the approving leader decides. */
  pauseRequested: (request: PauseFacts) => `申请暂停计时（${pauseWords(request)}），待审批领导同意`,
  /** The clock runs again; the remaining working days are carried forward. */
  resumed: '恢复计时，剩余工作日顺延',
  /** The approving leader refuses a case officer's pause. */
  pauseRefused: (request: PauseFacts, requesterId: string, comment: string) =>
    `审批领导不同意暂停计时（${pauseWords(request)}，${requesterId} 申请）：${comment}`,
  /** The approving leader's consent, as the pause it starts names it. */
  pauseApproved: (requesterId: string, comment: string) => `经审批领导同意（${requesterId} 申请；${comment}），`,
  /** The clock stops, after the consent if one was needed (`pauseApproved`). */
  paused: (consent: string, pause: PauseFacts) => `${consent}暂停计时：${pauseWords(pause)}`,
  /** A year's holiday arrangement loaded: provisional deadlines are computed again. */
  calendarLoaded: (year: number, calendarVersion: string) =>
    `${year}年节假日安排已载入（日历版本 ${calendarVersion}），重新计算暂定期限`,
  /** The timer's summary in the Temporal Web UI while a pause runs toward its bound. */
  pauseTimer: '暂停计时超期督办',
  /** A pause past its bound (`count` = 1) or still open an escalation later, with the bodies told. */
  pauseOverdue: (count: number, pause: PauseFacts, since: string, limitAt: string, body: HandlingBody) =>
    `${count === 1 ? '暂停计时超过规定时限仍未恢复' : `暂停计时超期仍未恢复（第${count}次督办）`}：自 ${beijingText(since)} 起暂停（${pauseWords(pause)}），时限至 ${beijingText(limitAt)}；已通知${HANDLING_BODY_NAMES[body]}及其上级`,
  /** The same, as the handling body and its supervising level are told. */
  pauseOverdueNotice: (caseNumber: string, count: number, pause: PauseFacts, since: string, limitAt: string) =>
    `案件 ${caseNumber} 自 ${beijingText(since)} 起暂停计时（${pauseWords(pause)}），已超过规定时限（${beijingText(limitAt)}）仍未恢复，${escalations(count)}请及时恢复计时或说明情况。`,
} as const;
