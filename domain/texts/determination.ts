/**
 * (四) 研究认定 and (五) 反馈结论: how the leadership meeting's records (decision, deferral, return for supplementary
 * investigation) and the written feedback read in the timeline and in the feedback the party receives.
 * 召开领导班子会议，集体研究，依纪依规依法作出决定; 以书面形式向有关单位或干部本人及其所在单位反馈.
 */
import type { Determination, Outcome } from '../case';
import { OUTCOME_NAMES } from '../labels';

/** The vote, when the meeting recorded one (表决); nothing when it decided by consensus. */
function votes(d: { readonly votesFor?: number; readonly votesAgainst?: number }): string {
  if (d.votesFor === undefined && d.votesAgainst === undefined) return '';
  return `，表决同意 ${d.votesFor ?? 0} 票、不同意 ${d.votesAgainst ?? 0} 票`;
}

/** The timeline's and the feedback's words for (四) 研究认定 and (五) 反馈结论. */
export const DETERMINATION_TEXTS = {
  /** A meeting record whose dates or contents cannot stand, ignored with the reason. */
  meetingRecordRejected: (problem: string) => `领导班子会议记录不符合要求：${problem}`,
  /** The meeting defers the matter to a later meeting. */
  deferred: (meetingDate: string, deferredTo: string, minutesRef: string, reason: string) =>
    `领导班子会议（${meetingDate}）决定暂缓研究，定于 ${deferredTo} 再次研究（${minutesRef}）：${reason}`,
  /** The meeting returns the case for supplementary investigation (补充调查); a new report is needed. */
  supplementaryInvestigationOrdered: (meetingDate: string, minutesRef: string, questions: string) =>
    `领导班子会议（${meetingDate}）决定退回补充调查，须重新提交调查核实报告（${minutesRef}）：${questions}`,
  /** 不该容的坚决不容: a decision the case's report bars, ignored with the bar. */
  determinationBarred: (bar: string) => `领导班子会议决定未予采纳：${bar}`,
  /** 集体研究，依纪依规依法作出决定: date, attendance, vote, outcome and the reduction's terms (`reductionText`). */
  determined: (d: Determination, reduction: string) =>
    `领导班子会议（${d.meetingDate}，到会 ${d.attendees.length}/${d.membersTotal}${votes(d)}）集体研究决定：${OUTCOME_NAMES[d.outcome]}${reduction}`,
  /** 予以容错的，不再追究相关主体责任、监督责任、监管责任和领导责任: one official cleared (`clearedText`). */
  responsibilityCleared: (cleared: string) => `予以容错，${cleared}`,
  /** (五) 反馈结论: the written feedback the party and their unit receive, with the document's reference. */
  feedbackNotice: (caseNumber: string, outcome: Outcome, reduction: string, documentRef: string) =>
    `案件 ${caseNumber}：经集体研究，决定${OUTCOME_NAMES[outcome]}${reduction}。书面反馈文书：${documentRef}。`,
  /** (五) 反馈结论 recorded. */
  feedbackDelivered: (documentRef: string) => `向干部本人及所在单位书面反馈结论（${documentRef}）`,
} as const;
