/**
 * Every action on a case as a route, keyed by the name of its message in the procedure table: the types demand
 * exactly one route for each Update and each leadership decision, so a message added to `domain/messages.ts`
 * without its route does not compile. Summaries are the officers' words; the OpenAPI document and the docs page
 * are built from these routes.
 */
import type { Client } from '@temporalio/client';

import type { DecisionName, UpdateName } from '../../domain/messages';
import { determinationBar } from '../../domain/tolerance';
import { meetingDateProblem } from '../../domain/meeting';
import { DECISION_NAMES, UPDATE_NAMES } from '../../domain/messages';
import { LOCAL_POLICY } from '../../domain/periods';
import * as schemas from './schemas';
import type { SignalSpec, UpdateSpec } from './action-route';
import { signalRoute, updateRoute } from './action-route';
import type { ApiRoute } from '../http/route';
import { HttpProblem } from '../http/errors';
import type { OrgTreeHolder } from '../org-tree/org-tree-file';
import type { CasePlace, OrgTreeIndex } from '../../domain/org-tree';
import { casePlaceOf } from '../../domain/org-tree';
import { HTTP_PROBLEM_TEXTS, JURISDICTION_TEXTS } from '../../domain/texts';

const ACCEPTANCE = '(二) 受理办理';
const INVESTIGATION = '(三) 调查核实';
const DETERMINATION = '(四) 研究认定';
const FEEDBACK = '(五) 反馈结论及后续事项';
const CLOCK = '计时';

