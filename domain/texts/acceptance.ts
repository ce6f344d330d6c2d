/**
 * (二) 受理办理: how acceptance, the handling opinion (拟办意见) and its approval (呈领导审批) read in the timeline and in
 * the notices to the party; 分办 has its own module (`hand-over.ts`).
 */
import type { HandlingRoute } from '../case';
import { HANDLING_ROUTE_NAMES } from '../labels';

/** The timeline's and the notices' words for (二) 受理办理. */
export const ACCEPTANCE_TEXTS = {
  /** Not accepted, with the reason. */
  declined: (reason: string) => `不予受理：${reason}`,
  /** The refusal as the party and their unit receive it in writing (release 0.4.0 on). */
  declinedNotice: (caseNumber: string, reason: string) => `案件 ${caseNumber}：经审查，不予受理。理由：${reason}`,
  /** Accepted, with the case officer and what the accepting officer established (`officeSet`). */
  accepted: (caseOfficer: string, established: string) => `已受理，承办人：${caseOfficer}${established}`,
  /**
   * What the accepting officer established beyond the submission: 事前申请 (受到组织调查、追责问责前…提出书面申请) and
   * 涉及拟提拔重用干部的问题线索快查快结; empty when neither.
   */
  officeSet: (set: { readonly preFiling?: boolean; readonly fastTrack?: boolean }) => {
    const words = [
      ...(set.preFiling ? ['认定为事前申请'] : []),
      ...(set.fastTrack ? ['涉及拟提拔重用干部，快查快结'] : []),
    ];
    return words.length ? `；${words.join('；')}` : '';
  },
  /** 提出拟办意见 within 5 working days of acceptance. */
  handlingOpinionProposed: (route: HandlingRoute, opinion: string) =>
    `提出拟办意见（${HANDLING_ROUTE_NAMES[route]}）：${opinion}`,
  /** A leader names another case officer or resizes the team, with the reason. */
  reassigned: (
    change: { readonly previousOfficer?: string; readonly caseOfficer?: string; readonly teamSize?: number },
    reason: string,
  ) => {
    const changes = [
      ...(change.caseOfficer ? [`承办人由 ${change.previousOfficer ?? '（未指定）'} 改为 ${change.caseOfficer}`] : []),
      ...(change.teamSize !== undefined ? [`调查组调整为 ${change.teamSize} 人`] : []),
    ];
    return `领导重新指定：${changes.join('；')}。理由：${reason}`;
  },
  /** 呈领导审批: the opinion sent back, with the leader's comment. */
  handlingOpinionSentBack: (comment: string) => `拟办意见被退回：${comment}`,
  /** 呈领导审批后，启动容错办理程序: the opinion approved, and the route it starts. */
  handlingOpinionApproved: (route: HandlingRoute) => `领导审批同意拟办意见：${HANDLING_ROUTE_NAMES[route]}`,
  /**
   * 约谈提醒、督促整改 as cases begun before release 0.4.0 ordered it, at the opinion's approval (the working days as
   * the opinion gave them).
   */
  rectificationOrderBefore04: (caseNumber: string, fixWithinWorkingDays: number | undefined) =>
    `案件 ${caseNumber}：经约谈提醒，请于 ${fixWithinWorkingDays} 个工作日内整改到位。`,
} as const;
