/**
 * (三) 调查核实: how the team, the evidence, the opinions heard, the written report and the leadership's review read
 * in the timeline. 调查组会全面准确收集相关证据材料，广泛听取各方面意见包括干部本人和所在单位意见…调查核实会形成书面
 * 报告，并按有关规定提出容错的具体建议，报领导审核.
 */
import type { Outcome, Situation } from '../case';
import { OUTCOME_NAMES, SITUATION_NAMES } from '../labels';

/** The timeline's words for (三) 调查核实. */
export const INVESTIGATION_TEXTS = {
  /** 及时成立调查组, with its size. */
  teamFormed: (members: number) => `成立调查组（${members}人）`,
  /** 收集相关证据材料: how many references, and what they are. */
  evidenceRecorded: (count: number, description: string) => `收集证据材料 ${count} 份：${description}`,
  /** 听取…干部本人和所在单位意见. */
  hearingRecorded: (heard: 'party' | 'unit', summary: string) =>
    `听取${heard === 'party' ? '干部本人' : '所在单位'}意见：${summary}`,
  /** 提出容错的具体建议: the act a recommendation is, as a refusal names it (不能建议免责). */
  recommend: (outcome: Outcome) => `建议${OUTCOME_NAMES[outcome]}`,
  /**
   * 形成书面报告: its number, its recommendation, the reduction's terms (`reductionText`) and the findings of the
   * negative list and the situation's conditions (`findingsText`).
   */
  reportSubmitted: (reportRef: string, recommendation: Outcome, reduction: string, findings: string) =>
    `提交调查核实报告（${reportRef}），建议${OUTCOME_NAMES[recommendation]}${reduction}${findings}`,
  /** The investigation found another situation than the one submitted. */
  situationCorrected: (found: Situation, submitted: Situation) =>
    `调查核实认定所属情形为“${SITUATION_NAMES[found]}”，更正提出时的“${SITUATION_NAMES[submitted]}”`,
  /** 报领导审核: the report accepted. */
  reportAccepted: (comment: string) => `领导审核通过调查核实报告：${comment}`,
  /** 报领导审核: the report sent back to the team. */
  reportSentBack: (comment: string) => `调查核实报告被退回：${comment}`,
} as const;
