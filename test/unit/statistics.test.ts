/**
 * The office's figures from cases' records, without servers: counts by level, body, situation, outcome and year,
 * cases opened and concluded per month, working days per stage, deadlines met, what is overdue or owed now; and
 * the register's line of a case.
 */
import { createCalendar, workingDaysBetween } from '../../calendar';
import { publishedArrangements } from '../../calendar/published';
import type { Deadline, TimelineEntry, TimelineKind } from '../../domain/case';
import { registerRow } from '../../domain/register-row';
import { stageSpans } from '../../domain/stage-spans';
import type { CaseRecord, WorkingDaysCounter } from '../../domain/statistics';
import { computeStatistics } from '../../domain/statistics';
import { submission } from '../helpers/cases';

const calendar = createCalendar(publishedArrangements());
/** The statutory calendar's own count, as the API gives it. */
const workingDays: WorkingDaysCounter = (from, to) =>
  workingDaysBetween(calendar, new Date(from), new Date(to), []).used;

/** 10:00 Beijing time on a date. */
const at = (date: string) => `${date}T02:00:00.000Z`;
const entry = (kind: TimelineKind, date: string): TimelineEntry => ({ at: at(date), kind, summary: kind });

function deadline(overrides: Partial<Deadline> & Pick<Deadline, 'id' | 'dueAt' | 'status'>): Deadline {
  return {
    clause: overrides.id,
    workingDays: 5,
    triggeredAt: at('2026-11-02'),
    remindAt: null,
    calendarVersion: 'cal-000000000000',
    provisional: false,
    reminderSent: false,
    overdueNotices: 0,
    changes: [],
    ...overrides,
  };
}

/** A case's record with the fields the figures read; `timeline` by kind and Beijing date. */
function record(caseNumber: string, overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    caseNumber,
    stage: 'acceptance',
    handlingBody: 'disciplineCommission',
    submission: submission({ caseNumber }),
    evidenceRefs: [],
    hearings: [],
    openObligations: [],
    archiveReceipts: [],
    followUpVisits: [],
    pauses: [],
    clockPaused: false,
    allowedActions: [],
    deadlines: [],
    timeline: [entry('submitted', '2026-11-02')],
    decisionIds: [],
    summary: '',
    ...overrides,
  };
}

/**
 * An exemption decided and told: submitted Mon 2 Nov 2026, accepted Wed 4 Nov, opinion Mon 9 Nov, approved Tue 10
 * Nov, report Mon 23 Nov, accepted Wed 25 Nov, decided Mon 30 Nov, feedback Wed 2 Dec; a follow-up visit owed.
 */
const exempted = record('A-1', {
  stage: 'aftercare',
  outcome: 'exempt',
  closure: 'decided',
  level: 'city',
  handlingOpinion: { opinion: '调查', route: 'investigate', approved: true },
  investigationTeam: ['甲', '乙'],
  determination: {
    meetingDate: '2026-11-30',
    attendees: ['甲', '乙', '丙'],
    membersTotal: 5,
    outcome: 'exempt',
    reasoning: '理由',
    minutesRef: '纪要1',
  },
  openObligations: ['followUpVisit'],
  deadlines: [
    // Proposed in 3 working days of 5: met in time.
    deadline({ id: 'handlingOpinion', dueAt: '2026-11-10T16:00:00.000Z', status: 'met', metAt: at('2026-11-09') }),
    // The investigation went overdue before its report.
    deadline({ id: 'investigation', dueAt: '2026-11-20T16:00:00.000Z', status: 'met', overdueNotices: 1 }),
    deadline({ id: 'feedback', dueAt: '2026-12-07T16:00:00.000Z', status: 'met', metAt: at('2026-12-02') }),
  ],
  timeline: [
    entry('submitted', '2026-11-02'),
    entry('accepted', '2026-11-04'),
    entry('handlingOpinionProposed', '2026-11-09'),
    entry('handlingOpinionApproved', '2026-11-10'),
    entry('teamFormed', '2026-11-11'),
    entry('reportSubmitted', '2026-11-23'),
    entry('reportAccepted', '2026-11-25'),
    entry('determined', '2026-11-30'),
    entry('feedbackDelivered', '2026-12-02'),
  ],
});

