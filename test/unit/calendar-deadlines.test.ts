import { createCalendar, dueAfterWorkingDays, publishedArrangements, workingDaysBetween } from '../../calendar';

// The built-in data only, so that operator files dropped into config/holidays can't change these facts.
const cal = createCalendar(publishedArrangements());
const shanghai = (localDateTime: string) => new Date(`${localDateTime}+08:00`);

describe('deadlines through the 2026 holidays, counted by hand from the State Council notice for 2026', () => {
  // Each row: trigger (Asia/Shanghai), working days, expected last working day, and the counting.
  const table: [string, number, string, string][] = [
    ['2025-12-31T10:00', 5, '2026-01-08', '1-1..1-3 off, 1-4 Sun works (1), 1-5 (2), 1-6 (3), 1-7 (4), 1-8 Thu (5)'],
    [
      '2026-02-13T10:00',
      5,
      '2026-02-27',
      '2-14 Sat works (1), 2-15..2-23 off, 2-24 (2), 2-25 (3), 2-26 (4), 2-27 Fri (5)',
    ],
    ['2026-02-24T10:00', 5, '2026-03-02', '2-25 (1), 2-26 (2), 2-27 (3), 2-28 Sat works (4), 3-1 Sun off, 3-2 Mon (5)'],
    ['2026-04-02T10:00', 5, '2026-04-10', '4-3 Fri (1), 4-4..4-6 off, 4-7 (2), 4-8 (3), 4-9 (4), 4-10 Fri (5)'],
    [
      '2026-04-30T10:00',
      5,
      '2026-05-11',
      '5-1..5-5 off, 5-6 (1), 5-7 (2), 5-8 (3), 5-9 Sat works (4), 5-10 off, 5-11 (5)',
    ],
    ['2026-06-18T10:00', 5, '2026-06-26', '6-19..6-21 off, 6-22 Mon (1), 6-23 (2), 6-24 (3), 6-25 (4), 6-26 Fri (5)'],
    [
      '2026-09-18T10:00',
      5,
      '2026-09-24',
      '9-19 Sat off, 9-20 Sun works (1), 9-21 (2), 9-22 (3), 9-23 (4), 9-24 Thu (5)',
    ],
    [
      '2026-09-24T10:00',
      5,
      '2026-10-09',
      '9-25..9-27 off, 9-28 (1), 9-29 (2), 9-30 (3), 10-1..10-7 off, 10-8 (4), 10-9 (5)',
    ],
    [
      '2026-09-15T10:00',
      10,
      '2026-09-29',
      '9-16..9-18 (3), 9-19 off, 9-20 Sun (4), 9-21..9-24 (8), 9-25..9-27 off, 9-28 (9), 9-29 (10)',
    ],
    ['2026-02-13T10:00', 1, '2026-02-14', '2-14 Sat works (1)'],
    ['2026-10-09T10:00', 1, '2026-10-10', '10-10 Sat works (1)'],
  ];

  it.each(table)('triggered %s, %i working days: last working day %s (%s)', (trigger, n, lastWorkingDay) => {
    const deadline = dueAfterWorkingDays(cal, shanghai(trigger), n);
    expect(deadline.lastWorkingDay).toBe(lastWorkingDay);
    expect(deadline.provisional).toBe(false);
  });

  it('a 5-working-day period triggered on 2026-09-30 ends at 24:00 on 2026-10-13, skipping National Day and counting the 10-10 make-up Saturday', () => {
    // 10-1..10-7 off, 10-8 Thu (1), 10-9 Fri (2), 10-10 Sat works (3), 10-11 Sun off, 10-12 (4), 10-13 Tue (5).
    expect(dueAfterWorkingDays(cal, shanghai('2026-09-30T10:00'), 5)).toEqual({
      dueAt: '2026-10-13T16:00:00.000Z',
      lastWorkingDay: '2026-10-13',
      provisional: false,
      calendarVersion: cal.version,
    });
  });

  it('the due instant is 24:00 Asia/Shanghai of the last working day, i.e. 16:00Z that day', () => {
    expect(dueAfterWorkingDays(cal, shanghai('2026-02-13T10:00'), 5).dueAt).toBe('2026-02-27T16:00:00.000Z');
  });

  it('at the due instant exactly the period length of working days has been used', () => {
    const triggeredAt = shanghai('2026-09-24T10:00');
    const { dueAt } = dueAfterWorkingDays(cal, triggeredAt, 5);
    expect(workingDaysBetween(cal, triggeredAt, new Date(dueAt), []).used).toBe(5);
  });
});

