import {
  CalendarInputError,
  createCalendar,
  dueAfterWorkingDays,
  dueAfterWorkingDaysWithPauses,
  endOfLocalDate,
  publishedArrangements,
  toLocalDate,
  workingDaysBetween,
} from '../../calendar';

const cal = createCalendar(publishedArrangements());
const triggeredAt = new Date('2026-10-12T02:00:00Z');

describe('inputs the calendar refuses with CalendarInputError', () => {
  it.each([0, -1, 2.5, 367, Number.NaN, Infinity])('a period of %p working days', (n) => {
    expect(() => dueAfterWorkingDays(cal, triggeredAt, n)).toThrow(CalendarInputError);
    expect(() => dueAfterWorkingDays(cal, triggeredAt, n)).toThrow(/integer from 1 to 366/);
  });

  it('a period length that is not a number', () => {
    expect(() => dueAfterWorkingDays(cal, triggeredAt, '5' as unknown as number)).toThrow(/integer from 1 to 366/);
  });

  it('an invalid Date', () => {
    expect(() => dueAfterWorkingDays(cal, new Date('not a date'), 5)).toThrow(/triggeredAt is an invalid Date/);
  });

  it('a trigger that is not a Date', () => {
    expect(() => dueAfterWorkingDays(cal, '2026-10-12' as unknown as Date, 5)).toThrow(/triggeredAt must be a Date/);
  });

  it.each(['2026-2-3', '2026/02/03', '', '2026-02-03T00:00:00Z'])('a malformed date %p', (date) => {
    expect(() => cal.isWorkingDay(date)).toThrow(CalendarInputError);
    expect(() => cal.isWorkingDay(date)).toThrow(/'YYYY-MM-DD'/);
  });

  it('a date that does not exist', () => {
    expect(() => cal.dayKind('2026-02-30')).toThrow(/2026-02-30 is not a real calendar date/);
  });

  it('a date outside 2004..2099', () => {
    expect(() => cal.dayKind('2100-01-01')).toThrow(/outside the supported range/);
    expect(() => cal.isWorkingDay('2003-12-31')).toThrow(/outside the supported range/);
  });

  it('a period that runs past 2099', () => {
    expect(() => dueAfterWorkingDays(cal, new Date('2099-12-30T02:00:00Z'), 5)).toThrow(/outside the supported range/);
  });

  it('a year that is not an integer', () => {
    expect(() => cal.isKnownYear(2026.5)).toThrow(CalendarInputError);
  });

  it('a pause instant without an offset, which would be read in the local zone', () => {
    expect(() => dueAfterWorkingDaysWithPauses(cal, triggeredAt, 5, [{ from: '2026-10-13T00:00:00' }])).toThrow(
      /pauses\[0\]\.from must be an ISO 8601 instant with an offset/,
    );
  });

  it('a pause instant on a day that does not exist', () => {
    expect(() => dueAfterWorkingDaysWithPauses(cal, triggeredAt, 5, [{ from: '2026-02-30T00:00:00Z' }])).toThrow(
      /not a real instant/,
    );
  });

  it('a pause that ends before it starts', () => {
    const pauses = [{ from: '2026-10-14T00:00:00Z', until: '2026-10-13T00:00:00Z' }];
    expect(() => dueAfterWorkingDaysWithPauses(cal, triggeredAt, 5, pauses)).toThrow(
      /pauses\[0\] ends .* before it starts/,
    );
  });

  it('an interval whose end is before its start', () => {
    expect(() => workingDaysBetween(cal, triggeredAt, new Date('2026-10-11T00:00:00Z'), [])).toThrow(/is before from/);
  });
});

describe('Asia/Shanghai dates and instants', () => {
  it('an instant maps to its Shanghai civil date', () => {
    expect(toLocalDate(new Date('2026-10-09T16:00:00Z'))).toBe('2026-10-10');
    expect(toLocalDate(new Date('2026-10-09T15:59:59.999Z'))).toBe('2026-10-09');
  });

  it('the end of a civil date is 00:00+08:00 of the next day', () => {
    expect(endOfLocalDate('2026-12-31')).toBe('2026-12-31T16:00:00.000Z');
  });
});
