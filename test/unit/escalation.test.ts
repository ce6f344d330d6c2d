/**
 * The overdue ladder escalates at the end of each further working day (the 0.2.0 ladder skipped every other one:
 * due 12-09 24:00, then 12-11 and 12-14, with 12-10 missed). Against the published 2026 arrangement.
 */
import { createDeadlineActivities } from '../../activities/deadlines';
import { createCalendar, publishedArrangements } from '../../calendar';

const cal = createCalendar(publishedArrangements());
const { nextEscalation } = createDeadlineActivities(() => cal, { reminderWorkingDays: 1 });
/** 24:00 Beijing time at the end of `date`. */
const endOf = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 24 * 3600 * 1000).toISOString();

test('a deadline due at the end of Wednesday 9 December escalates at the end of Thursday 10, Friday 11, Monday 14', async () => {
  const first = (await nextEscalation(endOf('2026-12-09'))).at;
  const second = (await nextEscalation(first)).at;
  const third = (await nextEscalation(second)).at;
  expect([first, second, third]).toEqual([endOf('2026-12-10'), endOf('2026-12-11'), endOf('2026-12-14')]);
});

test('across a holiday the ladder skips the days off and the weekend: National Day 2026', async () => {
  // 2026-09-30 Wed works; 10-01..10-07 off; 10-10 Sat is a make-up working day (State Council notice for 2026).
  const first = (await nextEscalation(endOf('2026-09-30'))).at;
  const second = (await nextEscalation(first)).at;
  expect([first, second]).toEqual([endOf('2026-10-08'), endOf('2026-10-09')]);
  expect((await nextEscalation(second)).at).toBe(endOf('2026-10-10'));
});
