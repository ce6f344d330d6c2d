/**
 * Every action on a case, by stage of the procedure, as one table: its path, who it is for in the docs, its request
 * schema and the workflow message it becomes. The table names each Update and Signal of `workflows/messages.ts`.
 */
import type { Client } from '@temporalio/client';

import {
  announceUpdate,
  approveHandlingOpinionSignal,
  clearNameUpdate,
  decideAcceptanceUpdate,
  deliverFeedbackUpdate,
  earlyExitSignal,
  formInvestigationTeamUpdate,
  pauseClockUpdate,
  proposeHandlingOpinionUpdate,
  reassignUpdate,
  recordConsultationUpdate,
  recordDeterminationSignal,
  recordEvidenceUpdate,
  recordFalseReportUpdate,
  recordFollowUpVisitUpdate,
  recordHearingUpdate,
  replyIntegrityReviewUpdate,
  resumeClockUpdate,
  reviewInvestigationReportSignal,
  submitInvestigationReportUpdate,
  verifyRectificationUpdate,
} from '../../workflows/messages';
import * as schemas from '../schemas';
import { signalRoute, updateRoute } from './action-route';
import type { ApiRoute } from './route';

const ACCEPTANCE = '(二) 受理办理';
const INVESTIGATION = '(三) 调查核实';
const DETERMINATION = '(四) 研究认定';
const FEEDBACK = '(五) 反馈结论及后续事项';
const CLOCK = '计时';

