import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/paths';
import { createCalendar } from './calendar';
import { readOperatorArrangements } from './operator-files';
import { publishedArrangements } from './published';
import type { WorkingCalendar, YearArrangement } from './types';

/** The operator directory in the repository, used when no other is configured. */
export const DEFAULT_HOLIDAYS_DIR = path.join(projectRoot, 'config', 'holidays');

/**
 * The calendar in force: the published arrangements, with each operator file `<year>.json` from
 * `holidaysDir` (default `config/holidays` at the repo root) added or replacing that year. Reads the
 * directory on every call; callers that need it often should keep the result.
 *
 * @throws CalendarDataError if an operator file is invalid, or an explicitly given directory is missing.
 */
export function loadCalendar(options: { holidaysDir?: string } = {}): WorkingCalendar {
  const dir = options.holidaysDir ?? (fs.existsSync(DEFAULT_HOLIDAYS_DIR) ? DEFAULT_HOLIDAYS_DIR : undefined);
  const operator = dir === undefined ? [] : readOperatorArrangements(dir);
  return createCalendar(mergeArrangements(publishedArrangements(), operator));
}

function mergeArrangements(
  published: readonly YearArrangement[],
  operator: readonly YearArrangement[],
): YearArrangement[] {
  const overridden = new Set(operator.map((a) => a.year));
  return [...published.filter((a) => !overridden.has(a.year)), ...operator];
}
