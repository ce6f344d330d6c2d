/**
 * 调查核实报告 as the case takes it: kept for review and the meeting, with what it recommends and found in the
 * timeline, and the situation corrected where the investigation found another than the one submitted.
 */
import type { Actor, InvestigationReport } from '../domain/case';
import { OUTCOME_NAMES, SITUATION_NAMES } from '../domain/labels';
import { reductionText } from '../domain/reduction';
import { findingsText } from '../domain/tolerance';
import type { CaseContext } from './context';
import { startTimelyPeriod } from './deadlines';

/** Takes the submitted report and moves the case to the leadership's review. */
export function applyReport(c: CaseContext, report: InvestigationReport, actor: Actor): Promise<void> | undefined {
  c.data.report = report;
  c.record(
    'reportSubmitted',
    `提交调查核实报告（${report.reportRef}），建议${OUTCOME_NAMES[report.recommendation]}${reductionText(report)}${findingsText(report)}`,
    actor,
  );
  const was = c.data.submission.situation;
  // The situation is a search attribute: cases begun earlier publish it only at their start, so only a case of the
  // current revision takes a correction (its batched publisher sends it with the stage, in the same upsert).
  if (c.current && report.situation && report.situation !== was) {
    c.data.submission = { ...c.data.submission, situation: report.situation };
    c.record(
      'situationCorrected',
      `调查核实认定所属情形为“${SITUATION_NAMES[report.situation]}”，更正提出时的“${SITUATION_NAMES[was]}”`,
      actor,
    );
  }
  c.moveTo('reportReview');
  return startTimelyPeriod(c, 'reportReview');
}
