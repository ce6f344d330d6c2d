/**
 * Statutory periods computed outside the workflow sandbox. Each result (due instant, reminder instant, calendar
 * version, provisional flag) goes into history, so a replay never reads calendar data and a calendar update never
 * breaks a running case.
 */
import { ApplicationFailure } from '@temporalio/activity';

import type { LocalDate, Pause, WorkingCalendar } from '../calendar';
import { CalendarInputError, dueAfterWorkingDays, dueAfterWorkingDaysWithPauses, endOfLocalDate } from '../calendar';

export interface DeadlineRequest {
  readonly workingDays: number;
  /** ISO instant of the triggering event; its Asia/Shanghai day is not counted. */
  readonly triggeredAt: string;
  /** Pauses of the case's clock so far, all ended. */
  readonly pauses?: readonly Pause[];
}

export interface ComputedDeadline {
  readonly dueAt: string;
  /** Start of the last `reminderWorkingDays` working days before the due instant; null when that is not after the trigger. */
  readonly remindAt: string | null;
  readonly calendarVersion: string;
  readonly provisional: boolean;
}

export interface DeadlineSettings {
  /** How many working days before a deadline the reminder goes out. */
  readonly reminderWorkingDays: number;
  /** How many working days a pause of the clock may last before it is escalated; 30 when absent. */
  readonly pauseLimitWorkingDays?: number;
}

const DEFAULT_PAUSE_LIMIT_WORKING_DAYS = 30;

const DAY_MS = 24 * 3600 * 1000;

function previousDay(d: LocalDate): LocalDate {
  return new Date(Date.parse(`${d}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

/** Bad input cannot get better by retrying: it fails the activity at once, with the calendar's message. */
function calendarCall<T>(compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof CalendarInputError) {
      throw ApplicationFailure.nonRetryable(err.message, 'CalendarInputError');
    }
    throw err;
  }
}

/** Builds the deadline activities over the calendar the worker holds (reloaded when an arrangement is loaded). */
export function createDeadlineActivities(calendar: () => WorkingCalendar, settings: DeadlineSettings) {
  return {
    /** The due instant of a period of working days, with the clock's pauses taken out. */
    async computeDeadline(request: DeadlineRequest): Promise<ComputedDeadline> {
      return calendarCall(() => {
        const cal = calendar();
        const triggeredAt = new Date(request.triggeredAt);
        const computed = request.pauses?.length
          ? dueAfterWorkingDaysWithPauses(cal, triggeredAt, request.workingDays, request.pauses)
          : dueAfterWorkingDays(cal, triggeredAt, request.workingDays);
        if (computed.dueAt === null) {
          throw ApplicationFailure.nonRetryable('the clock is still paused', 'CalendarInputError');
        }
        // Walk back from the last working day to the start of the last N working days.
        let day = computed.lastWorkingDay;
        for (let counted = 1; counted < settings.reminderWorkingDays;) {
          day = previousDay(day);
          if (cal.isWorkingDay(day)) counted += 1;
        }
        const remindAt = new Date(Date.parse(endOfLocalDate(day)) - DAY_MS).toISOString();
        return {
          dueAt: computed.dueAt,
          remindAt: Date.parse(remindAt) > triggeredAt.getTime() ? remindAt : null,
          calendarVersion: computed.calendarVersion,
          provisional: computed.provisional,
        };
      });
    },

    /**
     * When the next overdue escalation goes out: the end of the first working day after the day that `after` (a due
     * instant or the previous escalation, 24:00 of a working day) ends. 24:00 is 0:00 of the next day, which must
     * not count as the trigger day, or every other working day would be skipped.
     */
    async nextEscalation(after: string): Promise<{ readonly at: string }> {
      return calendarCall(() => ({ at: dueAfterWorkingDays(calendar(), new Date(Date.parse(after) - 1), 1).dueAt }));
    },

    /**
     * When a pause that began at `from` has lasted longer than the configured bound: the end of its last allowed
     * working day, the pause's own day not counted (the rule of every trigger).
     */
    async pauseLimit(request: {
      readonly from: string;
    }): Promise<{ readonly at: string; readonly workingDays: number }> {
      const workingDays = settings.pauseLimitWorkingDays ?? DEFAULT_PAUSE_LIMIT_WORKING_DAYS;
      return calendarCall(() => ({
        at: dueAfterWorkingDays(calendar(), new Date(request.from), workingDays).dueAt,
        workingDays,
      }));
    },

    /** The end (24:00 Asia/Shanghai) of the day `months` calendar months after `from`: an impact period's end. */
    async impactPeriodEnd(request: {
      readonly from: string;
      readonly months: number;
    }): Promise<{ readonly endsAt: string }> {
      if (!Number.isInteger(request.months) || request.months < 1 || request.months > 120) {
        throw ApplicationFailure.nonRetryable(`an impact period of ${request.months} months`, 'CalendarInputError');
      }
      const shanghai = new Date(Date.parse(request.from) + 8 * 3600 * 1000);
      const target = new Date(
        Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() + request.months, shanghai.getUTCDate()),
      );
      // 31 January plus one month is the last day of February, not 3 March.
      if (target.getUTCDate() !== shanghai.getUTCDate()) target.setUTCDate(0);
      return { endsAt: endOfLocalDate(target.toISOString().slice(0, 10)) };
    },
  };
}

export type DeadlineActivities = ReturnType<typeof createDeadlineActivities>;
