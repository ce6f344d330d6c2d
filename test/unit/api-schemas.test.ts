import { ZodError } from 'zod';

import {
  acceptanceSchema,
  determinationSchema,
  earlyExitSchema,
  handlingOpinionSchema,
  nameClearingSchema,
  submitCaseSchema,
} from '../../api/cases/schemas';
import { application } from '../helpers/cases';

const issues = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    if (err instanceof ZodError) return err.issues.map((i) => i.path.join('.') || i.code);
    throw err;
  }
  return [];
};

describe('request schemas', () => {
  test('no request may name its actor or who submitted it', () => {
    expect(issues(() => acceptanceSchema.parse({ decision: 'accept', caseOfficer: 'a', actor: {} }))).toEqual([
      'unrecognized_keys',
    ]);
    expect(issues(() => submitCaseSchema.parse({ submission: application(), submittedBy: {} }))).toEqual([
      'unrecognized_keys',
    ]);
  });

  test('a handling opinion names what its route needs', () => {
    expect(issues(() => handlingOpinionSchema.parse({ opinion: '排除', route: 'exclude' }))).toEqual([
      'exclusionGround',
    ]);
    expect(issues(() => handlingOpinionSchema.parse({ opinion: '整改', route: 'rectification' }))).toEqual([
      'fixWithinWorkingDays',
    ]);
  });

  test('a meeting record holds the quorum and impact-period rules the workflow would silently apply', () => {
    const record = {
      meetingDate: '2026-12-10',
      attendees: ['甲', '乙', '丙'],
      membersTotal: 5,
      outcome: 'exempt',
      reasoning: '研究',
      minutesRef: '纪要',
      reportRef: '调查报告〔2026〕1号',
    };
    expect(issues(() => determinationSchema.parse({ determination: record }))).toEqual([]);
    expect(issues(() => determinationSchema.parse({ determination: { ...record, attendees: ['甲', '甲'] } }))).toEqual([
      'determination.attendees',
    ]);
    expect(issues(() => determinationSchema.parse({ determination: { ...record, membersTotal: 6 } }))).toEqual([
      'determination.attendees',
    ]);
    const reduced = { ...record, outcome: 'reduce', reduction: 'lighter', residualMeasure: '诫勉谈话' };
    expect(issues(() => determinationSchema.parse({ determination: reduced }))).toEqual([
      'determination.impactPeriodMonths',
    ]);
  });

  test('an early exit and a name clearing carry what their kind needs', () => {
    expect(issues(() => earlyExitSchema.parse({ exit: 'exclude', reason: '打击报复' }))).toEqual(['exclusionGround']);
    expect(issues(() => nameClearingSchema.parse({ partyWishes: 'clear', scope: '本单位' }))).toEqual([
      'method',
      'documentRef',
    ]);
    expect(nameClearingSchema.parse({ partyWishes: 'decline' })).toEqual({ partyWishes: 'decline' });
  });

  test('negative_data_rejection: a text is measured as sent, so the document’s maxLength is the limit applied', () => {
    const padded = ` ${'文'.repeat(200)} `;
    // Trimmed first, this 202-character reference passed as 200 characters although the document allows 200.
    expect(
      issues(() => nameClearingSchema.parse({ partyWishes: 'clear', scope: padded, method: '会', documentRef: '文' })),
    ).toEqual(['scope']);
    expect(acceptanceSchema.parse({ decision: 'accept', caseOfficer: ' officer.dc ' })).toEqual({
      decision: 'accept',
      caseOfficer: 'officer.dc',
    });
    expect(issues(() => acceptanceSchema.parse({ decision: 'accept', caseOfficer: '   ' }))).toEqual(['caseOfficer']);
  });

  const named = (name: string) => () =>
    submitCaseSchema.parse({ submission: application({ party: { kind: 'official', name, unit: '某单位' } }) });

  test.each([
    ['a lone surrogate', '李\ud800娜'],
    ['a right-to-left override', '李\u202e娜'],
    ['a bidirectional isolate', '\u2066李娜\u2069'],
    ['a zero-width space', '李\u200b娜'],
    ['a byte-order mark', '\ufeff李娜'],
    ['a NUL', '李\u0000娜'],
    ['an escape character', '李\u001b[31m娜'],
    ['10,000 characters', '李'.repeat(10_000)],
  ])('a name with %s is refused, not stored altered', (_what, name) => {
    expect(issues(named(name))).toEqual(['submission.party.name']);
  });

  test('names in any script and emoji sequences pass as sent, line breaks pass in long texts', () => {
    for (const name of ['阿卜杜热合曼·买买提', 'Ölçer-Łukasz', '👨\u200d👩\u200d👧 李', 'محمد']) {
      expect(issues(named(name))).toEqual([]);
    }
    expect(
      issues(() => submitCaseSchema.parse({ submission: application({ facts: '第一段。\n第二段。\r\n\t完。' }) })),
    ).toEqual([]);
  });

  test('huge arrays are refused by their bound', () => {
    const evidenceRefs = Array.from({ length: 201 }, (_, i) => `宛〔2026〕${i}号`);
    expect(issues(() => submitCaseSchema.parse({ submission: application({ evidenceRefs }) }))).toEqual([
      'submission.evidenceRefs',
    ]);
  });
});