/** A reduction of 6 months decided in October, its impact period running; the visit already due. */
const reduced = record('A-2', {
  stage: 'aftercare',
  outcome: 'reduce',
  closure: 'decided',
  level: 'dongcheng',
  submission: submission({ caseNumber: 'A-2', situation: 'innovation', origin: 'organization' }),
  handlingOpinion: { opinion: '调查', route: 'investigate', approved: true },
  determination: {
    meetingDate: '2026-10-20',
    attendees: ['甲', '乙', '丙'],
    membersTotal: 5,
    outcome: 'reduce',
    impactPeriodMonths: 6,
    reasoning: '理由',
    minutesRef: '纪要2',
  },
  impactPeriodEndsAt: '2027-04-20T16:00:00.000Z',
  openObligations: ['impactPeriod', 'followUpVisit'],
  timeline: [
    entry('submitted', '2026-10-08'),
    entry('accepted', '2026-10-09'),
    entry('handlingOpinionProposed', '2026-10-12'),
    entry('handlingOpinionApproved', '2026-10-13'),
    entry('reportSubmitted', '2026-10-15'),
    entry('reportAccepted', '2026-10-16'),
    entry('determined', '2026-10-20'),
    entry('feedbackDelivered', '2026-10-21'),
    entry('followUpDue', '2026-11-20'),
  ],
});

/** Accepted in November and waiting for its handling opinion, which went overdue on 1 Dec. */
const overdue = record('A-3', {
  stage: 'handlingOpinion',
  submission: submission({ caseNumber: 'A-3', situation: 'innovation' }),
  deadlines: [deadline({ id: 'handlingOpinion', dueAt: '2026-11-30T16:00:00.000Z', status: 'running' })],
  timeline: [entry('submitted', '2026-11-20'), entry('accepted', '2026-11-23')],
});

/** Declined at acceptance, in the organisation department, in 2025. */
const declined = record('B-1', {
  stage: 'declined',
  handlingBody: 'organizationDepartment',
  submission: submission({ caseNumber: 'B-1', handlingBody: 'organizationDepartment' }),
  timeline: [entry('submitted', '2025-12-29'), entry('declined', '2025-12-31')],
});

const ALL = [exempted, reduced, overdue, declined];
const NOW = '2026-12-02T08:00:00.000Z';
const figures = (filters = {}) =>
  computeStatistics(ALL, NOW, workingDays, filters, { dongcheng: '东城区', city: '市' });
const counts = (list: readonly { key: unknown; count: number }[]) =>
  Object.fromEntries(list.filter((c) => c.count > 0).map((c) => [String(c.key), c.count]));

test('cases are counted by level, handling body, situation, outcome, year and stage', () => {
  const s = figures();
  expect(s.cases).toBe(4);
  expect(counts(s.byLevel)).toEqual({ city: 3, dongcheng: 1 });
  expect(s.byLevel.find((l) => l.key === 'dongcheng')?.name).toBe('东城区');
  expect(counts(s.byHandlingBody)).toEqual({ disciplineCommission: 3, organizationDepartment: 1 });
  expect(counts(s.bySituation)).toEqual({ businessEnvironment: 2, innovation: 2 });
  expect(counts(s.byOutcome)).toEqual({ exempt: 1, reduce: 1, none: 2 });
  expect(s.byOutcome.map((o) => o.name)).toEqual(['容错免责', '减责', '不予容错', '未作出认定']);
  expect(counts(s.byYear)).toEqual({ 2025: 1, 2026: 3 });
  expect(counts(s.byStage)).toEqual({ aftercare: 2, handlingOpinion: 1, declined: 1 });
});

test('every code of a fixed list is counted, zeros included, so a report has every row', () => {
  const s = figures();
  expect(s.bySituation).toHaveLength(8);
  expect(s.bySituation.find((c) => c.key === 'emergency')).toEqual({ key: 'emergency', name: '应急处突', count: 0 });
  expect(s.byHandlingBody.map((b) => b.key)).toEqual([
    'partyCommittee',
    'disciplineCommission',
    'organizationDepartment',
  ]);
});

test('filters select cases by the year of submission, the level and the handling body', () => {
  expect(figures({ year: 2025 }).cases).toBe(1);
  expect(figures({ year: 2026, level: 'city' }).cases).toBe(2);
  expect(figures({ handlingBody: 'organizationDepartment' }).byStage.find((c) => c.key === 'declined')?.count).toBe(1);
  expect(figures({ level: 'xicheng' }).cases).toBe(0);
  expect(figures({ year: 2026 }).filters).toEqual({ year: 2026 });
});

