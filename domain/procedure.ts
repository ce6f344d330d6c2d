/**
 * The procedure, declared once, in the seed's order (办理程序 (一)–(五) and what follows a conclusion): every stage
 * with what it opens, and every action with who may take it, when it is open, what it is called and which clause
 * of the seed it carries out. The workflow's gate and its state query, the API's authorisation, its route table and
 * its documentation all read this table; nothing else says when an action is open or who takes it.
 *
 * Pure data and pure functions of the case's facts, so it serves the workflow sandbox, the API and unit tests alike.
 */
import type { AllowedAction, Deadline, HandlingBody, HandlingRoute, Obligation, Outcome, Role, Stage } from './case';

/** What the rules of the table look at: a subset of the case's state, which the workflow's data satisfies. */
export interface ProcedureFacts {
  readonly stage: Stage;
  readonly caseOfficer?: string;
  readonly investigationTeam?: readonly string[];
  readonly hearings: readonly { readonly heard: 'party' | 'unit' }[];
  readonly outcome?: Outcome;
  readonly route?: HandlingRoute;
  readonly openObligations: readonly Obligation[];
  readonly consultation?: { readonly partyAgrees: boolean };
  readonly announced: boolean;
  readonly nameCleared?: boolean;
  /** The rectification's order is out with its due date: by the talk (0.4.0 on), or at approval (earlier cases). */
  readonly rectificationOrdered?: boolean;
  readonly pauses: readonly { readonly until?: string }[];
  readonly deadlines: readonly Pick<Deadline, 'status'>[];
  /** A case officer's pause waiting for the approving leader's consent. */
  readonly pauseRequest?: object;
  /**
   * Whether the official is up for promotion (快查快结), as the accepting officer established it; and the body
   * handling the case now (a hand-over changes it; facts without one are of no party committee's case).
   */
  readonly submission?: { readonly fastTrack: boolean; readonly handlingBody?: HandlingBody };
  /** Whether the integrity review (党风廉政审核意见) has been answered. */
  readonly integrityReviewReplied?: boolean;
}

/** One action of the procedure. */
export interface ActionRule {
  /** 中文名称, as officers read it in the timeline, the work list and the documents. */
  readonly label: string;
  /** The seed's words the action carries out. */
  readonly clause: string;
  /** Who may take it, among the officers of the handling body. */
  readonly roles: readonly Role[];
  /** Open only when this also holds (beyond the stage that lists it); always, when absent. */
  readonly openWhen?: (d: ProcedureFacts) => boolean;
  /** The stages it can lead to, for the docs (the workflow moves the case). */
  readonly leadsTo: readonly Stage[];
}

/** Both the official and their unit must be heard before the report (听取干部本人和所在单位意见). */
export function hearingsComplete(d: ProcedureFacts): boolean {
  return d.hearings.some((h) => h.heard === 'party') && d.hearings.some((h) => h.heard === 'unit');
}

/** An announcement fits a favourable conclusion or a cleared name, and only after the party agreed to it. */
export function announcementFits(d: ProcedureFacts): boolean {
  const favourable = d.outcome === 'exempt' || d.outcome === 'reduce' || d.nameCleared === true;
  return favourable && d.consultation?.partyAgrees === true && !d.announced;
}

const owes = (d: ProcedureFacts, o: Obligation) => d.openObligations.includes(o);
const teamFormed = (d: ProcedureFacts) => d.investigationTeam !== undefined;
const clockPaused = (d: ProcedureFacts) => d.pauses.some((p) => p.until === undefined);
const clockRunning = (d: ProcedureFacts) =>
  d.deadlines.some((x) => x.status === 'running' || x.status === 'paused' || x.status === 'overdue');
const caseOpen = (d: ProcedureFacts) => d.stage !== 'declined' && d.stage !== 'closed';
const pauseAsked = (d: ProcedureFacts) => d.pauseRequest !== undefined;

/**
 * The integrity review of a fast-track case is answered whenever it is asked, with the case's status at that
 * moment: from acceptance on, once; after a conclusion it is an obligation until answered.
 */
export function integrityReplyOpen(d: ProcedureFacts): boolean {
  if (owes(d, 'integrityReviewReply')) return true;
  return (
    d.submission?.fastTrack === true &&
    d.caseOfficer !== undefined &&
    d.integrityReviewReplied !== true &&
    d.stage !== 'aftercare'
  );
}

