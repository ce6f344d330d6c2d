/**
 * The rules of issue 14 without a server: periods counted from the meeting's date, dates checked against the case's
 * history, the meeting's vote, the closed list of pause grounds, fast track's shorter periods by local policy, the
 * table's new actions, and the FastTrack list filter. Exact instants against the published 2026 arrangement.
 */
import { createDeadlineActivities } from '../../activities/deadlines';
import { caseListQuery, caseListQuerySchema } from '../../api/cases/case-list-query';
import { clockPauseSchema, determinationDeferralSchema, determinationSchema } from '../../api/cases/schemas';
import { createCalendar, dueAfterWorkingDays, publishedArrangements } from '../../calendar';
import type { Determination } from '../../domain/case';
import { lastInstantOf, shanghaiDateOf } from '../../domain/dates';
import { determinationProblems } from '../../domain/determination';
import { afterConclusionDateProblem, meetingDateProblem } from '../../domain/meeting';
import { LOCAL_POLICY, periodFor, PERIODS } from '../../domain/periods';
import type { ProcedureFacts } from '../../domain/procedure';
import { openActions } from '../../domain/procedure';

const cal = createCalendar(publishedArrangements());
/** 24:00 Beijing time at the end of `date`. */
const endOf = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 24 * 3600 * 1000).toISOString();
const accepted = (date: string) => [{ kind: 'reportAccepted' as const, at: `${date}T02:00:00.000Z` }];

const facts = (over: Partial<ProcedureFacts>): ProcedureFacts => ({
  stage: 'acceptance',
  hearings: [],
  openObligations: [],
  announced: false,
  pauses: [],
  deadlines: [],
  ...over,
});

describe('periods from the meeting date', () => {
  test('the trigger of a period counted from a meeting date is the last instant of that date in Shanghai', () => {
    expect(lastInstantOf('2026-12-10')).toBe('2026-12-10T15:59:59.999Z');
    expect(shanghaiDateOf(lastInstantOf('2026-12-10'))).toBe('2026-12-10');
    expect(shanghaiDateOf('2026-12-09T16:00:00.000Z')).toBe('2026-12-10');
  });

  test('feedback on a meeting of Thursday 10 December 2026 is due at the end of Thursday 17 December', () => {
    const due = dueAfterWorkingDays(cal, new Date(lastInstantOf('2026-12-10')), PERIODS.feedback.workingDays);
    expect(due.dueAt).toBe(endOf('2026-12-17'));
    // From its recording on Wednesday 2 December it came out as the 9th, before the meeting: the bug reproduced.
    expect(dueAfterWorkingDays(cal, new Date('2026-12-02T02:00:00Z'), 5).dueAt).toBe(endOf('2026-12-09'));
  });
});

describe('dates checked against the case history', () => {
  test('a meeting dated in the future is refused', () => {
    expect(meetingDateProblem('2026-12-10', '2026-12-02', accepted('2026-12-01'))).toBe(
      '领导班子会议日期 2026-12-10 晚于今天（2026-12-02），不能记录尚未召开的会议',
    );
  });

  test('a meeting dated before the report was accepted is refused, the last acceptance counting', () => {
    const timeline = [...accepted('2026-11-20'), ...accepted('2026-11-30')];
    expect(meetingDateProblem('2026-11-25', '2026-12-02', timeline)).toBe(
      '领导班子会议日期 2026-11-25 早于调查核实报告审核通过之日（2026-11-30）',
    );
  });

  test('a meeting on the day the report was accepted, or any day since, stands', () => {
    expect(meetingDateProblem('2026-11-30', '2026-12-02', accepted('2026-11-30'))).toBeUndefined();
    expect(meetingDateProblem('2026-12-02', '2026-12-02', accepted('2026-11-30'))).toBeUndefined();
  });

  test('a follow-up visit dated before the conclusion or in the future is refused', () => {
    expect(afterConclusionDateProblem('2026-11-30', '2026-12-02', '2026-12-01')).toBe(
      '日期 2026-11-30 早于案件作出结论之日（2026-12-01）',
    );
    expect(afterConclusionDateProblem('2026-12-03', '2026-12-02', '2026-12-01')).toBe(
      '日期 2026-12-03 晚于今天（2026-12-02）',
    );
    expect(afterConclusionDateProblem('2026-12-01', '2026-12-02', '2026-12-01')).toBeUndefined();
  });
});

