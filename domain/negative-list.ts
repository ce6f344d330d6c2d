/**
 * 不该容的坚决不容: the negative list (负面清单). The seed weighs every error by six aspects (六个察看), each set as a
 * contrast: the favourable side may be tolerated, the other side may not. The other sides are listed here, in the
 * seed's words and order; an investigation report records every item as found or not, and while any is found
 * neither an exemption nor a reduction may be recommended or decided (`domain/tolerance.ts`).
 */
import type { Aspect } from './case';

/** One item of the negative list: the seed's words, and the aspect that weighs it. */
export interface NegativeListItem {
  /** The seed's words, as officers read them in the report, the timeline and a refusal. */
  readonly name: string;
  readonly aspect: Aspect;
}

/** Every item, in the seed's order (察看动机态度 … 察看个人表现). */
export const NEGATIVE_LIST = {
  // (一) 察看动机态度
  privateGain: { name: '谋取私利或者局部利益', aspect: 'motive' },
  knowingViolation: { name: '明知故犯', aspect: 'motive' },
  resistingCorrection: { name: '漠视错误、抵触改正', aspect: 'motive' },
  // (二) 察看客观条件
  recklessAmbition: { name: '无视客观规律、好大喜功、急功近利', aspect: 'objectiveConditions' },
  // (三) 察看程序方法
  evadingProcedure: { name: '故意规避、违反程序、瞒报谎报漏报迟报', aspect: 'procedure' },
  abuseOfPower: { name: '无视纪律规矩，滥用职权、失职渎职', aspect: 'procedure' },
  arbitraryDecision: { name: '个人专断、一意孤行', aspect: 'procedure' },
  // (四) 察看性质程度
  defyingOrders: { name: '有令不行、有禁不止', aspect: 'natureAndDegree' },
  circumvention: { name: '有意打折扣、搞变通', aspect: 'natureAndDegree' },
  seriousError: { name: '严重错误、重大原则性、方向性错误', aspect: 'natureAndDegree' },
  // (五) 察看后果影响
  harmToPublic: { name: '影响工作落实、带来更大风险、损害群众利益', aspect: 'consequences' },
  majorDamage: { name: '造成较大以上责任事故、重大损失或恶劣影响', aspect: 'consequences' },
  neglectingConsequences: { name: '消极应付、放任后果恶化', aspect: 'consequences' },
  // (六) 察看个人表现
  repeatedOffence: { name: '重复犯错、屡教不改', aspect: 'personalRecord' },
  persistingAfter18th: { name: '在党的十八大、十九大后仍然不收手不收敛、顶风违纪', aspect: 'personalRecord' },
  obstructingInvestigation: { name: '对抗组织调查，提供虚假情况或拒不如实说明问题', aspect: 'personalRecord' },
} as const satisfies Record<string, NegativeListItem>;

/** The code name of an item of the negative list. */
export type NegativeItem = keyof typeof NEGATIVE_LIST;
/** Every item, in the seed's order. */
export const NEGATIVE_ITEMS = Object.keys(NEGATIVE_LIST) as NegativeItem[];

/** What the investigation found about one item: found (查实) or not, and the finding in words. */
export interface NegativeFinding {
  readonly item: NegativeItem;
  readonly found: boolean;
  readonly finding: string;
}
