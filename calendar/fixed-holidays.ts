import { lunarToSolar, qingming } from './lunar';
import { CalendarInputError } from './errors';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR, dayFromYmd, formatLocalDate, type DayNumber } from './shanghai';
import type { LocalDate } from './types';

/**
 * Identifies the rule set below inside the calendar version, so that changing the rules changes the
 * version even when no data file changed.
 */
export const FIXED_HOLIDAY_RULES = 'statutory-fixed-2025';

/**
 * The holidays fixed by 《全国年节及纪念日放假办法》 as amended with effect from 2025-01-01 (国务院令第795号):
 * 元旦 1 day, 春节 4 days (除夕 to 正月初三), 清明节, 劳动节 2 days, 端午节, 中秋节, 国庆节 3 days.
 * They are the floor for a year whose notice is not known: the notice may add days around them, never
 * make one of them a working day. Returns each day with its name; a day shared by two festivals
 * (中秋 on 10-03 in 2028) gets both names.
 */
export function fixedStatutoryHolidays(year: number): Map<DayNumber, string> {
  const days = new Map<DayNumber, string>();
  const add = (day: DayNumber, name: string) => {
    const existing = days.get(day);
    days.set(day, existing === undefined ? name : `${existing}、${name}`);
  };
  const springFestival = lunarToSolar(year, 1, 1);
  add(dayFromYmd(year, 1, 1), '元旦');
  // 除夕 is the last day of the twelfth month, whether that month has 29 or 30 days.
  for (let offset = -1; offset <= 2; offset++) add(springFestival + offset, '春节');
  add(qingming(year), '清明节');
  add(dayFromYmd(year, 5, 1), '劳动节');
  add(dayFromYmd(year, 5, 2), '劳动节');
  add(lunarToSolar(year, 5, 5), '端午节');
  add(lunarToSolar(year, 8, 15), '中秋节');
  for (let d = 1; d <= 3; d++) add(dayFromYmd(year, 10, d), '国庆节');
  return days;
}

/**
 * The fixed statutory holidays of a year in date order, as a year without a known arrangement gets
 * them (see fixedStatutoryHolidays for the rules).
 *
 * @throws CalendarInputError for a year outside 2004–2099.
 */
export function fixedStatutoryHolidayDates(year: number): { date: LocalDate; name: string }[] {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new CalendarInputError(
      `year must be an integer from ${FIRST_SUPPORTED_YEAR} to ${LAST_SUPPORTED_YEAR}, got ${String(year)}`,
    );
  }
  return [...fixedStatutoryHolidays(year).entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, name]) => ({ date: formatLocalDate(day), name }));
}
