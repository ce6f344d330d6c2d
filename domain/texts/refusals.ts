/**
 * What officers read when the procedure refuses something: every refusal and every rule's complaint, in Chinese, in
 * one place. The workflow's validators and gate, the domain rules and the API's own checks all take their words
 * from here, so the same refusal reads the same wherever it is met.
 */
import type { HandlingBody, Role, Stage } from '../case';
import { HANDLING_BODY_NAMES, STAGE_NAMES } from '../labels';
import type { CaseAction } from '../procedure';
import { ACTIONS } from '../procedure';

/** 角色名称. */
export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  caseOfficer: '承办人',
  investigator: '调查组成员',
  approvingLeader: '审批领导',
  meetingSecretary: '领导班子会议记录人',
  applicant: '申请人',
  operator: '系统运维人员',
};

const label = (action: CaseAction) => `“${ACTIONS[action].label}”`;

/** Why an action is refused, by rule. */
export const REFUSALS = {
  notInStage: (action: CaseAction, stage: Stage) => `案件当前处于“${STAGE_NAMES[stage]}”阶段，不能办理${label(action)}`,
  notPermitted: (action: CaseAction, role: Role, body: HandlingBody | undefined) =>
    `${body ? HANDLING_BODY_NAMES[body] : ''}${ROLE_NAMES[role]}不能办理本案的${label(action)}`,
  notTheCaseOfficer: (assigned: string, who: string) => `本案承办人为 ${assigned}，${who} 不是本案承办人`,
  notOnTheTeam: (who: string) => `${who} 不是本案调查组成员`,
  exclusionGround: '排除须注明所属情形（主观臆断、乱扣帽子、贴牌举报或打击报复）',
  closureGround: '直接了结须注明所属情形（无实质内容或重复举报无新情况）',
  rectificationDays: '约谈提醒、督促整改须明确整改期限（工作日）',
  referralAlreadyFiled: '移送的线索已登记立案，不能重复登记立案',
  referralFiledNotRefused: '移送的线索已立案，处理结果应登记为已处理，而非不予立案',
  reassignmentTarget: '重新指定须写明新的承办人或调查组',
  teamSize: '调查组至少由两人组成',
  noTeamYet: '尚未成立调查组，不能调整',
  aspectsMissing: (missing: readonly string[]) =>
    `调查核实报告须对六个方面逐一察看，每个方面一次；缺少：${missing.join('、') || '无'}`,
  reductionImpactPeriod: '建议减责须明确影响期',
  pauseReason: '以“其他”情形暂停计时须写明理由',
  pauseGround: (names: readonly string[]) => `暂停计时须注明所属情形：${names.join('、')}`,
  meetingInFuture: (date: string, today: string) =>
    `领导班子会议日期 ${date} 晚于今天（${today}），不能记录尚未召开的会议`,
  meetingBeforeReview: (date: string, accepted: string) =>
    `领导班子会议日期 ${date} 早于调查核实报告审核通过之日（${accepted}）`,
  deferredToAfterMeeting: (date: string, meetingDate: string) =>
    `暂缓研究后再次研究的日期 ${date} 须晚于本次会议日期（${meetingDate}）`,
  dateInFuture: (date: string, today: string) => `日期 ${date} 晚于今天（${today}）`,
  dateBeforeConclusion: (date: string, concluded: string) => `日期 ${date} 早于案件作出结论之日（${concluded}）`,
  talkBeforeApproval: (date: string, approved: string) =>
    `约谈日期 ${date} 早于领导审批同意约谈提醒、督促整改之日（${approved}）`,
  votesMoreThanAttendees: '表决票数多于到会人数',
  votesNoMajority: (votesFor: number, total: number) =>
    `同意票未超过应到会成员半数：${total} 名成员中同意 ${votesFor} 票`,
  nameClearingNotAgreed: '征求意见时本人未同意澄清正名',
  nameClearingDetails: '澄清正名须写明范围、方式和文书',
  attendeeTwice: '到会人员有重复',
  moreAttendeesThanMembers: '到会人数多于班子成员人数',
  noQuorum: (present: number, total: number) => `到会人数未超过班子成员半数：${total} 名成员中到会 ${present} 名`,
  reductionSetsImpactPeriod: '决定减责须明确影响期',
  onlyReductionHasImpactPeriod: '只有减责决定才有影响期',
  handOver: (allowed: readonly HandlingBody[], to: HandlingBody) =>
    `此类事项只能分办给${allowed.map((b) => HANDLING_BODY_NAMES[b]).join('或')}，不能分办给${HANDLING_BODY_NAMES[to]}`,
  unknownUnit: (unitId: string) => `单位编号 “${unitId}” 不在组织树中`,
  outsideJurisdiction: (unitLevel: string, ownLevel: string) =>
    `该单位属${unitLevel}，不属本机关（${ownLevel}）管辖，应向${unitLevel}的机关提出`,
  unknownLevel: (level: string) => `令牌所属层级 “${level}” 不在组织树中`,
  routing: (allowed: readonly HandlingBody[], body: HandlingBody) =>
    `此类事项应向${allowed.map((b) => HANDLING_BODY_NAMES[b]).join('或')}提出，不能向${HANDLING_BODY_NAMES[body]}提出`,
} as const;

/** Why a recommendation or a decision cannot tolerate the error (不该容的坚决不容), and what a report must record. */
export const TOLERANCE_REFUSALS = {
  negativeFindingsIncomplete: (missing: readonly string[]) =>
    `调查核实报告须对负面清单逐项作出认定（查实或未查实），每项一次；缺少或重复：${missing.join('、')}`,
  conditionsIncomplete: (situation: string, wrong: readonly string[]) =>
    `调查核实报告须对“${situation}”情形的条件逐项作出认定（符合或不符合），每项一次；缺少、重复或不属于该情形：${wrong.join('、')}`,
  negativeItemFound: (act: string, item: string) => `调查核实报告查实“${item}”，属于不该容的情形，不能${act}`,
  conditionUnmet: (act: string, situation: string, condition: string) =>
    `“${situation}”情形的条件“${condition}”不符合，不能${act}`,
  reductionKind: '减责须明确从轻追究责任还是减轻追究责任',
  residualMeasure: '减责须写明还需承担的相关责任',
  onlyReductionTerms: '只有减责才有从轻、减轻追究责任及还需承担的相关责任',
  relatedOnlyWhenTolerated: '不予容错的，不能决定不再追究相关人员的主体责任、监督责任、监管责任或领导责任',
  reportRefReused: (ref: string) => `调查核实报告 ${ref} 已被退回，重新提交的报告须使用新的文号`,
  noReport: '本案没有待研究认定的调查核实报告',
  staleReport: (named: string, current: string) =>
    `调查核实报告 ${named} 已被退回，不能据此作出决定；待研究认定的报告为 ${current}`,
  unknownReport: (named: string, current: string) => `本案没有调查核实报告 ${named}；待研究认定的报告为 ${current}`,
} as const;
