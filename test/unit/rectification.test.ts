/**
 * 约谈提醒、督促整改 (seed: 对整改及时到位的依纪依规依法不予追责问责): the talk comes first, and whether a fix is 及时到位
 * is judged against the order's due date.
 */
import type { ProcedureFacts } from '../../domain/procedure';
import { openActions } from '../../domain/procedure';
import { fixedInTime } from '../../domain/rectification';

const DUE = '2026-12-16T16:00:00.000Z'; // 2026年12月16日24时 in Beijing

test('a fix verified by the due instant is in time', () => {
  expect(fixedInTime({ status: 'running', dueAt: DUE }, '2026-12-16T09:00:00.000Z')).toBe(true);
  expect(fixedInTime({ status: 'running', dueAt: DUE }, DUE)).toBe(true);
});

test('a fix verified after its due date is not 及时到位, even before the overdue notice went out', () => {
  expect(fixedInTime({ status: 'running', dueAt: DUE }, '2026-12-16T16:00:00.001Z')).toBe(false);
  expect(fixedInTime({ status: 'overdue', dueAt: DUE }, '2026-12-10T00:00:00.000Z')).toBe(false);
});

test('a period the clock’s pause stopped before its due date has not run out; one stopped after it had', () => {
  const paused = { status: 'paused', dueAt: DUE } as const;
  expect(fixedInTime(paused, '2026-12-20T00:00:00.000Z', '2026-12-15T00:00:00.000Z')).toBe(true);
  expect(fixedInTime(paused, '2026-12-20T00:00:00.000Z', '2026-12-17T00:00:00.000Z')).toBe(false);
});

const facts = (over: Partial<ProcedureFacts>): ProcedureFacts => ({
  stage: 'rectification',
  caseOfficer: 'officer.dc',
  hearings: [],
  openObligations: [],
  announced: false,
  pauses: [],
  deadlines: [],
  ...over,
});

test('a rectification opens the talk first, and the verification only once the order is out', () => {
  expect(openActions(facts({}))).toEqual(['recordRectificationTalk', 'reassign']);
  expect(openActions(facts({ rectificationOrdered: true }))).toEqual(['verifyRectification', 'reassign']);
});

test('closing a verified rectification without liability is the approving leader’s decision', () => {
  expect(openActions(facts({ stage: 'rectificationReview' }))).toEqual(['approveRectification', 'reassign']);
});
