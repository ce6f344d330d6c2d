import { getYearLeapMonth, monthDays } from 'chinese-days';
import { dayFromYmd, type DayNumber } from './shanghai';

// chinese-days' own date conversions (getSolarDateFromLunar, getSolarTermDate, getDayDetail…) read dates
// with the process's local-time getters and come out one day early west of UTC (e.g. TZ=America/New_York
// gives 2027-02-05 for 正月初一). Only its pure table lookups are used here; the day arithmetic is ours, in UTC.

// 正月初一 of lunar year 1900 fell on 1900-01-31; chinese-days' tables count from there.
const LUNAR_EPOCH_YEAR = 1900;
const LUNAR_EPOCH_DAY = dayFromYmd(1900, 1, 31);

function lunarYearLength(lunarYear: number): number {
  let days = getYearLeapMonth(lunarYear).days;
  for (let month = 1; month <= 12; month++) days += monthDays(lunarYear, month);
  return days;
}

const newYearCache = new Map<number, DayNumber>();

/** The solar day of 正月初一 of a lunar year. */
function lunarNewYear(lunarYear: number): DayNumber {
  const cached = newYearCache.get(lunarYear);
  if (cached !== undefined) return cached;
  let day = LUNAR_EPOCH_DAY;
  for (let y = LUNAR_EPOCH_YEAR; y < lunarYear; y++) day += lunarYearLength(y);
  newYearCache.set(lunarYear, day);
  return day;
}

/** The solar day of a day of a regular (non-leap) lunar month; festivals never fall in a leap month. */
export function lunarToSolar(lunarYear: number, month: number, day: number): DayNumber {
  const leapMonth = getYearLeapMonth(lunarYear).leapMonth;
  let offset = day - 1;
  for (let m = 1; m < month; m++) {
    offset += monthDays(lunarYear, m);
    if (m === leapMonth) offset += getYearLeapMonth(lunarYear).days;
  }
  return lunarNewYear(lunarYear) + offset;
}

/**
 * The day of the Qingming solar term (清明, sun at 15° longitude), by the 寿星 general formula
 * ⌊Y·0.2422 + C⌋ − ⌊Y/4⌋ with C = 4.81 for 2001–2099 (the coefficient chinese-days uses, which lists no
 * exception years for 清明 in this century).
 */
export function qingming(year: number): DayNumber {
  const y = year % 100;
  return dayFromYmd(year, 4, Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4));
}
