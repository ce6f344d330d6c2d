import type { ListScope } from '../../api/auth/policy';
import { caseListQuery, caseListQuerySchema } from '../../api/cases/case-list-query';

const body: ListScope = { kind: 'body', handlingBody: 'disciplineCommission' };

describe('the case list query', () => {
  test('the caller’s scope is always part of it, and each filter adds one term', () => {
    const filters = caseListQuerySchema.parse({
      stage: 'investigation',
      overdue: 'true',
      dueBefore: '2026-12-01T08:00:00+08:00',
      outcome: 'exempt',
    });
    expect(caseListQuery(body, filters)).toBe(
      "WorkflowType = 'caseWorkflow' AND HandlingBody = 'disciplineCommission' AND CaseStage = 'investigation'" +
        " AND Overdue = true AND NextDeadline < '2026-12-01T00:00:00.000Z' AND Outcome = 'exempt'",
    );
  });

  test('applicants are limited to their own cases; operators to none', () => {
    const none = caseListQuerySchema.parse({});
    expect(caseListQuery({ kind: 'applicant', applicantIds: ['ai-0123abcd', 'applicant.li'] }, none)).toBe(
      "WorkflowType = 'caseWorkflow' AND ApplicantId IN ('ai-0123abcd', 'applicant.li')",
    );
    expect(caseListQuery({ kind: 'all', codesOnly: true }, none)).toBe("WorkflowType = 'caseWorkflow'");
  });

  test('a subject that cannot be quoted safely matches nothing rather than changing the query', () => {
    expect(caseListQuery({ kind: 'applicant', applicantIds: ["x' OR 'a'='a"] }, caseListQuerySchema.parse({}))).toBe(
      undefined,
    );
  });

  test('filters are codes from their enums; limits are bounded; unknown parameters are refused', () => {
    expect(caseListQuerySchema.parse({})).toEqual({ limit: 20 });
    const bad = caseListQuerySchema.safeParse({ stage: "x' OR '1'='1", limit: '1000', sort: 'name', order: 'name' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.') || i.code).sort()).toEqual([
      'limit',
      'sort',
      'stage',
      'unrecognized_keys',
    ]);
  });

  test('negative_data_rejection: limit is a whole number written in digits, as the document says', () => {
    expect(caseListQuerySchema.parse({ limit: '5' })).toEqual({ limit: 5 });
    // Coercion took an empty value as 0 and a repeated parameter as its one value; both are not integers.
    for (const limit of ['', ['5'], '1.5', '-1', '1e3', ' 7']) {
      expect(caseListQuerySchema.safeParse({ limit }).success).toBe(false);
    }
  });

  test('the cursor is an opaque base64url token, nothing else', () => {
    const cursor = `AbC-_9.${'t'.repeat(22)}`;
    expect(caseListQuerySchema.parse({ cursor })).toEqual({ limit: 20, cursor });
    for (const cursor of ['', "x' OR '1'='1", 'a'.repeat(2049), ['a']]) {
      expect(caseListQuerySchema.safeParse({ cursor }).success).toBe(false);
    }
  });
});
