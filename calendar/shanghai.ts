import { CalendarInputError } from './errors';
import type { LocalDate } from './types';

/** The only time zone the statutory clock runs in. */
export const CALENDAR_TIME_ZONE = 'Asia/Shanghai';

// China has kept a fixed UTC+8 without daylight saving since 1991, so a constant offset is exact for
// every supported date and no time-zone database (whose contents vary between machines) is consulted.
const OFFSET_MS = 8 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

// The published data starts in 2004 and chinese-days' lunar tables end with 2100; a date outside is
// almost certainly a bug upstream rather than a case to compute.
export const FIRST_SUPPORTED_YEAR = 2004;
export const LAST_SUPPORTED_YEAR = 2099;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** Days since 1970-01-01; all day arithmetic is done on these integers. */
export type DayNumber = number;

export function dayFromYmd(year: number, month: number, day: number): DayNumber {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Parses 'YYYY-MM-DD', rejecting dates that don't exist (2026-02-30) rather than rolling them over. */
export function parseLocalDate(value: unknown, what = 'date'): DayNumber {
  const match = typeof value === 'string' ? LOCAL_DATE.exec(value) : null;
  if (!match) {
    throw new CalendarInputError(`${what} must be a 'YYYY-MM-DD' string, got ${describe(value)}`);
  }
  const day = dayFromYmd(Number(match[1]), Number(match[2]), Number(match[3]));
  if (formatLocalDate(day) !== value) {
    throw new CalendarInputError(`${what} ${value} is not a real calendar date`);
  }
  return day;
}

/** Like parseLocalDate, but answers instead of throwing; for validating data files. */
export function isRealLocalDate(value: unknown): value is LocalDate {
  const match = typeof value === 'string' ? LOCAL_DATE.exec(value) : null;
  return match !== null && formatLocalDate(dayFromYmd(Number(match[1]), Number(match[2]), Number(match[3]))) === value;
}

export function formatLocalDate(day: DayNumber): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function yearOf(day: DayNumber): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: DayNumber): number {
  return new Date(day * DAY_MS).getUTCDay();
}

export function isWeekend(day: DayNumber): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

/** The Shanghai civil day an instant falls on. */
export function shanghaiDayOf(instantMs: number): DayNumber {
  return Math.floor((instantMs + OFFSET_MS) / DAY_MS);
}

/** 00:00 Asia/Shanghai of a civil day, in epoch milliseconds. */
export function dayStartMs(day: DayNumber): number {
  return day * DAY_MS - OFFSET_MS;
}

export function assertSupportedDay(day: DayNumber, what: string): void {
  const year = yearOf(day);
  if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new CalendarInputError(
      `${what} ${formatLocalDate(day)} is outside the supported range ${FIRST_SUPPORTED_YEAR}-01-01..${LAST_SUPPORTED_YEAR}-12-31`,
    );
  }
}

/** Accepts only a valid Date object and returns its epoch milliseconds. */
export function requireInstant(value: unknown, what: string): number {
  if (!(value instanceof Date)) {
    throw new CalendarInputError(`${what} must be a Date, got ${describe(value)}`);
  }
  const ms = value.getTime();
  if (Number.isNaN(ms)) {
    throw new CalendarInputError(`${what} is an invalid Date`);
  }
  return ms;
}

/**
 * Parses an ISO 8601 instant that carries its own offset. A string without one would be read in the
 * process's local zone, which differs between machines, so it is refused.
 */
export function parseInstant(value: unknown, what: string): number {
  const match = typeof value === 'string' ? ISO_INSTANT.exec(value) : null;
  if (!match) {
    throw new CalendarInputError(
      `${what} must be an ISO 8601 instant with an offset, like 2026-10-12T16:00:00Z or 2026-10-13T00:00:00+08:00, got ${describe(value)}`,
    );
  }
  const [, date, hours, minutes, seconds, , offsetHours, offsetMinutes] = match;
  const fieldsInRange =
    isRealLocalDate(date) &&
    Number(hours) <= 23 &&
    Number(minutes) <= 59 &&
    Number(seconds ?? '0') <= 59 &&
    Number(offsetHours ?? '0') <= 23 &&
    Number(offsetMinutes ?? '0') <= 59;
  const ms = Date.parse(value as string);
  if (!fieldsInRange || Number.isNaN(ms)) {
    throw new CalendarInputError(`${what} ${value as string} is not a real instant`);
  }
  return ms;
}

/** The Asia/Shanghai civil date of an instant. */
export function toLocalDate(instant: Date): LocalDate {
  return formatLocalDate(shanghaiDayOf(requireInstant(instant, 'instant')));
}

/** 24:00 Asia/Shanghai of a civil date (00:00 of the next day), as a UTC ISO instant. */
export function endOfLocalDate(date: LocalDate): string {
  return new Date(dayStartMs(parseLocalDate(date) + 1)).toISOString();
}

export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  return String(value);
}
