import type {
  Aspect,
  Closure,
  DirectClosureGround,
  ExclusionGround,
  HandlingBody,
  HandlingRoute,
  Origin,
  Outcome,
  PauseGround,
  Situation,
  Stage,
} from './case';
import { STAGES } from './case';
import type { ReferralOutcome } from './false-reports';
import { ACTIONS, STAGE_RULES } from './procedure';

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

/** How the approved handling opinion proceeds (拟办意见的办理方式). */
export const HANDLING_ROUTE_NAMES: Readonly<Record<HandlingRoute, string>> = {
  investigate: '启动调查核实',
  rectification: '约谈提醒、督促整改',
  exclude: '排除',
  closeDirectly: '直接了结',
};

/** 排除的情形, in the seed's words. */
export const EXCLUSION_GROUND_NAMES: Readonly<Record<ExclusionGround, string>> = {
  subjectiveConjecture: '主观臆断',
  arbitraryLabelling: '乱扣帽子',
  proxyReport: '“贴牌”举报',
  retaliation: '打击报复',
};

/** 直接了结的情形, in the seed's words. */
export const DIRECT_CLOSURE_GROUND_NAMES: Readonly<Record<DirectClosureGround, string>> = {
  noSubstance: '反映问题无实质内容',
  repeatWithoutNewFacts: '重复举报已有明确结论而没有新的情况',
};

/** How a case concluded. */
export const CLOSURE_NAMES: Readonly<Record<Closure, string>> = {
  decided: '集体研究作出决定',
  excluded: '排除',
  closedDirectly: '直接了结',
  rectified: '整改到位不予追责',
  unfounded: '查无实据',
};

/** What the referral of a false accusation came to. */
export const REFERRAL_OUTCOME_NAMES: Readonly<Record<ReferralOutcome, string>> = {
  filed: '已立案',
  notFiled: '不予立案',
  dealtWith: '已处理',
};

/** Every kind of notice a case sends, by its name in the timeline (a refused notice names its kind). */
export const NOTICE_KIND_NAMES = {
  declined: '不予受理通知',
  rectificationOrder: '整改通知',
  conclusion: '办结通知',
  feedback: '书面反馈',
  impactPeriodEnded: '影响期满通知',
  followUpDue: '回访教育提醒',
  deadlineReminder: '期限提醒',
  deadlineOverdue: '超期通知',
  deadlineEscalated: '超期督办通知',
  pauseOverdue: '暂停计时超期通知',
  pauseEscalated: '暂停计时超期督办通知',
} as const satisfies Record<string, string>;
export type NoticeKind = keyof typeof NOTICE_KIND_NAMES;

/** Leadership decisions that are no action of the table by their own name. */
const DECISION_LABELS: Readonly<Record<string, string>> = { earlyExit: '排除、直接了结或查无实据' };

/** The Chinese name of an action or message (`recordDetermination`, `earlyExit`, …), for the timeline. */
export function messageLabel(name: string): string {
  if (Object.hasOwn(ACTIONS, name)) return ACTIONS[name as keyof typeof ACTIONS].label;
  return Object.hasOwn(DECISION_LABELS, name) ? DECISION_LABELS[name] : '未知消息';
}

/** 暂停计时的情形, by ground. */
export const PAUSE_GROUND_NAMES: Readonly<Record<PauseGround, string>> = {
  supplementaryMaterial: '等待当事人或所在单位补充材料',
  otherInvestigation: '涉及其他调查或司法程序，须待其结论',
  partyUnavailable: '当事人因病等客观原因无法配合调查',
  expertAssessment: '委托鉴定、审计或评估',
  forceMajeure: '不可抗力',
  other: '其他',
};

/** 事项来源: raised by the organisation, or applied for by the party. */
export const ORIGIN_NAMES: Readonly<Record<Origin, string>> = {
  organization: '组织研判提出',
  application: '当事人申请提出',
};
