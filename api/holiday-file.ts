/**
 * An operator's holiday file as the API receives it: checked with the same schema and the same arrangement rules
 * the calendar applies when it reads the file, so a file the API accepted never stops a worker, and written
 * atomically so a worker never reads half of one.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { arrangementProblems } from '../calendar/arrangement';
import type { OperatorFile } from '../calendar/operator-files';
import { operatorFileSchema } from '../calendar/operator-files';
import { HttpProblem } from './errors';

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
 * Checks the body of `POST /calendar/years/:year`.
 *
 * @throws HttpProblem 400 naming every bad entry, with the date it carries.
 */
export function parseHolidayFile(year: number, body: unknown): OperatorFile {
  const parsed = operatorFileSchema.safeParse(body);
  if (!parsed.success) {
    const errors: FieldError[] = parsed.error.issues.flatMap((i) => {
      const at = i.path.map(String);
      if (i.code === 'unrecognized_keys')
        return i.keys.map((k) => ({ field: [...at, k].join('.'), message: 'unknown field' }));
      return [{ field: at.join('.') || '(body)', message: i.message }];
    });
    throw new HttpProblem(400, 'Invalid holiday arrangement', 'one or more fields are invalid', { errors });
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
    throw new HttpProblem(400, 'Invalid holiday arrangement', 'the arrangement does not hold together', { errors });
  }
  return file;
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