/** Every action, in the order of the procedure. */
export const ACTIONS = {
  // (二) 受理办理
  decideAcceptance: {
    label: '受理或不予受理',
    clause: '受理办理：统一受理、分办和协调容错事项',
    roles: ['caseOfficer', 'approvingLeader'],
    leadsTo: ['handlingOpinion', 'declined'],
  },
  proposeHandlingOpinion: {
    label: '提出拟办意见',
    clause: '受理容错事项后，在5个工作日之内，按照有关程序和权限提出拟办意见',
    roles: ['caseOfficer'],
    leadsTo: ['opinionApproval'],
  },
  approveHandlingOpinion: {
    label: '领导审批拟办意见',
    clause: '呈领导审批后，启动容错办理程序',
    roles: ['approvingLeader'],
    leadsTo: ['investigation', 'rectification', 'aftercare', 'closed', 'handlingOpinion'],
  },
  recordRectificationTalk: {
    label: '约谈提醒',
    clause: '第一时间对责任单位或个人进行约谈提醒、督促整改',
    roles: ['caseOfficer'],
    openWhen: (d) => !d.rectificationOrdered,
    leadsTo: ['rectification'],
  },
  verifyRectification: {
    label: '核查整改情况',
    clause: '约谈提醒、督促整改，对整改及时到位的依纪依规依法不予追责问责',
    roles: ['caseOfficer'],
    openWhen: (d) => d.rectificationOrdered === true,
    leadsTo: ['rectificationReview', 'aftercare', 'closed', 'investigation'],
  },
  approveRectification: {
    label: '领导审批整改情况',
    clause: '对整改及时到位的依纪依规依法不予追责问责',
    roles: ['approvingLeader'],
    leadsTo: ['aftercare', 'closed', 'investigation'],
  },
  // (三) 调查核实
  formInvestigationTeam: {
    label: '成立调查组',
    clause: '接受办理工作后，会及时成立调查组，启动容错调查核实工作',
    roles: ['caseOfficer', 'approvingLeader'],
    openWhen: (d) => !teamFormed(d),
    leadsTo: ['investigation'],
  },
  recordEvidence: {
    label: '收集证据材料',
    clause: '调查组会全面准确收集相关证据材料',
    roles: ['investigator', 'caseOfficer'],
    openWhen: teamFormed,
    leadsTo: ['investigation'],
  },
  recordHearing: {
    label: '听取意见',
    clause: '广泛听取各方面意见包括干部本人和所在单位意见',
    roles: ['investigator'],
    openWhen: teamFormed,
    leadsTo: ['investigation'],
  },
  submitInvestigationReport: {
    label: '提交调查核实报告',
    clause: '调查核实会形成书面报告，并按有关规定提出容错的具体建议',
    roles: ['investigator', 'caseOfficer'],
    openWhen: (d) => teamFormed(d) && hearingsComplete(d),
    leadsTo: ['reportReview'],
  },
  exclude: {
    label: '排除',
    clause: '对明显属于主观臆断、乱扣帽子、“贴牌”举报、打击报复的及时排除，不作为问题线索处置',
    roles: ['approvingLeader'],
    leadsTo: ['aftercare'],
  },
  closeDirectly: {
    label: '直接了结',
    clause: '对反映问题无实质内容，或重复举报已有明确结论而没有新的情况的，可直接了结',
    roles: ['approvingLeader'],
    leadsTo: ['aftercare', 'closed'],
  },
  findUnfounded: {
    label: '查无实据',
    clause: '对受到错告、诬告或因受到不实举报造成不良影响的干部……为其澄清正名',
    roles: ['approvingLeader'],
    openWhen: teamFormed,
    leadsTo: ['aftercare'],
  },
  reviewInvestigationReport: {
    label: '领导审核调查核实报告',
    clause: '提出容错的具体建议，报领导审核',
    roles: ['approvingLeader'],
    leadsTo: ['determination', 'investigation'],
  },
  // (四) 研究认定
  recordDetermination: {
    label: '领导班子会议集体研究认定',
    clause: '及时召开领导班子会议，集体研究，依纪依规依法作出决定',
    roles: ['meetingSecretary'],
    leadsTo: ['feedback'],
  },
  deferDetermination: {
    label: '领导班子会议决定暂缓研究',
    clause: '及时召开领导班子会议，集体研究（会议决定另行研究的，明确再次研究的日期）',
    roles: ['meetingSecretary'],
    leadsTo: ['determination'],
  },
  orderSupplementaryInvestigation: {
    label: '领导班子会议退回补充调查',
    clause: '集体研究，依纪依规依法作出决定（事实不清的，退回调查组补充调查，重新形成书面报告）',
    roles: ['meetingSecretary'],
    leadsTo: ['investigation'],
  },
  // (五) 反馈结论
  deliverFeedback: {
    label: '书面反馈结论',
    clause: '作出容错决定后，在5个工作日之内，会以书面形式向有关单位或干部本人及其所在单位反馈',
    roles: ['caseOfficer'],
    leadsTo: ['aftercare', 'closed'],
  },
  recordConsultation: {
    label: '征求本人意见',
    clause: '经充分征求意见后……对受到错告、诬告的干部，会充分征求其本人意见',
    roles: ['caseOfficer'],
    // Asked again while an announcement or a name clearing is still owed: the party may change their mind.
    openWhen: (d) =>
      (d.outcome === 'exempt' || d.outcome === 'reduce' || owes(d, 'nameClearing')) &&
      (!d.consultation || owes(d, 'announcement') || owes(d, 'nameClearing')),
    leadsTo: ['aftercare'],
  },
  clearName: {
    label: '澄清正名',
    clause: '选择合适的范围、方式、方法为其澄清正名',
    roles: ['caseOfficer'],
    openWhen: (d) => owes(d, 'nameClearing') && d.consultation !== undefined,
    leadsTo: ['aftercare', 'closed'],
  },
  announce: {
    label: '通报说明',
    clause: '通过一定形式在适当范围内通报说明',
    roles: ['caseOfficer'],
    openWhen: announcementFits,
    leadsTo: ['aftercare', 'closed'],
  },
  waiveAnnouncement: {
    label: '不予通报说明',
    clause: '经充分征求意见后，通过一定形式在适当范围内通报说明',
    roles: ['caseOfficer'],
    openWhen: (d) => owes(d, 'announcement'),
    leadsTo: ['aftercare', 'closed'],
  },
  replyIntegrityReview: {
    label: '回复党风廉政审核意见',
    clause: '对涉及拟提拔重用干部的问题线索快查快结，客观公正回复党风廉政审核意见',
    roles: ['caseOfficer', 'approvingLeader'],
    openWhen: integrityReplyOpen,
    leadsTo: ['aftercare', 'closed'],
  },
  recordFollowUpVisit: {
    label: '回访教育',
    clause: '及时主动做好回访教育，开展有针对性的教育引导',
    roles: ['caseOfficer'],
    openWhen: (d) => owes(d, 'followUpVisit'),
    leadsTo: ['aftercare', 'closed'],
  },
  recordFalseReport: {
    label: '诬告陷害线索移送',
    clause: '坚持“零容忍”，严厉打击诬告陷害行为',
    roles: ['caseOfficer'],
    openWhen: (d) => owes(d, 'falseReportRecord'),
    leadsTo: ['aftercare', 'closed'],
  },
  recordReferralOutcome: {
    label: '登记移送处理结果',
    clause: '严厉打击诬告陷害行为。对通过诬告陷害获得的各种利益，坚决予以纠正',
    roles: ['caseOfficer'],
    openWhen: (d) => owes(d, 'referralOutcome'),
    leadsTo: ['aftercare', 'closed'],
  },
  handOver: {
    label: '分办',
    clause: '按照干部管理权限，由党委（党组）或纪检监察机关、组织部门分别办理',
    roles: ['approvingLeader'],
    openWhen: (d) => d.submission?.handlingBody === 'partyCommittee',
    leadsTo: ['acceptance'],
  },
  transfer: {
    label: '移送',
    clause: '根据单位党组织隶属关系和干部管理权限，由相关党委（党组）、纪检监察机关或组织部门按照有关规定组织实施',
    roles: ['approvingLeader'],
    leadsTo: ['acceptance'],
  },
  // 贯穿全程
  reassign: {
    label: '重新指定承办人或调整调查组',
    clause: '按照有关程序和权限办理（领导指定承办人和调查组）',
    roles: ['approvingLeader'],
    openWhen: (d) => d.caseOfficer !== undefined && caseOpen(d),
    leadsTo: [],
  },
  pauseClock: {
    label: '暂停计时',
    clause: '期限以工作日计算，依规中止的期间不计入（承办人申请，审批领导同意）',
    roles: ['caseOfficer', 'approvingLeader'],
    openWhen: (d) => clockRunning(d) && !clockPaused(d) && !pauseAsked(d),
    leadsTo: [],
  },
  approveClockPause: {
    label: '审批暂停计时申请',
    clause: '期限以工作日计算，依规中止的期间不计入（承办人申请，审批领导同意）',
    roles: ['approvingLeader'],
    openWhen: (d) => pauseAsked(d) && !clockPaused(d),
    leadsTo: [],
  },
  resumeClock: {
    label: '恢复计时',
    clause: '期限以工作日计算，依规中止的期间不计入',
    roles: ['caseOfficer', 'approvingLeader'],
    openWhen: (d) => clockRunning(d) && clockPaused(d),
    leadsTo: [],
  },
} as const satisfies Record<string, ActionRule>;

