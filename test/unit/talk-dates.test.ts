/** Dates officers give, checked against the case's own history before anything is recorded. */
import { talkDateProblem } from '../../domain/meeting';

test('a rectification talk dated in the future, or before the opinion ordering it was approved, is refused', () => {
  const timeline = [{ at: '2026-12-03T02:00:00.000Z', kind: 'handlingOpinionApproved' as const }];
  expect(talkDateProblem('2026-12-05', '2026-12-04', timeline)).toBe('日期 2026-12-05 晚于今天（2026-12-04）');
  expect(talkDateProblem('2026-12-02', '2026-12-04', timeline)).toBe(
    '约谈日期 2026-12-02 早于领导审批同意约谈提醒、督促整改之日（2026-12-03）',
  );
  expect(talkDateProblem('2026-12-03', '2026-12-04', timeline)).toBeUndefined();
});
