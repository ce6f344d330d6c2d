/**
 * The applicant's timeline in their own words: what each step they may see says to them
 * (`domain/audience-views.ts` decides which steps they see). The officers' sentence is never passed on, since it
 * may quote internal opinions.
 */
import type { TimelineKind } from '../case';

/** The applicant's sentence for each step of their case they see. */
export const APPLICANT_TIMELINE_TEXTS = {
  submitted: '提出容错申请',
  accepted: '已受理',
  handedOver: '案件已移交其他机关办理',
  rectified: '整改及时到位，不予追责',
  excluded: '经核实予以排除',
  closedDirectly: '经核实直接了结',
  feedbackDelivered: '收到书面反馈结论',
  consulted: '征求本人意见',
  announced: '已在一定范围内通报说明',
  followUpVisited: '接受回访教育',
  nameClearing: '澄清正名',
  impactPeriodEnded: '影响期满',
  closed: '案件办结',
  clockPaused: '办理期限暂停计算',
  clockResumed: '办理期限恢复计算',
  rectificationTalked: '接受约谈提醒，限期整改',
  reportUnfounded: '经调查核实，反映的问题查无实据',
} as const satisfies Partial<Record<TimelineKind, string>>;
