/**
 * An operator's holiday file as the API receives it: checked with the same schema and the same arrangement rules
 * the calendar applies when it reads the file, so a file the API accepted never stops a worker, and written
 * atomically so a worker never reads half of one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { appendFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { createCalendar, publishedArrangements } from '../../calendar';
import type { WorkingCalendar, YearArrangement } from '../../calendar';
import { arrangementProblems } from '../../calendar/arrangement';
import { fixedStatutoryHolidays } from '../../calendar/fixed-holidays';
import type { OperatorFile } from '../../calendar/operator-files';
import { operatorFileSchema, readOperatorArrangements } from '../../calendar/operator-files';
import { parseLocalDate, shanghaiDayOf, weekdayOf, yearOf } from '../../calendar/shanghai';
import { HOLIDAY_TEXTS, HTTP_PROBLEM_TEXTS } from '../../domain/texts';
import { HttpProblem } from '../http/errors';

interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** `holidays[3] (2027-02-07): …` from the arrangement rules becomes the field `holidays.3`. */
const ENTRY = /^(holidays|workdays)\[(\d+)\]/;

function problemField(line: string): string {
  const entry = ENTRY.exec(line);
  if (entry) return `${entry[1]}.${entry[2]}`;
  if (line.startsWith('year')) return 'year';
  if (line.includes('missing from holidays')) return 'holidays';
  return '(body)';
}

/**
 * Checks the body of `POST /calendar/years/:year`: its schema, the arrangement rules, and plausibility.
 *
 * @throws HttpProblem 400 naming every bad entry, with the date it carries.
 */
export function parseHolidayFile(year: number, body: unknown): OperatorFile {
  const parsed = operatorFileSchema.safeParse(body);
  if (!parsed.success) {
    const errors: FieldError[] = parsed.error.issues.flatMap((i) => {
      const at = i.path.map(String);
      if (i.code === 'unrecognized_keys')
        return i.keys.map((k) => ({ field: [...at, k].join('.'), message: HTTP_PROBLEM_TEXTS.unknownField }));
      return [{ field: at.join('.') || '(body)', message: i.message }];
    });
    throw new HttpProblem(400, 'Invalid holiday arrangement', HTTP_PROBLEM_TEXTS.invalidFields, { errors });
  }
  const file = parsed.data;
  const errors: FieldError[] = [];
  if (file.year !== year) errors.push({ field: 'year', message: `the file is for ${file.year}, the URL for ${year}` });
  else {
    for (const line of arrangementProblems({ ...file, source: 'operator' })) {
      errors.push({ field: problemField(line), message: line });
    }
  }
  if (errors.length) {
    throw new HttpProblem(400, 'Invalid holiday arrangement', HOLIDAY_TEXTS.contradictory, { errors });
  }
  const implausible = plausibilityProblems(file);
  if (implausible.length) {
    throw new HttpProblem(400, 'Implausible holiday arrangement', HOLIDAY_TEXTS.implausible, {
      errors: implausible,
    });
  }
  return file;
}

/**
 * Plausibility bounds of a year under the current rules (the 2025 amendment: 13 statutory days), checked against
 * every published year 2004–2026 and the 2027 notice:
 *
 * - net days off beyond weekends (weekday days off less make-up working days) at most the statutory days plus
 *   three: the notices give exactly the statutory days, plus one or two in lieu when a fixed holiday falls on a
 *   weekend (2027: 14); filling November and December with holidays (44 weekdays) is far beyond it;
 * - at most 12 make-up working days (the most any notice set, 2013);
 * - from 2025 on, every weekday off within 7 days of a fixed statutory holiday and every make-up working day within
 *   14 days of one (the notices stay within 4 and 9). A one-off holiday outside the festivals (such as 3 September
 *   2015) would need these bounds changed in code, which is the point: it is not an operator's decision.
 */
const EXTRA_DAYS_OFF = 3;
const MAX_MAKE_UP_DAYS = 12;
const MAX_DAYS_FROM_FESTIVAL = { holidays: 7, workdays: 14 } as const;
const FIRST_YEAR_UNDER_CURRENT_RULES = 2025;

