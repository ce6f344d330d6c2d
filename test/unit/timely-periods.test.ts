/** The local policy for the steps the seed asks to be done 及时: each period names its basis, fast track is shorter. */
import { LOCAL_POLICY, PERIODS, periodFor, periodMet } from '../../domain/periods';

const TIMELY = Object.keys(LOCAL_POLICY.timely) as (keyof typeof LOCAL_POLICY.timely)[];

test('every 及时 step has a period of working days that names its basis as local policy', () => {
  expect(TIMELY.sort()).toEqual(
    ['investigation', 'meeting', 'opinionApproval', 'reProposal', 'reportReview', 'teamForming'].sort(),
  );
  for (const id of TIMELY) {
    expect(PERIODS[id].workingDays).toBe(LOCAL_POLICY.timely[id]);
    expect(PERIODS[id].clause).toMatch(/^.+及时.+，\d+个工作日内办理（本地规定）$/);
  }
});

test('a fast-track case has a shorter period for every 及时 step', () => {
  for (const id of TIMELY) {
    const fast = periodFor(id, true);
    expect(fast.workingDays).toBeLessThan(periodFor(id, false).workingDays);
    expect(fast.clause.startsWith('快查快结：')).toBe(true);
  }
});

test('forming the team is done once the team exists; the other steps once the case has left their stage', () => {
  expect(periodMet('teamForming', { stage: 'investigation' })).toBe(false);
  expect(periodMet('teamForming', { stage: 'investigation', investigationTeam: ['甲', '乙'] })).toBe(true);
  expect(periodMet('investigation', { stage: 'investigation', investigationTeam: ['甲', '乙'] })).toBe(false);
  expect(periodMet('investigation', { stage: 'reportReview' })).toBe(true);
  expect(periodMet('meeting', { stage: 'determination' })).toBe(false);
  expect(periodMet('meeting', { stage: 'feedback' })).toBe(true);
  expect(periodMet('noSuchPeriod', { stage: 'feedback' })).toBe(false);
});
