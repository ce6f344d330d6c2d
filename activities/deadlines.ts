/**
 * Statutory periods computed outside the workflow sandbox. The result (due instant, calendar version, provisional
 * flag) goes into history, so a replay never reads calendar data and a calendar update never breaks a running case.
 */
import type { WorkingCalendar } from '../calendar';
import { dueAfterWorkingDays } from '../calendar';

export interface DeadlineRequest {
  readonly clause: string;
  readonly workingDays: number;
  /** ISO instant of the triggering event; its Asia/Shanghai day is not counted. */
  readonly triggeredAt: string;
}

export interface ComputedDeadline {
  readonly dueAt: string;
  readonly calendarVersion: string;
  readonly provisional: boolean;
}

/** Builds the deadline activities over a calendar that the worker loads (and reloads) from its data. */
export function createDeadlineActivities(calendar: () => WorkingCalendar) {
  return {
    async computeDeadline(request: DeadlineRequest): Promise<ComputedDeadline> {
      const { dueAt, provisional, calendarVersion } = dueAfterWorkingDays(
        calendar(),
        new Date(request.triggeredAt),
        request.workingDays,
      );
      return { dueAt, provisional, calendarVersion };
    },
  };
}

export type DeadlineActivities = ReturnType<typeof createDeadlineActivities>;