test('cases opened and concluded are counted per month of Beijing time', () => {
  expect(figures().perMonth).toEqual([
    { month: '2025-12', opened: 1, concluded: 1 },
    { month: '2026-10', opened: 1, concluded: 1 },
    { month: '2026-11', opened: 2, concluded: 0 },
    { month: '2026-12', opened: 0, concluded: 1 },
  ]);
  // 00:30 on 1 December in Beijing is still 30 November in UTC: the month is Beijing's.
  const midnight = record('C-1', { timeline: [{ at: '2026-11-30T16:30:00.000Z', kind: 'submitted', summary: '' }] });
  expect(computeStatistics([midnight], NOW, workingDays).perMonth).toEqual([
    { month: '2026-12', opened: 1, concluded: 0 },
  ]);
});

test('the stages of a case are read back from its timeline, the approval following the opinion’s route', () => {
  expect(stageSpans(exempted).map((s) => [s.stage, s.from.slice(0, 10), s.until?.slice(0, 10)])).toEqual([
    ['acceptance', '2026-11-02', '2026-11-04'],
    ['handlingOpinion', '2026-11-04', '2026-11-09'],
    ['opinionApproval', '2026-11-09', '2026-11-10'],
    ['investigation', '2026-11-10', '2026-11-23'],
    ['reportReview', '2026-11-23', '2026-11-25'],
    ['determination', '2026-11-25', '2026-11-30'],
    ['feedback', '2026-11-30', '2026-12-02'],
    ['aftercare', '2026-12-02', undefined],
  ]);
  const excluded = record('C-2', {
    handlingOpinion: { opinion: '排除', route: 'exclude', approved: true },
    timeline: [
      entry('submitted', '2026-11-02'),
      entry('accepted', '2026-11-03'),
      entry('handlingOpinionProposed', '2026-11-04'),
      entry('handlingOpinionApproved', '2026-11-05'),
      entry('excluded', '2026-11-05'),
      entry('closed', '2026-11-05'),
    ],
  });
  expect(stageSpans(excluded).map((s) => s.stage)).toEqual([
    'acceptance',
    'handlingOpinion',
    'opinionApproval',
    'aftercare',
    'closed',
  ]);
});

test('a rectification, a report sent back and a supplementary investigation move the case as the workflow does', () => {
  const rectification = record('C-6', {
    handlingOpinion: { opinion: '约谈', route: 'rectification', approved: true },
    timeline: [
      entry('submitted', '2026-11-02'),
      entry('accepted', '2026-11-02'),
      entry('handlingOpinionProposed', '2026-11-03'),
      entry('handlingOpinionApproved', '2026-11-04'),
      entry('rectificationTalked', '2026-11-05'),
      entry('rectificationVerified', '2026-11-06'),
      entry('rectificationFailed', '2026-11-09'),
      entry('teamFormed', '2026-11-09'),
      entry('reportSubmitted', '2026-11-10'),
      entry('reportAccepted', '2026-11-11'),
      entry('determinationDeferred', '2026-11-12'),
      entry('supplementaryInvestigationOrdered', '2026-11-13'),
      entry('reportSubmitted', '2026-11-16'),
      entry('reportSentBack', '2026-11-17'),
    ],
  });
  expect(stageSpans(rectification).map((s) => s.stage)).toEqual([
    'acceptance',
    'handlingOpinion',
    'opinionApproval',
    'rectification',
    'rectificationReview',
    'investigation',
    'reportReview',
    'determination',
    'investigation',
    'reportReview',
    'investigation',
  ]);
  expect(stageSpans(rectification).at(-1)).not.toHaveProperty('until');
});

test('working days per stage are the median and 90th percentile over the cases that left it', () => {
  const durations = Object.fromEntries(
    figures().stageDurations.map((d) => [d.stage, [d.cases, d.medianWorkingDays, d.p90WorkingDays]]),
  );
  // Acceptance: 2 working days (2→4 Nov), 1 (8→9 Oct), 1 (20→23 Nov, over a weekend), 2 (29→31 Dec): median 1.5.
  expect(durations.acceptance).toEqual([4, 1.5, 2]);
  // Investigation: 9 working days (10→23 Nov) and 2 (13→15 Oct).
  expect(durations.investigation).toEqual([2, 5.5, 9]);
  // Nobody has left aftercare yet; the overdue case is still in the handling opinion's stage.
  expect(durations.aftercare).toEqual([0, null, null]);
  // The handling opinion: 3 working days (4→9 Nov) and 2 (9→12 Oct, Saturday 10 Oct a make-up working day).
  expect(durations.handlingOpinion).toEqual([2, 2.5, 3]);
  expect(figures().stageDurations.map((d) => d.stage)).not.toContain('closed');
});