/** The name of an action of the procedure. */
export type CaseAction = keyof typeof ACTIONS;
/** Every action, in the order of the procedure. */
export const CASE_ACTIONS = Object.keys(ACTIONS) as CaseAction[];

/** One stage of the procedure: what it is called and the actions it opens (each still subject to its `openWhen`). */
export interface StageRule {
  readonly label: string;
  readonly actions: readonly CaseAction[];
}

/** Actions open in every stage of a case that is not over, each under its own `openWhen`. */
export const THROUGHOUT: readonly CaseAction[] = [
  'reassign',
  'pauseClock',
  'approveClockPause',
  'resumeClock',
  'replyIntegrityReview',
];

/**
 * Every stage. A `Record` over the `Stage` union: a stage added to `domain/case.ts` without its rules here does not
 * compile.
 */
export const STAGE_RULES = {
  acceptance: { label: '待受理', actions: ['decideAcceptance', 'handOver', 'transfer'] },
  handlingOpinion: { label: '拟办意见', actions: ['proposeHandlingOpinion'] },
  opinionApproval: { label: '拟办意见待审批', actions: ['approveHandlingOpinion'] },
  rectification: { label: '约谈提醒、督促整改', actions: ['recordRectificationTalk', 'verifyRectification'] },
  rectificationReview: { label: '整改情况待审批', actions: ['approveRectification'] },
  investigation: {
    label: '调查核实',
    actions: [
      'formInvestigationTeam',
      'recordEvidence',
      'recordHearing',
      'submitInvestigationReport',
      'exclude',
      'closeDirectly',
      'findUnfounded',
    ],
  },
  reportReview: { label: '调查报告待审核', actions: ['reviewInvestigationReport'] },
  determination: {
    label: '研究认定',
    actions: ['recordDetermination', 'deferDetermination', 'orderSupplementaryInvestigation'],
  },
  feedback: { label: '反馈结论', actions: ['deliverFeedback'] },
  aftercare: {
    label: '后续事项',
    actions: [
      'recordFollowUpVisit',
      'recordFalseReport',
      'recordReferralOutcome',
      'recordConsultation',
      'clearName',
      'announce',
      'waiveAnnouncement',
    ],
  },
  declined: { label: '不予受理', actions: [] },
  closed: { label: '已办结', actions: [] },
} as const satisfies Record<Stage, StageRule>;