/** The route of every officer's action (an Update), by message name. */
const UPDATE_ROUTES: { readonly [N in UpdateName]: UpdateSpec<N> } = {
  decideAcceptance: {
    path: '/acceptance',
    summary: '受理，确定承办人；或不予受理',
    tag: ACCEPTANCE,
    schema: schemas.acceptanceSchema,
  },
  proposeHandlingOpinion: {
    path: '/handling-opinion',
    summary: '提出拟办意见（受理后5个工作日内）',
    tag: ACCEPTANCE,
    schema: schemas.handlingOpinionSchema,
  },
  recordRectificationTalk: {
    path: '/rectification/talk',
    summary: '约谈提醒，督促限期整改',
    description: '登记约谈日期、约谈人、约谈对象和整改要求；整改期限自此起算，整改通知载明到期时间。',
    tag: ACCEPTANCE,
    schema: schemas.rectificationTalkSchema,
  },
  verifyRectification: {
    path: '/rectification/verification',
    summary: '核查约谈提醒后是否及时整改到位',
    description: '整改期限届满后才核查到位的，不属于整改及时到位，转入调查核实；及时到位的呈领导审批。',
    tag: ACCEPTANCE,
    schema: schemas.rectificationCheckSchema,
  },
  formInvestigationTeam: {
    path: '/investigation/team',
    summary: '成立调查组',
    tag: INVESTIGATION,
    schema: schemas.teamFormationSchema,
  },
  recordEvidence: {
    path: '/investigation/evidence',
    summary: '收集证据材料（仅登记文号或档案号）',
    tag: INVESTIGATION,
    schema: schemas.evidenceSchema,
  },
  recordHearing: {
    path: '/investigation/hearings',
    summary: '听取干部本人或所在单位意见',
    tag: INVESTIGATION,
    schema: schemas.hearingSchema,
  },
  submitInvestigationReport: {
    path: '/investigation/report',
    summary: '提交调查核实报告（六个察看及处理建议）',
    tag: INVESTIGATION,
    schema: schemas.reportSubmissionSchema,
  },
  deliverFeedback: {
    path: '/feedback',
    summary: '书面反馈结论（决定后5个工作日内）',
    tag: FEEDBACK,
    schema: schemas.feedbackSchema,
  },
  recordConsultation: {
    path: '/consultation',
    summary: '充分征求本人意见',
    tag: FEEDBACK,
    schema: schemas.consultationSchema,
  },
  announce: {
    path: '/announcement',
    summary: '在适当范围内通报说明',
    tag: FEEDBACK,
    schema: schemas.announcementSchema,
  },
  waiveAnnouncement: {
    path: '/announcement/waiver',
    summary: '不予通报说明，记录理由',
    tag: FEEDBACK,
    schema: schemas.announcementWaiverSchema,
  },
  replyIntegrityReview: {
    path: '/integrity-review-reply',
    summary: '快查快结，回复党风廉政意见',
    tag: FEEDBACK,
    schema: schemas.integrityReviewReplySchema,
  },
  recordFollowUpVisit: {
    path: '/follow-up-visits',
    summary: '回访教育',
    tag: FEEDBACK,
    schema: schemas.followUpVisitSchema,
  },
  clearName: {
    path: '/name-clearing',
    summary: '澄清正名',
    tag: FEEDBACK,
    schema: schemas.nameClearingSchema,
  },
  recordFalseReport: {
    path: '/false-report',
    summary: '诬告陷害线索移送',
    tag: FEEDBACK,
    schema: schemas.falseReportSchema,
  },
  recordReferralOutcome: {
    path: '/false-report/outcome',
    summary: '登记移送的诬告陷害线索处理结果',
    description: '已立案的继续跟踪；登记不予立案或已处理后，移送事项办结。',
    tag: FEEDBACK,
    schema: schemas.referralOutcomeSchema,
  },
  handOver: {
    path: '/hand-over',
    summary: '分办：党委（党组）交由纪检监察机关或组织部门办理，或移交误送的事项',
    description:
      '受理前由审批领导办理，写明理由。党委（党组）可交由本级纪检监察机关或组织部门办理；其他机关只能移交按事项性质应受理的机关。接办机关以本机关人员办理，时间线保留移交前后的记录，期限继续计算。',
    tag: ACCEPTANCE,
    schema: schemas.handOverSchema,
    changesScope: true,
  },
  transfer: {
    path: '/transfer',
    summary: '移送：受理机关将不属本机关管辖的事项移送有管辖权的机关',
    description:
      '受理前由审批领导办理，写明接办机关、其所在层级（toLevel，取自组织树）和理由；可先用 GET /org-tree/units/{unitId}/competent-body 查看建议的受理机关。移送不是不予受理：接办机关以本机关人员办理，原机关不再能查看和办理，时间线保留移送前后的记录，期限继续计算。',
    tag: ACCEPTANCE,
    schema: schemas.transferSchema,
    changesScope: true,
    fromTree: (body, tree) => ({ place: placeOrRefuse(tree, body.toLevel) }),
  },
  reassign: {
    path: '/reassignment',
    summary: '领导重新指定承办人或调整调查组',
    description: '指定承办人后，只有本案承办人以承办人身份办理；调查组成员以外的调查人员不得办理调查事项。',
    tag: ACCEPTANCE,
    schema: schemas.reassignmentSchema,
  },
  pauseClock: {
    path: '/clock/pause',
    summary: '暂停计时（承办人申请须经审批领导同意）',
    description:
      '注明所属情形（ground）；“其他”须写明理由。审批领导暂停即时生效；承办人的暂停是申请，经审批领导同意（/clock/pause/approval）后起算。',
    tag: CLOCK,
    schema: schemas.clockPauseSchema,
  },
  resumeClock: {
    path: '/clock/resume',
    summary: '恢复计时，剩余工作日顺延',
    tag: CLOCK,
    schema: schemas.clockResumeSchema,
  },
};

