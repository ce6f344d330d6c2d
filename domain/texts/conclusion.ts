/**
 * How a conclusion and what it leaves owed read: the party told the case is closed, the entries in the personnel
 * and integrity files (存入干部人事档案和廉政档案), the impact period (影响期满后…不受影响) and the follow-up visit
 * (回访教育) falling due.
 */
import type { ArchiveReceipt, Closure } from '../case';
import { CLOSURE_NAMES } from '../labels';
import { beijingText } from './beijing-time';

/** 干部人事档案 and 廉政档案, the two files a decision about an individual official goes into. */
export const ARCHIVE_FILE_NAMES: Readonly<Record<ArchiveReceipt['file'], string>> = {
  personnelFile: '干部人事档案',
  integrityFile: '廉政档案',
};

/** The timeline's and the notices' words for a conclusion and what follows it by itself. */
export const CONCLUSION_TEXTS = {
  /** An early exit or a rectification, as the party and their unit are told. */
  concludedNotice: (caseNumber: string, closure: Closure) => `案件 ${caseNumber} 已办结：${CLOSURE_NAMES[closure]}。`,
  /** The case closes once nothing is owed. */
  closed: (closure: Closure) => `案件办结（${CLOSURE_NAMES[closure]}）`,
  /** 存入干部人事档案和廉政档案: one file's entry, with the archive's receipt. */
  archived: (file: ArchiveReceipt['file'], receiptId: string) =>
    `决定已存入${ARCHIVE_FILE_NAMES[file]}（回执 ${receiptId}）`,
  /** 影响期: its length and when it ends. */
  impactPeriodSet: (months: number, endsAt: string) => `影响期 ${months} 个月，至 ${beijingText(endsAt)} 期满`,
  /** 影响期满后在评先评优、考核评价、选拔任用、职级职称晋升等方面不受影响, as the party, their unit and the body are told. */
  impactPeriodEndedNotice: (caseNumber: string) =>
    `案件 ${caseNumber}：影响期已满，此后在评先评优、考核评价、选拔任用、职级职称晋升等方面不受影响。`,
  /** 影响期满, in the timeline. */
  impactPeriodEnded: '影响期满',
  /** 及时主动做好回访教育: the visit has fallen due. */
  followUpDue: '回访教育已到期，请及时开展',
  /** 回访教育 falling due, as the handling body is reminded. */
  followUpNotice: (caseNumber: string) => `案件 ${caseNumber}：请开展回访教育。`,
} as const;
