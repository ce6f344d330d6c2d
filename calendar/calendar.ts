import { arrangementProblems } from './arrangement';
import { CalendarDataError, CalendarInputError } from './errors';
import { fixedStatutoryHolidays } from './fixed-holidays';
import { assertSupportedDay, isWeekend, parseLocalDate, yearOf, type DayNumber } from './shanghai';
import type { DayKind, LocalDate, WorkingCalendar, YearArrangement } from './types';
import { calendarVersion } from './version';

/**
 * Builds a calendar from explicit arrangements, without touching files: the arrangements given are
 * the only known years; every other year gets its fixed statutory holidays on top of the weekday rule.
 * Throws CalendarDataError if an arrangement is inconsistent or a year appears twice.
 */
export function createCalendar(arrangements: readonly YearArrangement[]): WorkingCalendar {
  const problems: string[] = [];
  const byYear = new Map<number, YearArrangement>();
  for (const arrangement of arrangements) {
    if (byYear.has(arrangement.year)) problems.push(`year ${arrangement.year}: given more than once`);
    byYear.set(arrangement.year, arrangement);
    problems.push(...arrangementProblems(arrangement).map((p) => `year ${arrangement.year}: ${p}`));
  }
  if (problems.length > 0) throw new CalendarDataError('calendar arrangements', problems);

  const known = new Map<DayNumber, DayKind>();
  for (const { source, holidays, workdays } of byYear.values()) {
    for (const d of holidays) known.set(parseLocalDate(d.date), { kind: 'holiday', name: d.name, source });
    for (const d of workdays) known.set(parseLocalDate(d.date), { kind: 'makeupWorkday', name: d.name, source });
  }
  const fixedByYear = new Map<number, Map<DayNumber, string>>();
  const fixedHolidaysOf = (year: number) => {
    let fixed = fixedByYear.get(year);
    if (!fixed) {
      fixed = fixedStatutoryHolidays(year);
      fixedByYear.set(year, fixed);
    }
    return fixed;
  };

  const classify = (day: DayNumber): DayKind => {
    const year = yearOf(day);
    if (byYear.has(year)) {
      const listed = known.get(day);
      if (listed) return { ...listed };
    } else {
      const name = fixedHolidaysOf(year).get(day);
      if (name !== undefined) return { kind: 'holiday', name, source: 'statutoryFixed' };
    }
    return { kind: isWeekend(day) ? 'weekend' : 'workday', source: 'weekday' };
  };
  const dayKind = (d: LocalDate): DayKind => {
    const day = parseLocalDate(d);
    assertSupportedDay(day, 'date');
    return classify(day);
  };

  return {
    version: calendarVersion([...byYear.values()]),
    dayKind,
    isWorkingDay: (d) => isWorking(dayKind(d)),
    isKnownYear: (year) => {
      if (!Number.isInteger(year)) throw new CalendarInputError(`year must be an integer, got ${String(year)}`);
      return byYear.has(year);
    },
  };
}

export function isWorking(kind: DayKind): boolean {
  return kind.kind === 'workday' || kind.kind === 'makeupWorkday';
}
