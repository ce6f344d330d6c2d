/**
 * The cases a caller's figures and register are made of, and the figures themselves: the records their scope lists
 * (each checked again with `canReadCase`, so a source that lists too much reveals nothing), those the filters
 * select, counted at this instant with the statutory calendar's working days.
 */
import type { WorkingCalendar } from '../../calendar';
import { workingDaysBetween } from '../../calendar';
import type { CaseRecord, Statistics } from '../../domain/statistics';
import { computeStatistics, selected } from '../../domain/statistics';
import { STATISTICS_PROBLEMS } from '../../domain/texts';
import { canReadCase, statisticsScope } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { HttpProblem } from '../http/errors';
import type { CaseRecordSource } from './source';
import { statisticsQuerySchema } from './statistics-query';

/** What the statistics routes read. */
export interface StatisticsDependencies {
  readonly source: CaseRecordSource;
  /** The statutory calendar in force (`calendarSource`), read once per request. */
  readonly calendar: () => WorkingCalendar;
  /** The organisation tree's level names by id, as the tree is now. */
  readonly levelNames: () => Readonly<Record<string, string>>;
}

/** The caller's records the filters select, and the figures over them. */
export interface Figures {
  readonly records: readonly CaseRecord[];
  readonly statistics: Statistics;
  readonly levelNames: Readonly<Record<string, string>>;
}

/**
 * The figures over the caller's cases that the request's `query` selects.
 *
 * @throws HttpProblem 403 for a caller who is no officer of a handling body (`statisticsScope`), before the query is
 *   looked at; ZodError for a bad filter.
 */
export async function figuresFor(deps: StatisticsDependencies, p: Principal, query: unknown): Promise<Figures> {
  const scope = statisticsScope(p);
  if (!scope) throw new HttpProblem(403, 'Not permitted', STATISTICS_PROBLEMS.notPermitted);
  const filters = statisticsQuerySchema.parse(query);
  const records: CaseRecord[] = [];
  for await (const r of deps.source.records(scope)) {
    const readable = canReadCase(p, {
      handlingBody: r.handlingBody,
      ...(r.level ? { level: r.level } : {}),
      ...(r.applicantId ? { applicantId: r.applicantId } : {}),
    });
    if (readable && selected(r, filters)) records.push(r);
  }
  const calendar = deps.calendar();
  const levelNames = deps.levelNames();
  const count = (from: string, to: string) => workingDaysBetween(calendar, new Date(from), new Date(to), []).used;
  const statistics = computeStatistics(records, new Date().toISOString(), count, filters, levelNames);
  return { records, statistics, levelNames };
}
