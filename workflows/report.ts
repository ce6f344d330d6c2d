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
import { issueDocument, settledDocument } from './documents';

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
  if (c.revision5) {
    // A report submitted again (after a send-back or a supplementary investigation) takes the earlier one's place.
    issueDocument(c, 'investigationReport', async (n) => {
      const earlier = await settledDocument(c, 'investigationReport', n - 1);
      return {
        detail: {
          kind: 'investigationReport',
          facts: c.data.submission.facts,
          report,
          team: c.data.investigationTeam ?? [],
          hearings: c.data.hearings.map((h) => h.heard),
          evidenceCount: c.data.evidenceRefs.length,
        },
        ...(earlier ? { corrects: earlier.number } : {}),
      };
    });
  }
  c.moveTo('reportReview');
  return startTimelyPeriod(c, 'reportReview');
}