/** The action routes of every stage, in the order of the procedure. */
export function caseActionRoutes(client: Client): ApiRoute[] {
  return [
    updateRoute(client, {
      path: '/acceptance',
      action: 'decideAcceptance',
      summary: '受理，确定承办人；或不予受理',
      tag: ACCEPTANCE,
      schema: schemas.acceptanceSchema,
      update: decideAcceptanceUpdate,
    }),
    updateRoute(client, {
      path: '/handling-opinion',
      action: 'proposeHandlingOpinion',
      summary: '提出拟办意见（受理后5个工作日内）',
      tag: ACCEPTANCE,
      schema: schemas.handlingOpinionSchema,
      update: proposeHandlingOpinionUpdate,
    }),
    signalRoute(client, 'approveHandlingOpinion', {
      path: '/handling-opinion/approval',
      action: () => 'approveHandlingOpinion',
      summary: '领导审批拟办意见',
      tag: ACCEPTANCE,
      schema: schemas.leadershipDecisionSchema,
      requestName: 'LeadershipDecision',
      signal: approveHandlingOpinionSignal,
    }),
    updateRoute(client, {
      path: '/rectification/verification',
      action: 'verifyRectification',
      summary: '核查约谈提醒后是否及时整改到位',
      tag: ACCEPTANCE,
      schema: schemas.rectificationCheckSchema,
      update: verifyRectificationUpdate,
    }),
    updateRoute(client, {
      path: '/investigation/team',
      action: 'formInvestigationTeam',
      summary: '成立调查组',
      tag: INVESTIGATION,
      schema: schemas.teamFormationSchema,
      update: formInvestigationTeamUpdate,
    }),
    updateRoute(client, {
      path: '/investigation/evidence',
      action: 'recordEvidence',
      summary: '收集证据材料（仅登记文号或档案号）',
      tag: INVESTIGATION,
      schema: schemas.evidenceSchema,
      update: recordEvidenceUpdate,
    }),
    updateRoute(client, {
      path: '/investigation/hearings',
      action: 'recordHearing',
      summary: '听取干部本人或所在单位意见',
      tag: INVESTIGATION,
      schema: schemas.hearingSchema,
      update: recordHearingUpdate,
    }),
    updateRoute(client, {
      path: '/investigation/report',
      action: 'submitInvestigationReport',
      summary: '提交调查核实报告（六个察看及处理建议）',
      tag: INVESTIGATION,
      schema: schemas.reportSubmissionSchema,
      update: submitInvestigationReportUpdate,
    }),
    signalRoute(client, 'reviewInvestigationReport', {
      path: '/investigation/report/review',
      action: () => 'reviewInvestigationReport',
      summary: '领导审核调查核实报告',
      tag: INVESTIGATION,
      schema: schemas.leadershipDecisionSchema,
      requestName: 'LeadershipDecision',
      signal: reviewInvestigationReportSignal,
    }),
    signalRoute(client, 'earlyExit', {
      path: '/investigation/early-exit',
      action: (body) => body.exit,
      summary: '排除或直接了结',
      description: '主观臆断、乱扣帽子、贴牌举报、打击报复的予以排除；无实质内容或重复举报无新事实的直接了结。',
      tag: INVESTIGATION,
      schema: schemas.earlyExitSchema,
      signal: earlyExitSignal,
    }),
    signalRoute(client, 'recordDetermination', {
      path: '/determination',
      action: () => 'recordDetermination',
      summary: '领导班子会议集体研究认定',
      description: '到会人数须超过班子成员半数；减责须明确影响期。',
      tag: DETERMINATION,
      schema: schemas.determinationSchema,
      signal: recordDeterminationSignal,
    }),
    updateRoute(client, {
      path: '/feedback',
      action: 'deliverFeedback',
      summary: '书面反馈结论（决定后5个工作日内）',
      tag: FEEDBACK,
      schema: schemas.feedbackSchema,
      update: deliverFeedbackUpdate,
    }),
    updateRoute(client, {
      path: '/consultation',
      action: 'recordConsultation',
      summary: '充分征求本人意见',
      tag: FEEDBACK,
      schema: schemas.consultationSchema,
      update: recordConsultationUpdate,
    }),
    updateRoute(client, {
      path: '/announcement',
      action: 'announce',
      summary: '在适当范围内通报说明',
      tag: FEEDBACK,
      schema: schemas.announcementSchema,
      update: announceUpdate,
    }),
    updateRoute(client, {
      path: '/integrity-review-reply',
      action: 'replyIntegrityReview',
      summary: '快查快结，回复党风廉政意见',
      tag: FEEDBACK,
      schema: schemas.integrityReviewReplySchema,
      update: replyIntegrityReviewUpdate,
    }),
    updateRoute(client, {
      path: '/follow-up-visits',
      action: 'recordFollowUpVisit',
      summary: '回访教育',
      tag: FEEDBACK,
      schema: schemas.followUpVisitSchema,
      update: recordFollowUpVisitUpdate,
    }),
    updateRoute(client, {
      path: '/name-clearing',
      action: 'clearName',
      summary: '澄清正名',
      tag: FEEDBACK,
      schema: schemas.nameClearingSchema,
      update: clearNameUpdate,
    }),
    updateRoute(client, {
      path: '/false-report',
      action: 'recordFalseReport',
      summary: '诬告陷害线索移送',
      tag: FEEDBACK,
      schema: schemas.falseReportSchema,
      update: recordFalseReportUpdate,
    }),
    updateRoute(client, {
      path: '/reassignment',
      action: 'reassign',
      summary: '领导重新指定承办人或调整调查组',
      description: '指定承办人后，只有本案承办人以承办人身份办理；调查组成员以外的调查人员不得办理调查事项。',
      tag: ACCEPTANCE,
      schema: schemas.reassignmentSchema,
      update: reassignUpdate,
    }),
    updateRoute(client, {
      path: '/clock/pause',
      action: 'pauseClock',
      summary: '暂停计时',
      tag: CLOCK,
      schema: schemas.clockPauseSchema,
      update: pauseClockUpdate,
    }),
    updateRoute(client, {
      path: '/clock/resume',
      action: 'resumeClock',
      summary: '恢复计时，剩余工作日顺延',
      tag: CLOCK,
      schema: schemas.clockResumeSchema,
      update: resumeClockUpdate,
    }),
  ];
}