describe("the meeting's vote", () => {
  const meeting = (over: Partial<Determination>): Determination => ({
    meetingDate: '2026-12-01',
    attendees: ['甲', '乙', '丙', '丁', '戊'],
    membersTotal: 7,
    outcome: 'exempt',
    reasoning: '集体研究',
    minutesRef: '纪要',
    ...over,
  });

  test('a meeting that records no vote decided by consensus', () => {
    expect(determinationProblems(meeting({}))).toEqual([]);
  });

  test('a vote carried by more than half of all members stands', () => {
    expect(determinationProblems(meeting({ votesFor: 4, votesAgainst: 1 }))).toEqual([]);
  });

  test('a vote without more than half of all members for it cannot stand', () => {
    expect(determinationProblems(meeting({ votesFor: 3, votesAgainst: 2 }))).toEqual([
      { field: 'votesFor', message: '同意票未超过应到会成员半数：7 名成员中同意 3 票' },
    ]);
  });

  test('more votes than members present cannot stand', () => {
    expect(determinationProblems(meeting({ votesFor: 5, votesAgainst: 1 }))).toEqual([
      { field: 'votesFor', message: '表决票数多于到会人数' },
    ]);
  });

  test('the API refuses such a vote before the signal', () => {
    const body = { determination: meeting({ votesFor: 3 }) };
    expect(determinationSchema.safeParse(body).success).toBe(false);
  });

  test('a deferral names a date after the meeting', () => {
    const deferral = { meetingDate: '2026-12-01', deferredTo: '2026-12-01', reason: '待补充', minutesRef: '纪要' };
    expect(determinationDeferralSchema.safeParse(deferral).success).toBe(false);
    expect(determinationDeferralSchema.safeParse({ ...deferral, deferredTo: '2026-12-08' }).success).toBe(true);
  });
});

describe('pausing the clock', () => {
  test('a pause without a reason from the list is refused', () => {
    expect(clockPauseSchema.safeParse({ reason: '等待补充材料' }).success).toBe(false);
    expect(clockPauseSchema.safeParse({ ground: 'holiday' }).success).toBe(false);
    expect(clockPauseSchema.safeParse({ ground: 'supplementaryMaterial' }).success).toBe(true);
  });

  test('a pause on the ground “other” needs its reason', () => {
    expect(clockPauseSchema.safeParse({ ground: 'other' }).success).toBe(false);
    expect(clockPauseSchema.safeParse({ ground: 'other', reason: '单位撤并' }).success).toBe(true);
  });

  test("a case officer's request waits for the leader: the clock is neither paused again nor asked twice", () => {
    const running = facts({ stage: 'handlingOpinion', caseOfficer: 'o', deadlines: [{ status: 'running' }] });
    expect(openActions(running)).toContain('pauseClock');
    expect(openActions(running)).not.toContain('approveClockPause');
    const asked = { ...running, pauseRequest: {} };
    expect(openActions(asked)).toContain('approveClockPause');
    expect(openActions(asked)).not.toContain('pauseClock');
  });

  test('a pause is escalated once it has lasted the configured working days, 30 by default', async () => {
    const from = '2026-12-01T02:00:00.000Z';
    const byDefault = createDeadlineActivities(() => cal, { reminderWorkingDays: 1 });
    expect(await byDefault.pauseLimit({ from })).toEqual({
      at: dueAfterWorkingDays(cal, new Date(from), 30).dueAt,
      workingDays: 30,
    });
    const configured = createDeadlineActivities(() => cal, { reminderWorkingDays: 1, pauseLimitWorkingDays: 2 });
    expect((await configured.pauseLimit({ from })).at).toBe(endOf('2026-12-03'));
  });
});

describe('fast track (快查快结)', () => {
  test("a fast-track case's handling opinion is due in 3 working days, by local policy", () => {
    expect(periodFor('handlingOpinion', true)).toMatchObject({ id: 'handlingOpinion', workingDays: 3 });
    expect(periodFor('handlingOpinion', false)).toBe(PERIODS.handlingOpinion);
    expect(periodFor('feedback', true).workingDays).toBe(LOCAL_POLICY.fastTrackWorkingDays.feedback);
    expect(periodFor('supplementaryInvestigation', false).workingDays).toBe(15);
  });

  test('the integrity review reply is open at any stage of an accepted fast-track case, once', () => {
    const fast = facts({ stage: 'investigation', caseOfficer: 'o', submission: { fastTrack: true } });
    expect(openActions(fast)).toContain('replyIntegrityReview');
    expect(openActions({ ...fast, integrityReviewReplied: true })).not.toContain('replyIntegrityReview');
    expect(openActions({ ...fast, submission: { fastTrack: false } })).not.toContain('replyIntegrityReview');
    expect(openActions({ ...fast, caseOfficer: undefined, stage: 'acceptance' })).not.toContain('replyIntegrityReview');
    const owed = facts({ stage: 'aftercare', openObligations: ['integrityReviewReply'] });
    expect(openActions(owed)).toContain('replyIntegrityReview');
  });

  test('fastTrack=true lists only fast-track cases', () => {
    const filters = caseListQuerySchema.parse({ fastTrack: 'true' });
    expect(caseListQuery({ kind: 'body', handlingBody: 'disciplineCommission' }, filters)).toBe(
      "WorkflowType = 'caseWorkflow' AND HandlingBody = 'disciplineCommission' AND FastTrack = true",
    );
  });
});

describe('the meeting’s other options', () => {
  test('the meeting may decide, defer, or return the case for supplementary investigation', () => {
    expect(openActions(facts({ stage: 'determination', caseOfficer: 'o' }))).toEqual(
      expect.arrayContaining(['recordDetermination', 'deferDetermination', 'orderSupplementaryInvestigation']),
    );
  });

  test('a supplementary investigation is a period of the investigation stage, 15 working days by local policy', () => {
    expect(PERIODS.supplementaryInvestigation).toMatchObject({ stage: 'investigation', workingDays: 15 });
  });
});
