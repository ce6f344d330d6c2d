/**
 * What a personnel or integrity file keeps of a decision about an official (对干部个人作出的容错免责或减责决定，会存入
 * 干部人事档案和廉政档案): the decision in words, its reasoning, the kind of reduction and what it still keeps, and
 * the numbers of the documents it rests on. The party's identity travels beside it in the entry.
 */
import type { Determination, HandlingBody } from './case';
import { HANDLING_BODY_NAMES, OUTCOME_NAMES } from './labels';
import type { Reduction } from './reduction';
import { reductionText } from './reduction';

export interface DecisionRecord {
  /** The body whose leadership meeting decided. */
  readonly handlingBody: HandlingBody;
  /** 经纪检监察机关领导班子会议集体研究，决定减责（从轻追究责任，仍需承担：诫勉）. */
  readonly decision: string;
  readonly reasoning: string;
  readonly reduction?: Reduction;
  readonly residualMeasure?: string;
  /** 文号: the meeting's minutes and the investigation report decided on. */
  readonly documentNumbers: { readonly minutes: string; readonly report?: string };
}

/** The record of `d`, decided by the leadership meeting of `body`. */
export function decisionRecord(body: HandlingBody, d: Determination): DecisionRecord {
  return {
    handlingBody: body,
    decision: `经${HANDLING_BODY_NAMES[body]}领导班子会议（${d.meetingDate}）集体研究，决定${OUTCOME_NAMES[d.outcome]}${reductionText(d)}`,
    reasoning: d.reasoning,
    ...(d.reduction ? { reduction: d.reduction } : {}),
    ...(d.residualMeasure ? { residualMeasure: d.residualMeasure } : {}),
    documentNumbers: { minutes: d.minutesRef, ...(d.reportRef ? { report: d.reportRef } : {}) },
  };
}