/** Every way `file` departs from what a State Council notice can say, as field errors. */
export function plausibilityProblems(file: OperatorFile): FieldError[] {
  const fixed = [...fixedStatutoryHolidays(file.year).keys()];
  const weekday = (date: string) => {
    const w = weekdayOf(parseLocalDate(date));
    return w !== 0 && w !== 6;
  };
  const weekdaysOff = file.holidays.filter((d) => weekday(d.date)).length;
  const problems: FieldError[] = [];
  const net = weekdaysOff - file.workdays.length;
  if (net > fixed.length + EXTRA_DAYS_OFF) {
    problems.push({
      field: 'holidays',
      message: `${net} weekdays off beyond the make-up working days; the statutory holidays allow at most ${fixed.length + EXTRA_DAYS_OFF}`,
    });
  }
  if (file.workdays.length > MAX_MAKE_UP_DAYS) {
    problems.push({
      field: 'workdays',
      message: `${file.workdays.length} make-up working days; no notice has set more than ${MAX_MAKE_UP_DAYS}`,
    });
  }
  if (file.year >= FIRST_YEAR_UNDER_CURRENT_RULES) {
    for (const list of ['holidays', 'workdays'] as const) {
      file[list].forEach((d, i) => {
        if (list === 'holidays' && !weekday(d.date)) return;
        const day = parseLocalDate(d.date);
        const distance = Math.min(...fixed.map((f) => Math.abs(f - day)));
        if (distance > MAX_DAYS_FROM_FESTIVAL[list]) {
          problems.push({
            field: `${list}.${i}`,
            message: `${d.date} lies ${distance} days from the nearest statutory holiday (at most ${MAX_DAYS_FROM_FESTIVAL[list]})`,
          });
        }
      });
    }
  }
  return problems;
}

/**
 * Whether `year` is already in force: this year or an earlier one in Beijing time, or a year the built-in
 * published data covers. Running deadlines have been counted on it, so it is replaced only as a correction.
 */
export function yearInForce(year: number, now: number = Date.now()): boolean {
  return year <= yearOf(shanghaiDayOf(now)) || publishedArrangements().some((a) => a.year === year);
}

/**
 * The calendar as it would be with `file` loaded into `dir`: what the workers will use once the file is written,
 * so a preview can say which deadlines the load moves.
 */
export function calendarWith(dir: string, file: OperatorFile): WorkingCalendar {
  const operator = existsSync(dir) ? readOperatorArrangements(dir).filter((a) => a.year !== file.year) : [];
  const candidate: YearArrangement = { ...file, source: 'operator' };
  const replaced = new Set([...operator, candidate].map((a) => a.year));
  return createCalendar([...publishedArrangements().filter((a) => !replaced.has(a.year)), ...operator, candidate]);
}

/** One line of the holiday load record: who loaded which year, when, on what grounds, and what it moved. */
export interface HolidayLoadRecord {
  readonly at: string;
  readonly actor: string;
  readonly role: string;
  readonly year: number;
  readonly calendarVersion: string;
  /** SHA-256 of the file as written, and of the file it replaced (absent when there was none). */
  readonly sha256: string;
  readonly replacedSha256?: string;
  readonly correctionReason?: string;
  readonly deadlinesMoved: number;
  readonly casesSignalled: number;
}

/** The append-only record of holiday loads, beside the files it describes (not `*.json`, so no calendar reads it). */
export const HOLIDAY_LOAD_LOG = 'loads.jsonl';

/** Appends one record to `<dir>/loads.jsonl`. */
export async function recordHolidayLoad(dir: string, record: HolidayLoadRecord): Promise<void> {
  await appendFile(path.join(dir, HOLIDAY_LOAD_LOG), `${JSON.stringify(record)}\n`, { flag: 'a' });
}

/** SHA-256 hex of a year's file as it is on disk, or undefined when there is none. */
export function holidayFileDigest(dir: string, year: number): string | undefined {
  const file = path.join(dir, `${year}.json`);
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : undefined;
}

/**
 * Writes `<dir>/<year>.json` through a temporary file and a rename, then runs `check` (loading the calendar);
 * when `check` throws, the previous file is put back, so a failed load changes nothing.
 */
export async function writeHolidayFile<T>(dir: string, file: OperatorFile, check: () => T): Promise<T> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, `${file.year}.json`);
  const previous = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  // Not ending in .json, so a calendar loading meanwhile never picks up the temporary file.
  const temp = path.join(dir, `.${file.year}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temp, `${JSON.stringify(file, null, 2)}\n`);
  await rename(temp, target);
  try {
    return check();
  } catch (err) {
    if (previous === undefined) await rm(target, { force: true });
    else await writeFile(target, previous);
    throw err;
  }
}
