/**
 * Reports that wrong an official (seed: 对受到错告、诬告或因受到不实举报造成不良影响的干部…澄清正名; 严厉打击诬告陷害行为):
 * which early exits leave the official's name to be cleared and a follow-up visit owed, and which send the report
 * on for pursuit of the accuser. Pure rules, for the workflow and the unit tests alike.
 */
import type { Closure, DirectClosureGround, ExclusionGround, Obligation } from './case';

/**
 * 诬告陷害 (`falseAccusation`): a 贴牌举报 or 打击报复 is malicious, and only such a report is referred for pursuit.
 * 主观臆断 and 乱扣帽子 are 错告 (`mistakenReport`): wrong, but not malicious.
 */
export const FALSE_ACCUSATION_GROUNDS: readonly ExclusionGround[] = ['proxyReport', 'retaliation'];

/** Whether an exclusion on `ground` is 诬告陷害; an exclusion without a ground is not (pursuit needs a finding). */
export function isFalseAccusation(ground: ExclusionGround | undefined): boolean {
  return ground !== undefined && FALSE_ACCUSATION_GROUNDS.includes(ground);
}

/** What the referral of a false accusation came to: 已立案 (still open), 不予立案 or 已处理 (its end). */
export const REFERRAL_OUTCOMES = ['filed', 'notFiled', 'dealtWith'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** Whether `outcome` ends the referral: 已立案 is a step on the way, 不予立案 and 已处理 are where it ends. */
export function referralEnds(outcome: ReferralOutcome): boolean {
  return outcome !== 'filed';
}

/** Why an early exit was taken: the ground of an exclusion or of a direct closure. */
export interface ExitGrounds {
  readonly exclusionGround?: ExclusionGround;
  readonly closureGround?: DirectClosureGround;
}

/**
 * What an early exit leaves owed (cases of release 0.4.0 on). An official excluded from a report (错告 or 诬告陷害),
 * closed on a report with no substance, or found untrue (查无实据) is owed the consultation on clearing their name
 * and a follow-up visit; only 诬告陷害 adds the referral. A repeat report with nothing new was answered by the
 * conclusion it repeats, so it owes nothing here; a rectified case owes nothing either. A fast-track case owes its
 * integrity review reply whatever the exit.
 */
export function owedAfterEarlyExit(
  closure: Exclude<Closure, 'decided'>,
  grounds: ExitGrounds,
  integrityReplyOwed: boolean,
): Obligation[] {
  const wronged =
    closure === 'excluded' ||
    closure === 'unfounded' ||
    (closure === 'closedDirectly' && grounds.closureGround === 'noSubstance');
  const owed: Obligation[] = [];
  if (wronged) owed.push('nameClearing');
  if (closure === 'excluded' && isFalseAccusation(grounds.exclusionGround)) owed.push('falseReportRecord');
  if (wronged) owed.push('followUpVisit');
  if (integrityReplyOwed) owed.push('integrityReviewReply');
  return owed;
}