/** Who may take each action: read by the workflow's gate and the API's authorisation alike. */
export const ACTION_ROLES = Object.fromEntries(CASE_ACTIONS.map((a) => [a, ACTIONS[a].roles])) as unknown as {
  readonly [A in CaseAction]: (typeof ACTIONS)[A]['roles'];
};

function isOpen(action: CaseAction, d: ProcedureFacts): boolean {
  const rule: ActionRule = ACTIONS[action];
  return rule.openWhen ? rule.openWhen(d) : true;
}

/** The actions open now, in the order an officer would take them. */
export function openActions(d: ProcedureFacts): CaseAction[] {
  const inStage: readonly CaseAction[] = STAGE_RULES[d.stage].actions;
  const throughout = caseOpen(d) ? THROUGHOUT : [];
  return [...inStage, ...throughout].filter((a) => isOpen(a, d));
}

/** The actions open now, each with the roles that may take it: what the query shows and a refusal names. */
export function allowedActions(d: ProcedureFacts): AllowedAction[] {
  return openActions(d).map((action) => ({ action, roles: ACTION_ROLES[action] }));
}

/** Roles that may read a case of their own handling body; applicants read only their own case. */
export const CASE_READER_ROLES: readonly Role[] = [
  'caseOfficer',
  'investigator',
  'approvingLeader',
  'meetingSecretary',
];

/** Stages that are over: nothing but reading is open. */
export const FINAL_STAGES: readonly Stage[] = ['declined', 'closed'];
