/**
 * The statutory clock: working days in Asia/Shanghai under the State Council's holiday arrangements.
 * Computation is pure; only loadCalendar reads files.
 */
export { createCalendar } from './calendar';
export { CalendarDataError, CalendarInputError } from './errors';
export { fixedStatutoryHolidayDates } from './fixed-holidays';
export { DEFAULT_HOLIDAYS_DIR, loadCalendar } from './load';
export { calendarSource } from './source';
export { operatorFileSchema, type OperatorFile } from './operator-files';
export { publishedArrangements } from './published';
export { CALENDAR_TIME_ZONE, endOfLocalDate, toLocalDate } from './shanghai';
export type {
  ArrangementDay,
  DayKind,
  Deadline,
  LocalDate,
  Pause,
  PeriodStatus,
  SuspendedDeadline,
  WorkingCalendar,
  WorkingDaysUsed,
  YearArrangement,
} from './types';
export {
  MAX_WORKING_DAYS,
  dueAfterWorkingDays,
  dueAfterWorkingDaysWithPauses,
  remainingWorkingDays,
  workingDaysBetween,
} from './working-days';
