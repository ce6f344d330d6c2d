/** A civil date in Asia/Shanghai, written 'YYYY-MM-DD'. */
export type LocalDate = string;

/** How a day is classified, and on whose authority. */
export interface DayKind {
  kind: 'workday' | 'weekend' | 'holiday' | 'makeupWorkday';
  /** Holiday name (e.g. 春节) for holidays and make-up working days. */
  name?: string;
  /**
   * - `published`: the State Council arrangement as shipped with the module (chinese-days data);
   * - `operator`: an operator file under `config/holidays/`;
   * - `statutoryFixed`: a fixed statutory holiday of a year with no known arrangement;
   * - `weekday`: nothing special, Monday to Friday work and the weekend does not.
   */
  source: 'published' | 'operator' | 'statutoryFixed' | 'weekday';
}

/** The working-day calendar of Asia/Shanghai, as far as it is known. */
export interface WorkingCalendar {
  /** `cal-` followed by 12 hex digits of a sha256 of the effective data; equal data gives an equal version. */
  readonly version: string;
  isWorkingDay(d: LocalDate): boolean;
  dayKind(d: LocalDate): DayKind;
  /** True when a published or operator arrangement exists for that year. */
  isKnownYear(year: number): boolean;
}

/** One day of a year's arrangement. */
export interface ArrangementDay {
  date: LocalDate;
  /** Chinese holiday name, e.g. 国庆节, or 国庆节调休 for a make-up working day. */
  name: string;
  /** The notice this day comes from; falls back to the arrangement's notice. */
  notice?: string;
}

/**
 * The State Council arrangement of one year: every day off (including weekends inside a holiday
 * span) and every make-up working weekend day (调休). An arrangement replaces the whole year: days it
 * doesn't list follow the weekday rule, and fixed statutory holidays are not added on top.
 */
export interface YearArrangement {
  year: number;
  source: 'published' | 'operator';
  /** The notice the whole year comes from, e.g. 国务院办公厅关于2026年部分节假日安排的通知. */
  notice?: string;
  holidays: readonly ArrangementDay[];
  workdays: readonly ArrangementDay[];
}

/**
 * A span during which the statutory clock stood still, as ISO 8601 instants with an explicit offset
 * (`Z` or `+08:00`). Without `until` the pause is still running.
 */
export interface Pause {
  from: string;
  until?: string;
}

/** The end of a period of working days. */
export interface Deadline {
  /** 24:00 Asia/Shanghai of the last working day, as a UTC ISO instant. */
  dueAt: string;
  lastWorkingDay: LocalDate;
  /** True when any day examined lies in a year without a known arrangement: recompute once it is known. */
  provisional: boolean;
  calendarVersion: string;
}

/** A period whose clock is paused with no end yet, so it has no due instant. */
export interface SuspendedDeadline {
  dueAt: null;
  /** Start of the running pause, as a UTC ISO instant. */
  suspendedSince: string;
  /** Working days used before the running pause. */
  usedWorkingDays: number;
  /** Working days that will be left when the clock resumes. */
  remainingWorkingDays: number;
  provisional: boolean;
  calendarVersion: string;
}

/** Working days used between two instants. */
export interface WorkingDaysUsed {
  used: number;
  provisional: boolean;
  calendarVersion: string;
}

/** Where an N-working-day period stands at a given instant. */
export interface PeriodStatus {
  /** Working days used so far; may exceed the period's length once overdue. */
  used: number;
  /** Working days after the current one still available, never negative. */
  remaining: number;
  /** The due instant, or null while an open pause holds the clock. */
  dueAt: string | null;
  /** True once `now` is at or past `dueAt`. */
  overdue: boolean;
  provisional: boolean;
  calendarVersion: string;
}
