/**
 * 错告 and 诬告陷害 (seed: 严厉打击诬告陷害行为; 对受到错告、诬告或因受到不实举报造成不良影响的干部…澄清正名): which
 * early exits are referred for pursuit, what each leaves owed, and when a referral has come to its end.
 */
import type { ProcedureFacts } from '../../domain/procedure';
import { openActions } from '../../domain/procedure';
import { isFalseAccusation, owedAfterEarlyExit, referralEnds } from '../../domain/false-reports';

const facts = (over: Partial<ProcedureFacts>): ProcedureFacts => ({
  stage: 'aftercare',
  hearings: [],
  openObligations: [],
  announced: false,
  pauses: [],
  deadlines: [],
  ...over,
});

test('an exclusion for 错告 (主观臆断, 乱扣帽子) makes no referral, but the name is cleared and the official visited', () => {
  for (const exclusionGround of ['subjectiveConjecture', 'arbitraryLabelling'] as const) {
    expect(isFalseAccusation(exclusionGround)).toBe(false);
    expect(owedAfterEarlyExit('excluded', { exclusionGround }, false)).toEqual(['nameClearing', 'followUpVisit']);
  }
});

test('an exclusion for 诬告陷害 (贴牌举报, 打击报复) is referred for pursuit', () => {
  for (const exclusionGround of ['proxyReport', 'retaliation'] as const) {
    expect(isFalseAccusation(exclusionGround)).toBe(true);
    expect(owedAfterEarlyExit('excluded', { exclusionGround }, false)).toEqual([
      'nameClearing',
      'falseReportRecord',
      'followUpVisit',
    ]);
  }
});

test('an exclusion that names no ground makes no referral: pursuit needs a finding of malice', () => {
  expect(isFalseAccusation(undefined)).toBe(false);
  expect(owedAfterEarlyExit('excluded', {}, false)).not.toContain('falseReportRecord');
});

test('a report found untrue (查无实据) owes name clearing and a follow-up visit, and no referral', () => {
  expect(owedAfterEarlyExit('unfounded', {}, false)).toEqual(['nameClearing', 'followUpVisit']);
});

test('a report closed directly for no substance owes name clearing and a follow-up visit', () => {
  expect(owedAfterEarlyExit('closedDirectly', { closureGround: 'noSubstance' }, false)).toEqual([
    'nameClearing',
    'followUpVisit',
  ]);
});

test('a repeat report with nothing new and a rectified case owe nothing but a fast-track case’s reply', () => {
  expect(owedAfterEarlyExit('closedDirectly', { closureGround: 'repeatWithoutNewFacts' }, false)).toEqual([]);
  expect(owedAfterEarlyExit('rectified', {}, false)).toEqual([]);
  expect(owedAfterEarlyExit('rectified', {}, true)).toEqual(['integrityReviewReply']);
});

test('a referral ends when the receiving body declines to file it (不予立案) or has dealt with it (已处理), not when filed', () => {
  expect(referralEnds('filed')).toBe(false);
  expect(referralEnds('notFiled')).toBe(true);
  expect(referralEnds('dealtWith')).toBe(true);
});

test('the referral is open only while owed, and its outcome only once referred', () => {
  expect(openActions(facts({ openObligations: ['nameClearing', 'followUpVisit'] }))).not.toContain('recordFalseReport');
  expect(openActions(facts({ openObligations: ['falseReportRecord'] }))).toEqual(['recordFalseReport']);
  expect(openActions(facts({ openObligations: ['referralOutcome'] }))).toEqual(['recordReferralOutcome']);
});

test('查无实据 is open only once the investigation team has been formed', () => {
  const investigating = facts({ stage: 'investigation', caseOfficer: 'officer.dc' });
  expect(openActions(investigating)).not.toContain('findUnfounded');
  expect(openActions({ ...investigating, investigationTeam: ['甲', '乙'] })).toContain('findUnfounded');
});
