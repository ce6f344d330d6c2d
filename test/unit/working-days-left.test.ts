/**
 * The working days left of a deadline, as the case view answers them: today counts while it is a working day, up
 * to the last working day; past it, the working days overdue are negative. The real calendar, with the published
 * 2026 National Day arrangement.
 */
import { loadCalendar } from '../../calendar';
import { workingDaysLeft } from '../../api/cases/working-days-left';

const calendar = loadCalendar();
/** 24:00 Beijing time of `date`, as the deadlines record their due instant. */
const endOf = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 24 * 3600 * 1000).toISOString();
const at = (iso: string) => new Date(iso);

describe('working days left', () => {
  it('counts today and every working day up to the last one', () => {
    // Wednesday 2 December to Friday 4 December 2026: Wednesday, Thursday, Friday.
    expect(workingDaysLeft(calendar, endOf('2026-12-04'), at('2026-12-02T09:00:00+08:00'))).toBe(3);
    // On the last day itself, one is left.
    expect(workingDaysLeft(calendar, endOf('2026-12-04'), at('2026-12-04T23:00:00+08:00'))).toBe(1);
  });

  it('skips weekends and the holidays of the published arrangement', () => {
    // Friday 2 October 2026 is in the National Day holiday; the period ends on Friday 9 October.
    const left = workingDaysLeft(calendar, endOf('2026-10-09'), at('2026-09-30T10:00:00+08:00'));
    const working = [
      '2026-09-30',
      '2026-10-01',
      '2026-10-02',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
      '2026-10-08',
      '2026-10-09',
    ].filter((d) => calendar.isWorkingDay(d)).length;
    expect(left).toBe(working);
    expect(left).toBeLessThan(8);
  });

  it('is negative by the working days past the deadline once it is overdue', () => {
    // Due Friday 4 December; on Tuesday 8 December, Monday and Tuesday are past it.
    expect(workingDaysLeft(calendar, endOf('2026-12-04'), at('2026-12-08T10:00:00+08:00'))).toBe(-2);
    // On the weekend right after it, no working day has passed yet.
    expect(workingDaysLeft(calendar, endOf('2026-12-04'), at('2026-12-05T10:00:00+08:00'))).toBe(0);
  });
});
