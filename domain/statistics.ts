/**
 * The figures an office reports on its cases (issue 16 §2; the seed: 各级党委定期研究推进容错纠错工作), computed from
 * the cases' full records at one instant. Pure: the records, the instant and a working-day counter are given, so
 * the same figures come out of the API, the register's export and a unit test. Each figure's definition, in the
 * office's words, is in docs/STATISTICS.md.
 */
import type { CaseState, Deadline, HandlingBody, Outcome, Situation, Stage } from './case';
import { HANDLING_BODIES, OUTCOMES, SITUATIONS, STAGES } from './case';
import { shanghaiDateOf } from './dates';
import { HANDLING_BODY_NAMES, OUTCOME_NAMES, SITUATION_NAMES, STAGE_NAMES } from './labels';
import { CITY_LEVEL } from './org-tree';
import { periodMet } from './periods';
import { concludedAt, stageSpans, submittedAt } from './stage-spans';
import { NO_OUTCOME_NAME, yearName } from './texts/statistics';

/**
 * A case's full record as the figures read it: the case's state as its query answers it, with the level of the
 * organisation tree it is handled at (its `HandlingLevel`; absent: the city, like a case begun before the tree).
 */
export type CaseRecord = CaseState & { readonly level?: string };

/** Working days between two instants (the statutory calendar's count, `calendar/workingDaysBetween`). */
export type WorkingDaysCounter = (from: string, to: string) => number;

/** What the figures are computed over: cases of one year (of submission), one level, one handling body. */
export interface StatisticsFilters {
  readonly year?: number;
  readonly level?: string;
  readonly handlingBody?: HandlingBody;
}

/** The stage a case spends no time in: it ends there. */
const FINAL_STAGES: readonly Stage[] = ['declined', 'closed'];

/** Stages whose time is measured. */
export const MEASURED_STAGES: readonly Stage[] = STAGES.filter((s) => !FINAL_STAGES.includes(s));

/** The outcome of a case not (yet) decided by the leadership meeting. */
export const NO_OUTCOME = 'none';

/** One count under a code, with the code's Chinese name. */
export interface Count<K extends string | number> {
  readonly key: K;
  readonly name: string;
  readonly count: number;
}

export interface MonthFigures {
  /** YYYY-MM, Asia/Shanghai. */
  readonly month: string;
  readonly opened: number;
  readonly concluded: number;
}

export interface StageDuration {
  readonly stage: Stage;
  readonly name: string;
  /** Cases that have left the stage at least once; their time in it is what is measured. */
  readonly cases: number;
  /** Null when no case has left the stage. */
  readonly medianWorkingDays: number | null;
  readonly p90WorkingDays: number | null;
}

export interface DeadlineFigures {
  /** Statutory and local periods whose step is done. */
  readonly done: number;
  /** Of those, done by their due instant. */
  readonly onTime: number;
  readonly late: number;
  /** `onTime / done`, null when none is done. */
  readonly shareMet: number | null;
}

/** Every figure, over the records a caller's scope lists and the filters select. */
export interface Statistics {
  readonly generatedAt: string;
  readonly filters: StatisticsFilters;
  readonly cases: number;
  readonly byLevel: readonly Count<string>[];
  readonly byHandlingBody: readonly Count<HandlingBody>[];
  readonly bySituation: readonly Count<Situation>[];
  readonly byOutcome: readonly Count<Outcome | typeof NO_OUTCOME>[];
  readonly byYear: readonly Count<number>[];
  readonly byStage: readonly Count<Stage>[];
  readonly perMonth: readonly MonthFigures[];
  readonly stageDurations: readonly StageDuration[];
  readonly deadlines: DeadlineFigures;
  /** Cases with a period past its due instant and its step not done. */
  readonly overdueNow: number;
  /** Cases whose reduced liability's impact period (影响期) has not ended. */
  readonly impactPeriodsRunning: number;
  /** Cases that owe a follow-up visit (回访教育), and of them those whose visit is already due. */
  readonly followUpVisitsOwed: number;
  readonly followUpVisitsDue: number;
}

/** The level a record is handled at. */
export function levelOfRecord(r: CaseRecord): string {
  return r.level ?? CITY_LEVEL;
}

/** The year (Asia/Shanghai) a case was submitted in. */
export function yearOfRecord(r: CaseRecord): number | undefined {
  const at = submittedAt(r.timeline);
  return at === undefined ? undefined : Number(shanghaiDateOf(at).slice(0, 4));
}

/** True when the record is one the filters select. */
export function selected(r: CaseRecord, f: StatisticsFilters): boolean {
  return (
    (f.year === undefined || yearOfRecord(r) === f.year) &&
    (f.level === undefined || levelOfRecord(r) === f.level) &&
    (f.handlingBody === undefined || r.handlingBody === f.handlingBody)
  );
}

/** Whether a period's step is done: marked met, or its stage left (cases of 0.3.0 and before mark it later). */
function periodDone(d: Deadline, r: CaseRecord): boolean {
  return d.status === 'met' || periodMet(d.id, r);
}

/** Whether a done period was done after its due instant: it went overdue first, or was met after it. */
function doneLate(d: Deadline): boolean {
  return d.overdueNotices > 0 || d.status === 'overdue' || (d.metAt !== undefined && d.metAt > d.dueAt);
}

