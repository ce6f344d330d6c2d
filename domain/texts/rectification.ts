/**
 * 约谈提醒、督促整改，对整改及时到位的依纪依规依法不予追责问责: how the talk, the order, the verification of the fix and
 * the leader's approval read in the timeline and in the order the party receives.
 */
import { beijingText } from './beijing-time';

/** The timeline's and the order's words for 约谈提醒、督促整改. */
export const RECTIFICATION_TEXTS = {
  /** 约谈提醒 recorded: when, by whom, with whom, and what was ordered (release 0.4.0 on). */
  talked: (talk: {
    readonly talkedOn: string;
    readonly talkedBy: string;
    readonly talkedWith: string;
    readonly ordered: string;
  }) =>
    `约谈提醒（${talk.talkedOn}，约谈人：${talk.talkedBy}，约谈对象：${talk.talkedWith}），督促整改：${talk.ordered}`,
  /** 督促整改: the order as the party and their unit receive it, with its due instant and working days. */
  orderNotice: (caseNumber: string, ordered: string, dueAt: string, workingDays: number) =>
    `案件 ${caseNumber}：经约谈提醒，请按以下要求整改：${ordered}。请于 ${beijingText(dueAt)} 前整改到位（${workingDays}个工作日）。`,
  /** Fixed, and closed without liability on the officer's verification alone (cases begun before 0.4.0). */
  rectifiedBefore04: (note: string) => `整改及时到位，不予追责：${note}`,
  /** Not fixed, on to the investigation (cases begun before 0.4.0). */
  failedBefore04: (note: string) => `整改未到位，转入调查核实：${note}`,
  /** The order's due instant as the verification names it, or nothing when the case kept no period. */
  due: (dueAt: string | undefined) => (dueAt === undefined ? '' : `（整改期限 ${beijingText(dueAt)}）`),
  /** 核查整改情况: not fixed, on to the investigation. */
  notFixed: (due: string, note: string) => `核查整改情况：整改未到位${due}，转入调查核实：${note}`,
  /** 核查整改情况: fixed after the due instant, which is not 整改及时到位, on to the investigation. */
  fixedLate: (due: string, note: string) =>
    `核查整改情况：整改到位晚于整改期限${due}，不属于整改及时到位，转入调查核实：${note}`,
  /** 核查整改情况: fixed in time, put to the approving leader. */
  fixedInTime: (due: string, note: string) => `核查整改情况：整改及时到位${due}，呈领导审批不予追责问责：${note}`,
  /** The leader agrees: 整改及时到位的依纪依规依法不予追责问责. */
  approved: (comment: string) => `领导审批同意：整改及时到位，依纪依规依法不予追责问责。${comment}`,
  /** The leader does not agree: on to the investigation. */
  refused: (comment: string) => `领导审批未同意不予追责：${comment}，转入调查核实`,
} as const;
