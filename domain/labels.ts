import type { Aspect, HandlingBody, Outcome, PauseGround, Situation, Stage } from './case';
import { STAGES } from './case';
import { STAGE_RULES } from './procedure';

/** Chinese names for summaries and notices; code names stay in English (glossary, DOMAIN.md). */
export const HANDLING_BODY_NAMES: Readonly<Record<HandlingBody, string>> = {
  partyCommittee: '党委（党组）',
  disciplineCommission: '纪检监察机关案件监督管理室',
  organizationDepartment: '组织部门干部监督室（科）',
};

/** The stages' names, from the procedure table. */
export const STAGE_NAMES: Readonly<Record<Stage, string>> = Object.fromEntries(
  STAGES.map((stage) => [stage, STAGE_RULES[stage].label]),
) as Record<Stage, string>;

export const SITUATION_NAMES: Readonly<Record<Situation, string>> = {
  higherDecision: '落实上级决策部署',
  innovation: '创新探索',
  reformPilot: '改革先行先试',
  stability: '维护稳定信访',
  businessEnvironment: '优化营商环境',
  ruralLivelihood: '乡村振兴民生',
  emergency: '应急处突',
  threeDistinctions: '其他符合三个区分开来',
};

export const OUTCOME_NAMES: Readonly<Record<Outcome, string>> = {
  exempt: '容错免责',
  reduce: '减责',
  refuse: '不予容错',
};

/** 六个察看, by aspect. */
export const ASPECT_NAMES: Readonly<Record<Aspect, string>> = {
  motive: '动机态度',
  objectiveConditions: '客观条件',
  procedure: '程序方法',
  natureAndDegree: '性质程度',
  consequences: '后果影响',
  personalRecord: '个人表现',
};

/** 暂停计时的情形, by ground. */
export const PAUSE_GROUND_NAMES: Readonly<Record<PauseGround, string>> = {
  supplementaryMaterial: '等待当事人或所在单位补充材料',
  otherInvestigation: '涉及其他调查或司法程序，须待其结论',
  partyUnavailable: '当事人因病等客观原因无法配合调查',
  expertAssessment: '委托鉴定、审计或评估',
  forceMajeure: '不可抗力',
  other: '其他',
};