/** The route of every leadership decision (a signal), by message name. */
const DECISION_ROUTES: { readonly [N in DecisionName]: SignalSpec<N> } = {
  approveHandlingOpinion: {
    path: '/handling-opinion/approval',
    summary: '领导审批拟办意见',
    tag: ACCEPTANCE,
    schema: schemas.leadershipDecisionSchema,
    action: () => 'approveHandlingOpinion',
    requestName: 'LeadershipDecision',
  },
  approveRectification: {
    path: '/rectification/approval',
    summary: '领导审批整改情况：同意不予追责问责，或转入调查核实',
    tag: ACCEPTANCE,
    schema: schemas.leadershipDecisionSchema,
    action: () => 'approveRectification',
    requestName: 'LeadershipDecision',
  },
  reviewInvestigationReport: {
    path: '/investigation/report/review',
    summary: '领导审核调查核实报告',
    tag: INVESTIGATION,
    schema: schemas.leadershipDecisionSchema,
    action: () => 'reviewInvestigationReport',
    requestName: 'LeadershipDecision',
  },
  earlyExit: {
    path: '/investigation/early-exit',
    summary: '排除、直接了结或查无实据',
    description:
      '主观臆断、乱扣帽子（错告）、贴牌举报、打击报复（诬告陷害，线索移送查处）的予以排除；无实质内容或重复举报无新事实的直接了结；经调查反映问题不实的，查无实据。',
    tag: INVESTIGATION,
    schema: schemas.earlyExitSchema,
    action: (body) => body.exit,
  },
  recordDetermination: {
    path: '/determination',
    summary: '领导班子会议集体研究认定',
    description:
      '到会人数须超过班子成员半数；减责须明确影响期、从轻或减轻及还需承担的责任；会议表决的，同意票须超过应到会成员半数。须注明所研究的调查核实报告；报告查实负面清单任一情形或所属情形条件不符合的，不能决定容错免责或减责，不予容错始终可以决定。会议日期不得晚于今天，也不得早于调查核实报告审核通过之日；反馈期限自会议日期起算。',
    tag: DETERMINATION,
    schema: schemas.determinationSchema,
    action: () => 'recordDetermination',
    check: (body, state, today) =>
      determinationBar(body.determination, state) ??
      meetingDateProblem(body.determination.meetingDate, today, state.timeline),
  },
  deferDetermination: {
    path: '/determination/deferral',
    summary: '领导班子会议决定暂缓研究，明确再次研究日期',
    tag: DETERMINATION,
    schema: schemas.determinationDeferralSchema,
    action: () => 'deferDetermination',
    check: (body, state, today) => meetingDateProblem(body.meetingDate, today, state.timeline),
  },
  orderSupplementaryInvestigation: {
    path: '/determination/supplementary-investigation',
    summary: '领导班子会议退回补充调查',
    description: `案件退回调查核实阶段，须重新提交调查核实报告；期限自会议日期起算，${LOCAL_POLICY.supplementaryInvestigationWorkingDays}个工作日（快查快结${LOCAL_POLICY.fastTrackWorkingDays.supplementaryInvestigation}个工作日，本地规定）。`,
    tag: DETERMINATION,
    schema: schemas.supplementaryInvestigationSchema,
    action: () => 'orderSupplementaryInvestigation',
    check: (body, state, today) => meetingDateProblem(body.meetingDate, today, state.timeline),
  },
  approveClockPause: {
    path: '/clock/pause/approval',
    summary: '审批领导同意或不同意承办人暂停计时的申请',
    tag: CLOCK,
    schema: schemas.leadershipDecisionSchema,
    action: () => 'approveClockPause',
    requestName: 'LeadershipDecision',
  },
};

/**
 * The receiving level's place in the tree.
 *
 * @throws HttpProblem 400 naming `toLevel` when the tree holds no such level.
 */
function placeOrRefuse(tree: OrgTreeIndex, level: string): CasePlace {
  const place = casePlaceOf(tree, level);
  if (place) return place;
  throw new HttpProblem(400, 'Invalid request', HTTP_PROBLEM_TEXTS.invalidFields, {
    errors: [{ field: 'toLevel', message: JURISDICTION_TEXTS.unknownLevel(level) }],
  });
}

/** The action routes of every stage, in the order of the procedure; `orgTree` completes a transfer (移送). */
export function caseActionRoutes(client: Client, orgTree?: OrgTreeHolder): ApiRoute[] {
  return [
    ...UPDATE_NAMES.map((name) => updateRoute(client, name, UPDATE_ROUTES[name] as UpdateSpec<typeof name>, orgTree)),
    ...DECISION_NAMES.map((name) => signalRoute(client, name, DECISION_ROUTES[name] as SignalSpec<typeof name>)),
  ];
}
