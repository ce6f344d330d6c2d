/**
 * 调查核实报告 as the case takes it: kept for review and the meeting, with what it recommends and found in the
 * timeline, and the situation corrected where the investigation found another than the one submitted.
 */
import type { Actor, InvestigationReport } from '../domain/case';
import { reductionText } from '../domain/reduction';
import { INVESTIGATION_TEXTS } from '../domain/texts';
import { findingsText } from '../domain/tolerance';
import type { CaseContext } from './context';
import { startTimelyPeriod } from './deadlines';
import { issueDocument, settledDocument } from './documents';

/** Takes the submitted report and moves the case to the leadership's review. */
export function applyReport(c: CaseContext, report: InvestigationReport, actor: Actor): Promise<void> | undefined {
  c.data.report = report;
  c.record(
    'reportSubmitted',
    INVESTIGATION_TEXTS.reportSubmitted(
      report.reportRef,
      report.recommendation,
      reductionText(report),
      findingsText(report),
    ),
    actor,
  );
  const was = c.data.submission.situation;
  // The situation is a search attribute: cases begun earlier publish it only at their start, so only a case of the
  // current revision takes a correction (its batched publisher sends it with the stage, in the same upsert).
  if (c.current && report.situation && report.situation !== was) {
    c.data.submission = { ...c.data.submission, situation: report.situation };
    c.record('situationCorrected', INVESTIGATION_TEXTS.situationCorrected(report.situation, was), actor);
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
