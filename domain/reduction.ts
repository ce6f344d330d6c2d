/**
 * The two kinds of reduced liability the seed names (依纪依规依法……从轻、减轻追究责任), and what a reduced liability
 * still keeps: 对虽予容错减责但还需承担相关责任的干部. The seed lists no measures, so the residual measure is the
 * meeting's own words (诫勉, 批评教育, 组织处理…).
 */

/** 从轻 (`lighter`): liability within the ordinary range, at its lighter end; 减轻 (`mitigated`): below that range. */
export const REDUCTIONS = ['lighter', 'mitigated'] as const;
export type Reduction = (typeof REDUCTIONS)[number];

export const REDUCTION_NAMES: Readonly<Record<Reduction, string>> = {
  lighter: '从轻追究责任',
  mitigated: '减轻追究责任',
};

/** What a reduction of liability says, for a recommendation or a decision: kind and the responsibility kept. */
export interface ReductionTerms {
  readonly reduction?: Reduction;
  /** 还需承担的相关责任: the measure a reduced liability keeps, in words. */
  readonly residualMeasure?: string;
}

/** 从轻追究责任，仍需承担：诫勉, or nothing when the terms are absent (an exemption, or a case of an earlier release). */
export function reductionText(terms: ReductionTerms): string {
  if (!terms.reduction) return '';
  const kept = terms.residualMeasure ? `，仍需承担：${terms.residualMeasure}` : '';
  return `（${REDUCTION_NAMES[terms.reduction]}${kept}）`;
}
