/**
 * What officers record after a conclusion, as the timeline reads it: 回访教育, the 快查快结 reply (客观公正回复党风廉政
 * 审核意见), 充分征求意见, 通报说明, 澄清正名, and the false accusation referred (严厉打击诬告陷害行为) with what became of it.
 */
import type { Outcome, Stage } from '../case';
import type { ReferralOutcome } from '../false-reports';
import { OUTCOME_NAMES, REFERRAL_OUTCOME_NAMES, STAGE_NAMES } from '../labels';

/** The timeline's words for what follows a conclusion. */
export const AFTERCARE_TEXTS = {
  /** 回访教育: the visit's date and what it found. */
  followUpVisited: (visitedOn: string, note: string) => `开展回访教育（${visitedOn}）：${note}`,
  /** 快查快结，客观公正回复党风廉政审核意见: the reply with the case's stage and outcome, if any, at that moment. */
  integrityReviewReplied: (stage: Stage, outcome: Outcome | undefined, documentRef: string, reply: string) =>
    `快查快结，回复党风廉政审核意见（案件处于“${STAGE_NAMES[stage]}”阶段${outcome ? `，结论：${OUTCOME_NAMES[outcome]}` : ''}；${documentRef}）：${reply}`,
  /** 充分征求其本人意见: whether they agree to the announcement or clearing. */
  consulted: (partyAgrees: boolean, note: string) =>
    `充分征求本人意见：${partyAgrees ? '同意' : '不同意'}通报或澄清。${note}`,
  /** 通过一定形式在适当范围内通报说明. */
  announced: (scope: string, form: string | undefined, documentRef: string) =>
    `在${scope}范围内${form ? `以${form}形式` : ''}通报说明（${documentRef}）`,
  /** No announcement, with the reason. */
  announcementWaived: (reason: string) => `不予通报说明：${reason}`,
  /** 选择合适的范围、方式、方法为其澄清正名. */
  nameCleared: (scope: string | undefined, method: string | undefined, documentRef: string | undefined) =>
    `在${scope ?? ''}范围内以${method ?? ''}方式澄清正名（${documentRef ?? ''}）`,
  /** The party, asked, did not wish their name cleared. */
  nameClearingDeclined: '经征求本人意见，本人不要求澄清正名',
  /** 严厉打击诬告陷害行为: the report referred for pursuit. */
  falseReportRecorded: (reportRef: string, referredTo: string, note: string) =>
    `诬告陷害线索（${reportRef}）已移送${referredTo}依纪依法处理：${note}`,
  /** What the referral came to. */
  referralOutcomeRecorded: (outcome: ReferralOutcome, documentRef: string | undefined, note: string) =>
    `移送的诬告陷害线索处理结果：${REFERRAL_OUTCOME_NAMES[outcome]}${documentRef ? `（${documentRef}）` : ''}。${note}`,
} as const;
