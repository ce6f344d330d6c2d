/**
 * What officers read when the procedure refuses something: every refusal and every rule's complaint, in Chinese, in
 * one place. The workflow's validators and gate, the domain rules and the API's own checks all take their words
 * from here, so the same refusal reads the same wherever it is met.
 */
import type { HandlingBody, Role, Stage } from './case';
import { HANDLING_BODY_NAMES, STAGE_NAMES } from './labels';
import type { CaseAction } from './procedure';
import { ACTIONS } from './procedure';

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
  routing: (allowed: readonly HandlingBody[], body: HandlingBody) =>
    `此类事项应向${allowed.map((b) => HANDLING_BODY_NAMES[b]).join('或')}提出，不能向${HANDLING_BODY_NAMES[body]}提出`,
} as const;
