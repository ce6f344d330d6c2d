/**
 * 对该容的大胆宽容，不该容的坚决不容: when an error may be tolerated at all. A report records every item of the negative
 * list and every condition of the case's situation; an exemption or a reduction, recommended by the report or
 * decided by the leadership meeting, is refused while an item is found or a condition unmet. A refusal of
 * tolerance (`refuse`) is always possible. Pure rules: the report's validator, the determination's signal handler
 * and the API apply the same ones.
 */
import type { Determination, InvestigationReport, Outcome, Situation } from './case';
import { OUTCOME_NAMES, SITUATION_NAMES } from './labels';
import { NEGATIVE_ITEMS, NEGATIVE_LIST } from './negative-list';
import type { ReductionTerms } from './reduction';
import type { RelatedOfficial } from './related-officials';
import { CONDITION_NAMES, conditionsOf } from './situation-conditions';
import { TOLERANCE_REFUSALS } from './texts';

/** The situation a report weighs: the one it corrects the case to, else the case's own. */
export function situationOf(report: Pick<InvestigationReport, 'situation'>, caseSituation: Situation): Situation {
  return report.situation ?? caseSituation;
}

/** Codes that are not each expected exactly once: missing, repeated or unexpected. */
function notOnceEach<T extends string>(expected: readonly T[], given: readonly string[]): string[] {
  const wrong = expected.filter((e) => given.filter((g) => g === e).length !== 1);
  const unexpected = given.filter((g) => !(expected as readonly string[]).includes(g));
  return [...wrong, ...new Set(unexpected)];
}

/**
 * What is missing from a report's record: every item of the negative list and every condition of its situation
 * (`caseSituation`, or the one the report corrects it to), each exactly once. Undefined when complete.
 */
export function reportRecordProblem(report: InvestigationReport, caseSituation: Situation): string | undefined {
  const items = notOnceEach(
    NEGATIVE_ITEMS,
    (report.negativeFindings ?? []).map((f) => f.item),
  );
  if (items.length) {
    const name = (i: string) => (NEGATIVE_LIST as Record<string, { name: string } | undefined>)[i]?.name ?? i;
    return TOLERANCE_REFUSALS.negativeFindingsIncomplete(items.map(name));
  }
  const situation = situationOf(report, caseSituation);
  const conditions = notOnceEach(
    conditionsOf(situation),
    (report.conditions ?? []).map((c) => c.condition),
  );
  if (conditions.length) {
    const name = (c: string) => (CONDITION_NAMES as Record<string, string | undefined>)[c] ?? c;
    return TOLERANCE_REFUSALS.conditionsIncomplete(SITUATION_NAMES[situation], conditions.map(name));
  }
  return undefined;
}

/**
 * Why `outcome` cannot rest on `report`: the first item of the negative list it finds, else the first condition of
 * its situation it finds unmet. `act` is what is refused, in words (建议容错免责, 决定减责). Never a bar to `refuse`;
 * none either for a report of an earlier release, which recorded neither.
 */
export function toleranceBar(
  outcome: Outcome,
  report: InvestigationReport,
  caseSituation: Situation,
  act: string,
): string | undefined {
  if (outcome === 'refuse') return undefined;
  const found = (report.negativeFindings ?? []).find((f) => f.found);
  if (found) return TOLERANCE_REFUSALS.negativeItemFound(act, NEGATIVE_LIST[found.item].name);
  const unmet = (report.conditions ?? []).find((c) => !c.met);
  if (unmet) {
    const situation = SITUATION_NAMES[situationOf(report, caseSituation)];
    return TOLERANCE_REFUSALS.conditionUnmet(act, situation, CONDITION_NAMES[unmet.condition]);
  }
  return undefined;
}

/** Which field of a reduction's terms is wrong for `outcome`: a reduction names both, nothing else names either. */
export function reductionTermsProblem(
  outcome: Outcome,
  terms: ReductionTerms,
): { readonly field: 'reduction' | 'residualMeasure'; readonly message: string } | undefined {
  if (outcome === 'reduce') {
    if (!terms.reduction) return { field: 'reduction', message: TOLERANCE_REFUSALS.reductionKind };
    if (!terms.residualMeasure) return { field: 'residualMeasure', message: TOLERANCE_REFUSALS.residualMeasure };
    return undefined;
  }
  if (terms.reduction) return { field: 'reduction', message: TOLERANCE_REFUSALS.onlyReductionTerms };
  if (terms.residualMeasure) return { field: 'residualMeasure', message: TOLERANCE_REFUSALS.onlyReductionTerms };
  return undefined;
}

/** 予以容错的，不再追究相关责任: only a decision that tolerates the error clears related officials. */
export function relatedOfficialsProblem(
  outcome: Outcome,
  officials: readonly RelatedOfficial[] | undefined,
): string | undefined {
  return outcome === 'refuse' && officials?.length ? TOLERANCE_REFUSALS.relatedOnlyWhenTolerated : undefined;
}

/** What the meeting's decision is checked against: the case's report, its situation, the reports sent back. */
export interface DecisionFacts {
  readonly report?: InvestigationReport;
  readonly sentBackReportRefs?: readonly string[];
  readonly submission: { readonly situation: Situation };
}

/**
 * Why the leadership meeting cannot decide `d` on this case, or undefined: it must name the report under
 * determination (not one sent back), carry a reduction's terms exactly when it reduces, clear related officials
 * only when it tolerates, and tolerate only what the report allows.
 */
export function determinationBar(d: Determination, facts: DecisionFacts): string | undefined {
  const report = facts.report;
  if (!report) return TOLERANCE_REFUSALS.noReport;
  if (d.reportRef !== report.reportRef) {
    const named = d.reportRef ?? '（未注明）';
    return facts.sentBackReportRefs?.includes(named)
      ? TOLERANCE_REFUSALS.staleReport(named, report.reportRef)
      : TOLERANCE_REFUSALS.unknownReport(named, report.reportRef);
  }
  return (
    reductionTermsProblem(d.outcome, d)?.message ??
    relatedOfficialsProblem(d.outcome, d.relatedOfficials) ??
    toleranceBar(d.outcome, report, facts.submission.situation, `决定${OUTCOME_NAMES[d.outcome]}`)
  );
}

/**
 * What a report found, in one clause for the timeline: the items of the negative list found and the conditions
 * unmet, or that there were none. Empty for a report of an earlier release, which recorded neither.
 */
export function findingsText(report: InvestigationReport): string {
  if (!report.negativeFindings) return '';
  const found = report.negativeFindings.filter((f) => f.found).map((f) => NEGATIVE_LIST[f.item].name);
  const unmet = (report.conditions ?? []).filter((c) => !c.met).map((c) => CONDITION_NAMES[c.condition]);
  return `；负面清单${found.length ? `查实：${found.join('、')}` : '均未查实'}；情形条件${unmet.length ? `不符合：${unmet.join('、')}` : '均符合'}`;
}