test('a stage visited twice counts the working days of both stays once for the case', () => {
  const twice = record('C-3', {
    handlingOpinion: { opinion: '调查', route: 'investigate', approved: true },
    timeline: [
      entry('submitted', '2026-11-02'),
      entry('accepted', '2026-11-02'),
      entry('handlingOpinionProposed', '2026-11-02'),
      entry('handlingOpinionApproved', '2026-11-03'),
      entry('reportSubmitted', '2026-11-06'),
      entry('reportSentBack', '2026-11-09'),
      entry('reportSubmitted', '2026-11-11'),
    ],
  });
  const investigation = computeStatistics([twice], NOW, workingDays).stageDurations.find(
    (d) => d.stage === 'investigation',
  );
  // 3 working days (3→6 Nov) and 2 (9→11 Nov).
  expect(investigation).toMatchObject({ cases: 1, medianWorkingDays: 5, p90WorkingDays: 5 });
});

test('the share of deadlines met counts the periods whose step is done, late when they went overdue first', () => {
  const s = figures();
  // Exempted: three done, the investigation late; the overdue case's running period is not done.
  expect(s.deadlines).toEqual({ done: 3, onTime: 2, late: 1, shareMet: 2 / 3 });
  expect(computeStatistics([], NOW, workingDays).deadlines.shareMet).toBeNull();
});

test('a period whose stage the case has left is done even when its status was never marked met', () => {
  // Cases of 0.3.0 and earlier leave the marking to the deadline's supervisor.
  const older = record('C-4', {
    stage: 'opinionApproval',
    deadlines: [deadline({ id: 'handlingOpinion', dueAt: '2026-11-10T16:00:00.000Z', status: 'running' })],
  });
  expect(computeStatistics([older], NOW, workingDays)).toMatchObject({
    deadlines: { done: 1, onTime: 1, late: 0 },
    overdueNow: 0,
  });
});

test('overdue now, impact periods running and follow-up visits owed are counted at the instant given', () => {
  const s = figures();
  expect(s.overdueNow).toBe(1);
  expect(s.impactPeriodsRunning).toBe(1);
  expect(s.followUpVisitsOwed).toBe(2);
  expect(s.followUpVisitsDue).toBe(1);
  // The day before the handling opinion was due, nothing was overdue.
  expect(computeStatistics(ALL, '2026-11-30T08:00:00.000Z', workingDays).overdueNow).toBe(0);
  // A paused period is not past due, whatever its stale due instant says.
  const paused = record('C-5', {
    stage: 'handlingOpinion',
    deadlines: [deadline({ id: 'handlingOpinion', dueAt: '2026-11-30T16:00:00.000Z', status: 'paused' })],
  });
  expect(computeStatistics([paused], NOW, workingDays).overdueNow).toBe(0);
});

test('a register line names every code in Chinese and dates every step in Beijing time', () => {
  expect(registerRow(reduced, NOW, { dongcheng: '东城区' })).toEqual({
    caseNumber: 'A-2',
    party: '李娜',
    unit: '南阳市某区营商环境服务中心',
    level: '东城区',
    handlingBody: '纪检监察机关案件监督管理室',
    situation: '创新探索',
    origin: '组织研判提出',
    fastTrack: false,
    submittedOn: '2026-10-08',
    acceptedOn: '2026-10-09',
    stage: '后续事项',
    conclusion: '减责',
    decidedOn: '2026-10-20',
    impactPeriod: '6个月（未满）',
    impactPeriodEndsOn: '2027-04-20',
    followUp: '回访已到期',
    overdue: false,
  });
  expect(registerRow(declined, NOW)).toMatchObject({ conclusion: '不予受理', decidedOn: '2025-12-31', level: 'city' });
  expect(registerRow(overdue, NOW)).toMatchObject({ conclusion: '', overdue: true, followUp: '', impactPeriod: '' });
  expect(registerRow(overdue, NOW)).not.toHaveProperty('decidedOn');
});