/** True when `r` has a period past its due instant whose step is not done; a paused period is not past due. */
export function overdueAt(r: CaseRecord, now: string): boolean {
  return r.deadlines.some(
    (d) => !periodDone(d, r) && (d.status === 'overdue' || (d.status === 'running' && d.dueAt <= now)),
  );
}

/** True when `r` owes a follow-up visit whose reminder has gone out (the visit is due) and none was made since. */
export function followUpDue(r: CaseRecord): boolean {
  if (!r.openObligations.includes('followUpVisit')) return false;
  const due = r.timeline.filter((e) => e.kind === 'followUpDue').at(-1);
  return due !== undefined && !r.timeline.some((e) => e.kind === 'followUpVisited' && e.at >= due.at);
}

/** The median of sorted values: the middle one, or the mean of the two middle ones. */
function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The nearest-rank percentile of sorted values: the smallest value at least `p`% of them do not exceed. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Counts of `keys` (every code listed, zeros included) over `values`. */
function countsOf<K extends string | number>(
  keys: readonly K[],
  values: readonly K[],
  name: (k: K) => string,
): Count<K>[] {
  return keys.map((key) => ({ key, name: name(key), count: values.filter((v) => v === key).length }));
}

/** Working days each case spent in each stage it has left, summed over its stays there. */
function stageDays(records: readonly CaseRecord[], count: WorkingDaysCounter): Map<Stage, number[]> {
  const days = new Map<Stage, number[]>(MEASURED_STAGES.map((s) => [s, []]));
  for (const r of records) {
    const perStage = new Map<Stage, number>();
    for (const span of stageSpans(r)) {
      if (span.until === undefined || !days.has(span.stage)) continue;
      perStage.set(span.stage, (perStage.get(span.stage) ?? 0) + count(span.from, span.until));
    }
    for (const [stage, n] of perStage) days.get(stage)?.push(n);
  }
  return days;
}

/** Opened and concluded cases per month (Asia/Shanghai), months with either, oldest first. */
function perMonth(records: readonly CaseRecord[]): MonthFigures[] {
  const months = new Map<string, { opened: number; concluded: number }>();
  const add = (at: string | undefined, what: 'opened' | 'concluded') => {
    if (at === undefined) return;
    const month = shanghaiDateOf(at).slice(0, 7);
    const m = months.get(month) ?? { opened: 0, concluded: 0 };
    m[what] += 1;
    months.set(month, m);
  };
  for (const r of records) {
    add(submittedAt(r.timeline), 'opened');
    add(concludedAt(r.timeline), 'concluded');
  }
  return [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, m]) => ({ month, ...m }));
}

function deadlineFigures(records: readonly CaseRecord[]): DeadlineFigures {
  let done = 0;
  let late = 0;
  for (const r of records) {
    for (const d of r.deadlines) {
      if (!periodDone(d, r)) continue;
      done += 1;
      if (doneLate(d)) late += 1;
    }
  }
  return { done, onTime: done - late, late, shareMet: done === 0 ? null : (done - late) / done };
}

/**
 * The figures over `records` (already within the caller's scope) that `filters` select, at `now`, counting working
 * days with `workingDays`; levels are named by `levelNames` where it knows them.
 */
export function computeStatistics(
  records: readonly CaseRecord[],
  now: string,
  workingDays: WorkingDaysCounter,
  filters: StatisticsFilters = {},
  levelNames: Readonly<Record<string, string>> = {},
): Statistics {
  const cases = records.filter((r) => selected(r, filters));
  const levels = [...new Set(cases.map(levelOfRecord))].sort();
  const years = [...new Set(cases.map(yearOfRecord).filter((y): y is number => y !== undefined))].sort();
  const durations = stageDays(cases, workingDays);
  return {
    generatedAt: now,
    filters,
    cases: cases.length,
    byLevel: countsOf(levels, cases.map(levelOfRecord), (l) => levelNames[l] ?? l),
    byHandlingBody: countsOf(
      HANDLING_BODIES,
      cases.map((r) => r.handlingBody),
      (b) => HANDLING_BODY_NAMES[b],
    ),
    bySituation: countsOf(
      SITUATIONS,
      cases.map((r) => r.submission.situation),
      (s) => SITUATION_NAMES[s],
    ),
    byOutcome: countsOf(
      [...OUTCOMES, NO_OUTCOME],
      cases.map((r) => r.outcome ?? NO_OUTCOME),
      (o) => (o === NO_OUTCOME ? NO_OUTCOME_NAME : OUTCOME_NAMES[o]),
    ),
    byYear: countsOf(years, cases.map(yearOfRecord) as number[], yearName),
    byStage: countsOf(
      STAGES,
      cases.map((r) => r.stage),
      (s) => STAGE_NAMES[s],
    ),
    perMonth: perMonth(cases),
    stageDurations: MEASURED_STAGES.map((stage) => {
      const days = [...(durations.get(stage) ?? [])].sort((a, b) => a - b);
      return {
        stage,
        name: STAGE_NAMES[stage],
        cases: days.length,
        medianWorkingDays: median(days),
        p90WorkingDays: percentile(days, 90),
      };
    }),
    deadlines: deadlineFigures(cases),
    overdueNow: cases.filter((r) => overdueAt(r, now)).length,
    impactPeriodsRunning: cases.filter((r) => r.openObligations.includes('impactPeriod')).length,
    followUpVisitsOwed: cases.filter((r) => r.openObligations.includes('followUpVisit')).length,
    followUpVisitsDue: cases.filter(followUpDue).length,
  };
}
