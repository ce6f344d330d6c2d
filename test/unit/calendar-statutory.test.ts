import {
  createCalendar,
  dueAfterWorkingDays,
  fixedStatutoryHolidayDates,
  publishedArrangements,
  type LocalDate,
} from '../../calendar';

const published = publishedArrangements();
const cal = createCalendar(published);
const shanghai = (localDateTime: string) => new Date(`${localDateTime}+08:00`);

function datesBetween(first: LocalDate, last: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

describe('the built-in 2026 arrangement is the State Council notice for 2026', () => {
  const noticeHolidays = new Set([
    ...datesBetween('2026-01-01', '2026-01-03'),
    ...datesBetween('2026-02-15', '2026-02-23'),
    ...datesBetween('2026-04-04', '2026-04-06'),
    ...datesBetween('2026-05-01', '2026-05-05'),
    ...datesBetween('2026-06-19', '2026-06-21'),
    ...datesBetween('2026-09-25', '2026-09-27'),
    ...datesBetween('2026-10-01', '2026-10-07'),
  ]);
  const noticeWorkdays = new Set(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);

  it('every day of 2026 has the kind the notice gives it', () => {
    const mismatches = datesBetween('2026-01-01', '2026-12-31').filter((date) => {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      const expected = noticeHolidays.has(date)
        ? 'holiday'
        : noticeWorkdays.has(date)
          ? 'makeupWorkday'
          : weekday === 0 || weekday === 6
            ? 'weekend'
            : 'workday';
      return cal.dayKind(date).kind !== expected;
    });
    expect(mismatches).toEqual([]);
  });

  it('make-up working days are working days with their festival named', () => {
    expect(cal.dayKind('2026-09-20')).toEqual({ kind: 'makeupWorkday', name: '国庆节调休', source: 'published' });
    expect(cal.isWorkingDay('2026-09-20')).toBe(true);
  });

  it('holidays are not working days, even on a weekday', () => {
    expect(cal.dayKind('2026-02-23')).toEqual({ kind: 'holiday', name: '春节', source: 'published' });
    expect(cal.isWorkingDay('2026-02-23')).toBe(false);
  });

  it('published years 2004 to 2026 are known, others are not', () => {
    expect([2003, 2004, 2026, 2027].map((y) => cal.isKnownYear(y))).toEqual([false, true, true, false]);
  });
});

describe('fixed statutory holidays of a year without a known arrangement', () => {
  it('2027 has 元旦, 除夕 to 初三, 清明, 劳动节 5-1..5-2, 端午, 中秋 and 国庆 10-1..10-3 on the known dates', () => {
    // 正月初一 2027 is 2-06, so 除夕 is 2-05; 清明 4-05; 端午 6-09; 中秋 9-15.
    expect(fixedStatutoryHolidayDates(2027)).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-05', name: '春节' },
      { date: '2027-02-06', name: '春节' },
      { date: '2027-02-07', name: '春节' },
      { date: '2027-02-08', name: '春节' },
      { date: '2027-04-05', name: '清明节' },
      { date: '2027-05-01', name: '劳动节' },
      { date: '2027-05-02', name: '劳动节' },
      { date: '2027-06-09', name: '端午节' },
      { date: '2027-09-15', name: '中秋节' },
      { date: '2027-10-01', name: '国庆节' },
      { date: '2027-10-02', name: '国庆节' },
      { date: '2027-10-03', name: '国庆节' },
    ]);
  });

  it('2028 falls on the known dates, 中秋 sharing 10-03 with 国庆', () => {
    // 正月初一 2028 is 1-26 (除夕 1-25); 清明 4-04; 端午 5-28 (a leap fifth month follows); 中秋 10-03.
    expect(fixedStatutoryHolidayDates(2028)).toEqual([
      { date: '2028-01-01', name: '元旦' },
      { date: '2028-01-25', name: '春节' },
      { date: '2028-01-26', name: '春节' },
      { date: '2028-01-27', name: '春节' },
      { date: '2028-01-28', name: '春节' },
      { date: '2028-04-04', name: '清明节' },
      { date: '2028-05-01', name: '劳动节' },
      { date: '2028-05-02', name: '劳动节' },
      { date: '2028-05-28', name: '端午节' },
      { date: '2028-10-01', name: '国庆节' },
      { date: '2028-10-02', name: '国庆节' },
      { date: '2028-10-03', name: '中秋节、国庆节' },
    ]);
  });

  it('a fixed holiday on a weekday of an unknown year is not a working day', () => {
    expect(cal.dayKind('2027-06-09')).toEqual({ kind: 'holiday', name: '端午节', source: 'statutoryFixed' });
    expect(cal.isWorkingDay('2027-06-09')).toBe(false);
  });

  it('other weekdays of an unknown year are working days by the weekday rule', () => {
    expect(cal.dayKind('2027-06-10')).toEqual({ kind: 'workday', source: 'weekday' });
  });

  it('a 5-working-day period across 2027 春节 skips 除夕 and 初三 and is provisional', () => {
    // 2-4 Thu trigger, 2-5 Fri 除夕 off, 2-6/2-7 weekend, 2-8 Mon 初三 off, 2-9 (1), 2-10 (2), 2-11 (3), 2-12 (4), 2-15 Mon (5).
    expect(dueAfterWorkingDays(cal, shanghai('2027-02-04T10:00'), 5)).toMatchObject({
      lastWorkingDay: '2027-02-15',
      provisional: true,
    });
  });

  it('an unknown National Day only takes out 10-1 to 10-3', () => {
    // 9-30 Thu trigger, 10-1 Fri off, 10-2/10-3 weekend, 10-4 Mon (1), 10-5 (2), 10-6 (3), 10-7 (4), 10-8 Fri (5).
    expect(dueAfterWorkingDays(cal, shanghai('2027-09-30T10:00'), 5)).toMatchObject({
      lastWorkingDay: '2027-10-08',
      provisional: true,
    });
  });

  it('every published year lists the fixed days the rules of its time made holidays', () => {
    // Before 2025 除夕 and 5-2 were not statutory; before 2008 清明, 端午 and 中秋 were not holidays at all.
    const required = (year: number, name: string, date: LocalDate, firstSpringDay: LocalDate) =>
      !(year < 2025 && ((name === '春节' && date === firstSpringDay) || date.endsWith('-05-02'))) &&
      !(year < 2008 && ['清明节', '端午节', '中秋节'].includes(name));
    const missing = published.flatMap(({ year, holidays }) => {
      const listed = new Set(holidays.map((h) => h.date));
      const fixed = fixedStatutoryHolidayDates(year);
      const firstSpringDay = fixed.find((f) => f.name === '春节')!.date;
      return fixed.filter((f) => required(year, f.name, f.date, firstSpringDay) && !listed.has(f.date));
    });
    expect(missing).toEqual([]);
  });

  it('results do not depend on the process time zone', () => {
    const original = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      expect(fixedStatutoryHolidayDates(2027).find((f) => f.name === '端午节')?.date).toBe('2027-06-09');
      expect(dueAfterWorkingDays(cal, shanghai('2026-09-30T10:00'), 5).dueAt).toBe('2026-10-13T16:00:00.000Z');
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});
