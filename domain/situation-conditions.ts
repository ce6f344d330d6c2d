/**
 * 情形条件: what each of the eight situations (八种情况) requires besides the field of work it names, in the seed's
 * words (无明令禁止, 风险可控, 未谋取私利, 及时补救…). An investigation report records each condition of the case's
 * situation as met or not; while one is unmet neither an exemption nor a reduction may be recommended or decided
 * (`domain/tolerance.ts`).
 */
import type { Situation } from './case';
import { SITUATIONS } from './case';

/** Each situation's conditions, by code name, in the seed's words and order. */
export const SITUATION_CONDITIONS = {
  // (一) 落实上级决策部署
  higherDecision: {
    forProgress: '因破解难题或工作进度需要',
    ownedUp: '能够主动认错改错',
    remedied: '及时采取补救措施整改',
  },
  // (二) 创新探索
  innovation: {
    noProhibition: '国家政策没有明令禁止或法律法规没有明确限制',
    riskControlled: '因不确定性因素或客观情况变化未能达到预期效果，或作出带有一定政策风险性的决策但风险可控',
    noMajorLoss: '没有造成重大损失或不良社会影响',
  },
  // (三) 改革先行先试
  reformPilot: {
    publicSpirited: '主观上出于公心、担当尽责',
    followedDecisionProcedure: '符合决策程序',
    noPrecedent: '因无先例可循、政策界限不明确、先试先行、缺乏经验、难以预判等因素',
  },
  // (四) 维护稳定信访
  stability: {
    forStability: '为解决历史遗留问题、疑难复杂信访问题，或出于维护信访稳定大局需要',
    noAdverseImpact: '未造成不良影响',
    minorCircumstances: '情节轻微',
  },
  // (五) 优化营商环境
  businessEnvironment: {
    servingEnterprises: '为优质高效服务企业，及时解决企业反映的问题',
    noMajorLossOrInfluence: '没有造成重大损失或恶劣影响',
    remediedEffectively: '积极采取有效措施补救',
    cleanRelations: '政商关系“又亲又清”',
  },
  // (六) 乡村振兴民生
  ruralLivelihood: {
    correctedInTime: '能够及时采取有效措施改正',
    noSeriousImpact: '未造成严重影响',
    noPrivateGain: '没有谋取私利',
  },
  // (七) 应急处突
  emergency: {
    protectingPublic: '为切实维护人民群众合法权益，采取果断措施及时处置',
    regularisedOrForceMajeure: '未按规定程序办理但及时补正，或已经尽职履责但因不可抗力造成损失',
  },
  // (八) 其他
  threeDistinctions: {
    fitsThreeDistinctions: '符合“三个区分开来”重要要求',
  },
} as const satisfies Record<Situation, Record<string, string>>;

/** The code name of a condition of one of the eight situations. */
export type SituationCondition = {
  [S in Situation]: keyof (typeof SITUATION_CONDITIONS)[S];
}[Situation];

/** Every condition's words, by code name. */
export const CONDITION_NAMES = Object.assign({}, ...SITUATIONS.map((s) => SITUATION_CONDITIONS[s])) as Readonly<
  Record<SituationCondition, string>
>;

/** Every condition of every situation, in the seed's order. */
export const SITUATION_CONDITION_CODES = Object.keys(CONDITION_NAMES) as SituationCondition[];

/** The conditions of `situation`, in the seed's order. */
export function conditionsOf(situation: Situation): SituationCondition[] {
  return Object.keys(SITUATION_CONDITIONS[situation]) as SituationCondition[];
}

/** What the investigation found about one condition of the case's situation: met or not, and why. */
export interface ConditionFinding {
  readonly condition: SituationCondition;
  readonly met: boolean;
  readonly finding: string;
}
