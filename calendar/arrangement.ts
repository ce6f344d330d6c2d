import { fixedStatutoryHolidays } from './fixed-holidays';
import {
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  formatLocalDate,
  isRealLocalDate,
  parseLocalDate,
  weekdayOf,
} from './shanghai';
import type { ArrangementDay, YearArrangement } from './types';

// The 2025 amendment is the first rule set whose fixed days every later notice must contain; earlier
// years were governed by other versions of the rules, so they are not held to this one.
const FIRST_YEAR_UNDER_CURRENT_RULES = 2025;

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type ListName = 'holidays' | 'workdays';

/** The notice an entry rests on: its own, or the arrangement's. */
export function effectiveNotice(arrangement: YearArrangement, day: ArrangementDay): string | undefined {
  return nonBlank(day.notice) ?? nonBlank(arrangement.notice);
}

/**
 * Everything wrong with one year's arrangement, one line per problem, each naming the entry as
 * `holidays[3] (2027-02-07)`. Whole-year checks run only when the entries themselves are sound, so
 * a typo is reported once rather than also as a missing holiday.
 */
export function arrangementProblems(arrangement: YearArrangement): string[] {
  const { year } = arrangement;
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    return [`year ${String(year)} is not a year between ${FIRST_SUPPORTED_YEAR} and ${LAST_SUPPORTED_YEAR}`];
  }
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const list of ['holidays', 'workdays'] as const) {
    arrangement[list].forEach((day, index) => {
      const label = `${list}[${index}] (${String(day.date)})`;
      const problem = entryProblem(arrangement, list, day, seen);
      if (problem) problems.push(`${label}: ${problem}`);
      else seen.set(day.date, `${list}[${index}]`);
    });
  }
  if (problems.length === 0 && year >= FIRST_YEAR_UNDER_CURRENT_RULES) {
    const holidays = new Set(arrangement.holidays.map((d) => d.date));
    for (const [day, name] of fixedStatutoryHolidays(year)) {
      const date = formatLocalDate(day);
      if (!holidays.has(date)) {
        problems.push(`fixed statutory holiday ${date} (${name}) is missing from holidays`);
      }
    }
  }
  return problems;
}

function entryProblem(
  arrangement: YearArrangement,
  list: ListName,
  day: ArrangementDay,
  seen: ReadonlyMap<string, string>,
): string | undefined {
  if (!isRealLocalDate(day.date)) return `date is not a real 'YYYY-MM-DD' date`;
  if (Number(day.date.slice(0, 4)) !== arrangement.year) return `date lies outside the year ${arrangement.year}`;
  const earlier = seen.get(day.date);
  if (earlier?.startsWith(list)) return `duplicates ${earlier}`;
  if (earlier) return `date is both a holiday and a make-up working day (also ${earlier})`;
  if (typeof day.name !== 'string' || day.name.trim() === '') return 'name is missing';
  if (!effectiveNotice(arrangement, day)) return 'no notice: cite one on the entry or on the whole year';
  if (list === 'workdays') {
    const weekday = weekdayOf(parseLocalDate(day.date));
    if (weekday !== 0 && weekday !== 6) {
      return `is a ${WEEKDAY_NAMES[weekday]}; only a Saturday or Sunday can be a make-up working day`;
    }
  }
  return undefined;
}

function nonBlank(value: string | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
