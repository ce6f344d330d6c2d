import {
  CASE_NUMBER_FORM,
  DEFAULT_NUMBERING,
  formatCaseNumber,
  numberingInSeries,
  numberingWorkflowId,
} from '../../domain/case-numbers';

test('the office numbers in its documents’ form: 宛纪容〔2026〕12号, per body', () => {
  const { patterns } = DEFAULT_NUMBERING;
  expect(formatCaseNumber(patterns.disciplineCommission, 2026, 12)).toBe('宛纪容〔2026〕12号');
  expect(formatCaseNumber(patterns.partyCommittee, 2026, 1)).toBe('宛委容〔2026〕1号');
  expect(formatCaseNumber(patterns.organizationDepartment, 2027, 3)).toBe('宛组容〔2027〕3号');
  expect(numberingWorkflowId(DEFAULT_NUMBERING, 'disciplineCommission', 2026)).toBe(
    'numbering/disciplineCommission/2026',
  );
});

test('a case number is the office’s form or the first form of older cases, nothing else', () => {
  for (const n of ['宛纪容〔2026〕12号', 'TABCD纪容〔2026〕1号', 'NY-2026-0001'])
    expect([n, CASE_NUMBER_FORM.test(n)]).toEqual([n, true]);
  for (const n of ['宛纪容[2026]12号', '宛纪容〔2026〕12', '../x', '宛纪容〔26〕1号', 'ny-2026-1', ''])
    expect([n, CASE_NUMBER_FORM.test(n)]).toEqual([n, false]);
});

test('a second installation on the same namespace numbers in a series of its own (CASE_NUMBER_SERIES)', () => {
  const numbering = numberingInSeries('R1');
  expect(formatCaseNumber(numbering.patterns.disciplineCommission, 2026, 1)).toBe('R1宛纪容〔2026〕1号');
  expect(numberingWorkflowId(numbering, 'disciplineCommission', 2026)).toBe('numbering-R1/disciplineCommission/2026');
  expect(CASE_NUMBER_FORM.test('R1宛纪容〔2026〕1号')).toBe(true);
  expect(numberingInSeries(undefined)).toBe(DEFAULT_NUMBERING);
});
