import {
  createCalendar,
  dueAfterWorkingDays,
  dueAfterWorkingDaysWithPauses,
  publishedArrangements,
  remainingWorkingDays,
  workingDaysBetween,
} from '../../calendar';

const cal = createCalendar(publishedArrangements());
const shanghai = (localDateTime: string) => new Date(`${localDateTime}+08:00`);
// Monday 2026-10-12; unpaused, 5 working days run 10-13 (1), 10-14 (2), 10-15 (3), 10-16 (4), 10-19 Mon (5).
const triggeredAt = shanghai('2026-10-12T10:00');

describe('a paused clock', () => {
  it('without pauses gives the same deadline as dueAfterWorkingDays', () => {
    expect(dueAfterWorkingDaysWithPauses(cal, triggeredAt, 5, [])).toEqual(dueAfterWorkingDays(cal, triggeredAt, 5));
    expect(dueAfterWorkingDays(cal, triggeredAt, 5).lastWorkingDay).toBe('2026-10-19');
  });

  it('working days wholly inside a pause do not count and the days left carry over after it', () => {
    // 10-13 and 10-14 wholly paused; 10-15 (1), 10-16 (2), 10-19 (3), 10-20 (4), 10-21 (5).
    const pauses = [{ from: '2026-10-13T00:00:00+08:00', until: '2026-10-15T00:00:00+08:00' }];
    expect(dueAfterWorkingDaysWithPauses(cal, triggeredAt, 5, pauses)).toMatchObject({
      lastWorkingDay: '2026-10-21',
      dueAt: '2026-10-21T16:00:00.000Z',
    });
  });

  it('a working day only partly inside a pause still counts in full', () => {
    // Paused 10-13 15:00 to 10-14 09:00: both days have unpaused hours, so nothing moves.
    const pauses = [{ from: '2026-10-13T15:00:00+08:00', until: '2026-10-14T09:00:00+08:00' }];
    expect(dueAfterWorkingDaysWithPauses(cal, triggeredAt, 5, pauses)).toMatchObject({ lastWorkingDay: '2026-10-19' });
  });

  it('back-to-back pauses that together cover a working day take it out', () => {
    // 10-13 covered by two halves; 10-14 (1), 10-15 (2), 10-16 (3), 10-19 (4), 10-20 (5).
    const pauses = [
      { from: '2026-10-13T12:00:00+08:00', until: '2026-10-14T00:00:00+08:00' },
      { from: '2026-10-13T00:00:00+08:00', until: '2026-10-13T12:00:00+08:00' },
    ];
    expect(dueAfterWorkingDaysWithPauses(cal, triggeredAt, 5, pauses)).toMatchObject({ lastWorkingDay: '2026-10-20' });
  });

  it('a pause that has not ended leaves no due instant and tells the working days used and left', () => {
    // 10-13 (1), 10-14 (2, unpaused until noon); from 10-15 every day lies inside the running pause.
    expect(dueAfterWorkingDaysWithPauses(cal, triggeredAt, 5, [{ from: '2026-10-14T12:00:00+08:00' }])).toEqual({
      dueAt: null,
      suspendedSince: '2026-10-14T04:00:00.000Z',
      usedWorkingDays: 2,
      remainingWorkingDays: 3,
      provisional: false,
      calendarVersion: cal.version,
    });
  });

  it('after resumption the remaining working days run on from the resumption day', () => {
    // 10-13 (1), 10-14 (2); 10-15, 10-16, 10-19 wholly paused; 10-20 resumes at 10:00 (3), 10-21 (4), 10-22 (5).
    const pauses = [{ from: '2026-10-14T12:00:00+08:00', until: '2026-10-20T10:00:00+08:00' }];
    expect(dueAfterWorkingDaysWithPauses(cal, triggeredAt, 5, pauses)).toMatchObject({ lastWorkingDay: '2026-10-22' });
  });

  it('a pause that starts after the period is used up does not affect it', () => {
    const pauses = [{ from: '2026-10-20T09:00:00+08:00' }];
    expect(dueAfterWorkingDaysWithPauses(cal, triggeredAt, 5, pauses)).toMatchObject({ lastWorkingDay: '2026-10-19' });
  });
});

describe('working days used and left', () => {
  const pauses = [{ from: '2026-10-13T00:00:00+08:00', until: '2026-10-15T00:00:00+08:00' }];

  it('counts the working days outside pauses, the current day as soon as it has begun', () => {
    // 10-13, 10-14 wholly paused; 10-15 (1); 10-16 begun at noon (2).
    expect(workingDaysBetween(cal, triggeredAt, shanghai('2026-10-16T12:00'), pauses)).toEqual({
      used: 2,
      provisional: false,
      calendarVersion: cal.version,
    });
  });

  it('does not count the day that starts exactly at the end instant', () => {
    // 10-13 (1), 10-14 (2); 10-15 starts at the end instant itself.
    expect(workingDaysBetween(cal, triggeredAt, shanghai('2026-10-15T00:00'), []).used).toBe(2);
  });

  it('reports the period midway: used, left, due instant, not overdue', () => {
    expect(remainingWorkingDays(cal, triggeredAt, 5, shanghai('2026-10-16T12:00'), pauses)).toEqual({
      used: 2,
      remaining: 3,
      dueAt: '2026-10-21T16:00:00.000Z',
      overdue: false,
      provisional: false,
      calendarVersion: cal.version,
    });
  });

  it('is overdue from the due instant on, with nothing left', () => {
    // Due 24:00 on 10-21; at that instant 10-15, 10-16, 10-19, 10-20, 10-21 have been used.
    expect(remainingWorkingDays(cal, triggeredAt, 5, new Date('2026-10-21T16:00:00.000Z'), pauses)).toMatchObject({
      used: 5,
      remaining: 0,
      overdue: true,
    });
  });

  it('is never overdue while a running pause holds the clock', () => {
    const running = [{ from: '2026-10-14T12:00:00+08:00' }];
    expect(remainingWorkingDays(cal, triggeredAt, 5, shanghai('2026-11-30T12:00'), running)).toMatchObject({
      used: 2,
      remaining: 3,
      dueAt: null,
      overdue: false,
    });
  });
});
