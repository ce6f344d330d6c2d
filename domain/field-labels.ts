/**
 * Chinese names of the request fields' codes that `labels.ts` does not name, in the seed's words: what the
 * workbench's forms show for each choice.
 */
import type { Liability, Origin } from './case';

/** 追责问责的方式: what the error would otherwise bring. */
export const LIABILITY_NAMES: Readonly<Record<Liability, string>> = {
  sanction: '党纪政务处分',
  organizationalHandling: '组织处理',
  both: '党纪政务处分和组织处理',
};

/** 事项提出的方式. */
export const ORIGIN_NAMES: Readonly<Record<Origin, string>> = {
  organization: '组织研判提出',
  application: '本人申请提出',
};

/** 当事人: a unit or an official. */
export const PARTY_KIND_NAMES = { unit: '单位', official: '干部个人' } as const;

/** How an aspect weighs in the report (六个察看的倾向). */
export const LEANING_NAMES = { favourable: '有利', neutral: '中性', unfavourable: '不利' } as const;

/** Whose opinion a hearing heard (听取意见). */
export const HEARD_NAMES = { party: '干部本人', unit: '所在单位' } as const;

/** The acceptance decision. */
export const ACCEPTANCE_DECISION_NAMES = { accept: '受理', decline: '不予受理' } as const;

/** What the party wishes about 澄清正名. */
export const NAME_CLEARING_WISH_NAMES = { clear: '澄清正名', decline: '本人不需要澄清正名' } as const;

/** The three early exits from an investigation. */
export const EARLY_EXIT_NAMES = { exclude: '排除', closeDirectly: '直接了结', findUnfounded: '查无实据' } as const;

/**
 * The Chinese title of every request field, by its name: the OpenAPI document carries them (`title`), and the
 * workbench labels its forms with them, so a form reads as the API names its fields.
 */
export const FIELD_TITLES: Readonly<Record<string, string>> = {
  submission: '事项',
  origin: '提出方式',
  party: '当事人',
  kind: '当事人类别',
  name: '名称或姓名',
  unit: '所在单位',
  identifier: '居民身份证号码或干部编号',
  situation: '所属情形',
  liability: '可能承担的责任',
  handlingBody: '受理机关',
  unitId: '单位编号（组织树）',
  facts: '事实和理由',
  evidenceRefs: '证据材料（文号或档案号）',
  preFiling: '事前申请',
  fastTrack: '快查快结',
  to: '接办机关',
  reason: '理由',
  caseOfficer: '承办人',
  investigationTeam: '调查组成员',
  decision: '受理决定',
  opinion: '拟办意见',
  route: '办理方式',
  exclusionGround: '排除的情形',
  closureGround: '直接了结的情形',
  fixWithinWorkingDays: '整改期限（工作日）',
  decisionId: '决定编号（可不填）',
  approved: '同意',
  comment: '审批意见',
  talkedOn: '约谈日期',
  talkedBy: '约谈人',
  talkedWith: '约谈对象',
  ordered: '整改要求',
  fixed: '整改到位',
  note: '说明',
  members: '调查组成员',
  refs: '证据材料（文号或档案号）',
  description: '证据说明',
  heard: '听取对象',
  statementRef: '笔录或意见文号',
  summary: '摘要',
  report: '调查核实报告',
  reportRef: '调查核实报告文号',
  assessments: '六个察看',
  aspect: '察看方面',
  leaning: '倾向',
  finding: '认定',
  recommendation: '处理建议',
  impactPeriodMonths: '影响期（月）',
  negativeFindings: '负面清单（不该容的情形）',
  item: '情形',
  found: '查实',
  conditions: '所属情形的条件',
  condition: '条件',
  met: '符合',
  reduction: '从轻或减轻',
  residualMeasure: '还需承担的相关责任',
  exit: '了结方式',
  determination: '会议认定',
  meetingDate: '会议日期',
  attendees: '到会人员',
  membersTotal: '班子成员人数',
  outcome: '认定结论',
  reasoning: '认定理由',
  minutesRef: '会议纪要文号',
  relatedOfficials: '不再追究责任的相关人员',
  post: '职务',
  responsibilities: '不再追究的责任',
  votesFor: '同意票数',
  votesAgainst: '不同意票数',
  deferredTo: '再次研究日期',
  questions: '须补充调查的事项',
  documentRef: '文书文号',
  partyAgrees: '本人同意通报',
  scope: '范围',
  form: '形式',
  reply: '回复意见',
  visitedOn: '回访日期',
  partyWishes: '本人意愿',
  method: '方式',
  referredTo: '移送机关',
  ground: '暂停计时的情形',
  year: '年份',
  notice: '通知文号',
  holidays: '放假日期',
  workdays: '调休上班日期',
  date: '日期',
};