describe('the triggering day is the Asia/Shanghai civil date and is never counted', () => {
  it('a trigger on a working day does not count that day', () => {
    // 10-8 Thu is a working day but not counted: 10-9 (1), 10-10 Sat works (2), 10-12 (3), 10-13 (4), 10-14 (5).
    expect(dueAfterWorkingDays(cal, shanghai('2026-10-08T09:00'), 5).lastWorkingDay).toBe('2026-10-14');
  });

  it('a trigger on a holiday starts counting the next day', () => {
    // 2-20 is inside 春节: 2-21..2-23 off, 2-24 (1), 2-25 (2), 2-26 (3).
    expect(dueAfterWorkingDays(cal, shanghai('2026-02-20T15:00'), 3).lastWorkingDay).toBe('2026-02-26');
  });

  it('a trigger on a weekend starts counting the next day', () => {
    // 3-7 Sat: 3-8 Sun off, 3-9 Mon (1) .. 3-13 Fri (5).
    expect(dueAfterWorkingDays(cal, shanghai('2026-03-07T11:00'), 5).lastWorkingDay).toBe('2026-03-13');
  });

  it('a trigger on a make-up Saturday does not count that Saturday', () => {
    // 10-10 Sat works but is the trigger day: 10-11 Sun off, 10-12 (1), 10-13 (2), 10-14 (3), 10-15 (4), 10-16 (5).
    expect(dueAfterWorkingDays(cal, shanghai('2026-10-10T11:00'), 5).lastWorkingDay).toBe('2026-10-16');
  });

  it('an instant after 16:00Z already falls on the next Shanghai day', () => {
    // 2026-10-09T16:30Z is 10-10 00:30 in Shanghai, so the trigger day is 10-10, as above.
    expect(dueAfterWorkingDays(cal, new Date('2026-10-09T16:30:00Z'), 5).lastWorkingDay).toBe('2026-10-16');
  });

  it('an instant just before 16:00Z is still the same Shanghai day', () => {
    // 10-9 23:59:59.999 in Shanghai: 10-10 Sat works (1), 10-12 (2), 10-13 (3), 10-14 (4), 10-15 (5).
    expect(dueAfterWorkingDays(cal, new Date('2026-10-09T15:59:59.999Z'), 5)).toMatchObject({
      lastWorkingDay: '2026-10-15',
      dueAt: '2026-10-15T16:00:00.000Z',
    });
  });
});

describe('across the end of the last published year', () => {
  it('a period triggered on 2026-12-28 skips the fixed 2027-01-01 holiday and is provisional', () => {
    // 12-29 (1), 12-30 (2), 12-31 (3), 2027-01-01 Fri 元旦 off, 1-2/1-3 weekend, 1-4 Mon (4), 1-5 Tue (5).
    expect(dueAfterWorkingDays(cal, shanghai('2026-12-28T10:00'), 5)).toEqual({
      dueAt: '2027-01-05T16:00:00.000Z',
      lastWorkingDay: '2027-01-05',
      provisional: true,
      calendarVersion: cal.version,
    });
  });

  it('a period ending on 2026-12-31 examines no 2027 day and is not provisional', () => {
    // 12-25 Fri (1), 12-28 (2), 12-29 (3), 12-30 (4), 12-31 Thu (5).
    expect(dueAfterWorkingDays(cal, shanghai('2026-12-24T10:00'), 5)).toMatchObject({
      lastWorkingDay: '2026-12-31',
      dueAt: '2026-12-31T16:00:00.000Z',
      provisional: false,
    });
  });
});
