import fs from 'node:fs';
import path from 'node:path';

import { DEFAULT_HOLIDAYS_DIR, loadCalendar } from './load';
import type { WorkingCalendar } from './types';

/**
 * The calendar a long-running worker uses: loaded once at start-up (so a bad operator file stops start-up), then
 * loaded again whenever a `<year>.json` in the operator directory is added, changed or removed. An operator who
 * loads next year's arrangement through the API, or by copying a file into a volume shared by several workers,
 * therefore reaches every worker without a restart, and the deadlines recomputed after it use the new year.
 *
 * A file that turns bad after start-up makes the deadline activities fail (and retry) with its error, rather than
 * go on silently with data the operator meant to replace.
 */
export function calendarSource(options: { holidaysDir?: string } = {}): () => WorkingCalendar {
  const dir = options.holidaysDir ?? DEFAULT_HOLIDAYS_DIR;
  let fingerprint = fingerprintOf(dir);
  let calendar = loadCalendar({ holidaysDir: options.holidaysDir });
  return () => {
    const now = fingerprintOf(dir);
    if (now !== fingerprint) {
      calendar = loadCalendar({ holidaysDir: options.holidaysDir });
      fingerprint = now;
    }
    return calendar;
  };
}

/** Names, sizes and modification times of the operator files: a cheap test for "something changed". */
function fingerprintOf(dir: string): string {
  if (!fs.existsSync(dir)) return '';
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const s = fs.statSync(path.join(dir, name));
      return `${name}:${s.ino}:${s.size}:${s.mtimeMs}`;
    })
    .join('|');
}
