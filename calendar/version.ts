import { createHash } from 'node:crypto';
import { effectiveNotice } from './arrangement';
import { FIXED_HOLIDAY_RULES } from './fixed-holidays';
import type { ArrangementDay, YearArrangement } from './types';

/**
 * `cal-` + the first 12 hex digits of a sha256 over a canonical rendering of the effective data: years
 * and entries in date order, each entry with its resolved notice, plus the fixed-holiday rule set. Input
 * order and where a notice was written (entry or file) don't matter; any change of a date, name,
 * notice, source or rule does.
 */
export function calendarVersion(arrangements: readonly YearArrangement[]): string {
  const canonical = [...arrangements]
    .sort((a, b) => a.year - b.year)
    .map((a) => ({
      year: a.year,
      source: a.source,
      holidays: canonicalDays(a, a.holidays),
      workdays: canonicalDays(a, a.workdays),
    }));
  const digest = createHash('sha256')
    .update(JSON.stringify({ rules: FIXED_HOLIDAY_RULES, years: canonical }))
    .digest('hex');
  return `cal-${digest.slice(0, 12)}`;
}

function canonicalDays(arrangement: YearArrangement, days: readonly ArrangementDay[]): string[][] {
  return days
    .map((d) => [d.date, d.name, effectiveNotice(arrangement, d) ?? ''])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
