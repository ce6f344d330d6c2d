/**
 * (三) 调查核实: the investigation team, evidence and statements as references, the official's and the unit's
 * opinions, a written report assessing the six aspects with a recommendation, and leadership review. A report found
 * plainly 错告 or 诬告陷害 is excluded (排除); one with no substance, or a repeat with nothing new, is closed (直接了结);
 * one the investigation found untrue ends as 查无实据.
 */
import type { AspectAssessment } from '../domain/case';
import { ASPECTS } from '../domain/case';
import { ASPECT_NAMES } from '../domain/labels';
import {
  closureText,
  exclusionText,
  INVESTIGATION_TEXTS,
  REFUSALS,
  TOLERANCE_REFUSALS,
  unfoundedText,
} from '../domain/texts';
import { reductionTermsProblem, reportRecordProblem, toleranceBar } from '../domain/tolerance';
import { applyReport } from './report';
import { conclude } from './conclusion';
import type { CaseContext } from './context';
import { startTimelyPeriod } from './deadlines';
import type { StageEffects } from './procedure';

export function investigationEffects(c: CaseContext) {
  return {
    updates: {
      formInvestigationTeam: {
        apply: ({ actor, members }) => {
          c.data.investigationTeam = members;
          c.record('teamFormed', INVESTIGATION_TEXTS.teamFormed(members.length), actor);
          if (c.current) c.meetPeriods();
          return startTimelyPeriod(c, 'investigation');
        },
        validate: ({ members }) => {
          if (members.length < 2) c.invalid(REFUSALS.teamSize);
        },
      },
      recordEvidence: {
        apply: ({ actor, refs, description }) => {
          c.data.evidenceRefs.push(...refs.filter((r) => !c.data.evidenceRefs.includes(r)));
          c.record('evidenceRecorded', INVESTIGATION_TEXTS.evidenceRecorded(refs.length, description), actor);
        },
      },
      recordHearing: {
        apply: ({ actor, heard, statementRef, summary }) => {
          c.data.hearings.push({ heard, statementRef });
          c.record('hearingRecorded', INVESTIGATION_TEXTS.hearingRecorded(heard, summary), actor);
        },
      },
      submitInvestigationReport: {
        apply: ({ actor, report }) => applyReport(c, report, actor),
        validate: ({ report }) => {
          // 六个方面察看: each aspect assessed once; a reduction names its impact period.
          const assessed: string[] = report.assessments.map((a: AspectAssessment) => a.aspect);
          const missing = ASPECTS.filter((a) => !assessed.includes(a));
          if (missing.length || assessed.length !== ASPECTS.length) {
            c.invalid(REFUSALS.aspectsMissing(missing.map((a) => ASPECT_NAMES[a])));
          }
          if (report.recommendation === 'reduce' && !report.impactPeriodMonths) {
            c.invalid(REFUSALS.reductionImpactPeriod);
          }
          // 不该容的坚决不容: the record is complete, and tolerance is recommended only where it allows.
          if (c.data.sentBackReportRefs?.includes(report.reportRef)) {
            c.invalid(TOLERANCE_REFUSALS.reportRefReused(report.reportRef));
          }
          const situation = c.data.submission.situation;
          const problem =
            reportRecordProblem(report, situation) ??
            reductionTermsProblem(report.recommendation, report)?.message ??
            toleranceBar(
              report.recommendation,
              report,
              situation,
              INVESTIGATION_TEXTS.recommend(report.recommendation),
            );
          if (problem) c.invalid(problem);
        },
      },
    },
    decisions: {
      // 报领导审核: accepted reports go to the leadership meeting; a send-back reopens the investigation.
      reviewInvestigationReport: (decision) => {
        if (!c.acceptsDecision('reviewInvestigationReport', decision)) return;
        if (decision.approved) {
          c.record('reportAccepted', INVESTIGATION_TEXTS.reportAccepted(decision.comment), decision.actor);
          c.moveTo('determination');
          return startTimelyPeriod(c, 'meeting');
        } else {
          // A report sent back is stale: the meeting may no longer decide on it, nor a new report reuse its number.
          if (c.data.report) (c.data.sentBackReportRefs ??= []).push(c.data.report.reportRef);
          c.data.report = undefined;
          c.record('reportSentBack', INVESTIGATION_TEXTS.reportSentBack(decision.comment), decision.actor);
          c.moveTo('investigation');
          // The team reports again, in the investigation's own period.
          return startTimelyPeriod(c, 'investigation');
        }
      },
      earlyExit: async (decision) => {
        const foreign = c.foreignReason(decision, c.strictMessages());
        if (foreign) return c.recordForeign('earlyExit', decision, foreign);
        if (!c.acceptsDecision(decision.exit, decision)) return;
        const { exclusionGround, closureGround, reason, actor } = decision;
        if (decision.exit === 'exclude') {
          c.record('excluded', exclusionText(exclusionGround, reason, c.current), actor);
          await conclude(c, 'excluded', { exclusionGround });
        } else if (decision.exit === 'findUnfounded') {
          c.record('reportUnfounded', unfoundedText(reason), actor);
          await conclude(c, 'unfounded');
        } else {
          c.record('closedDirectly', closureText(closureGround, reason), actor);
          await conclude(c, 'closedDirectly', { closureGround });
        }
      },
    },
  } satisfies StageEffects;
}
