import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { arrangementProblems } from './arrangement';
import { CalendarDataError } from './errors';
import type { YearArrangement } from './types';

const entrySchema = z.strictObject({
  date: z.string(),
  name: z.string(),
  notice: z.string().optional(),
});

/**
 * An operator file `config/holidays/<year>.json` transcribes one State Council notice:
 *
 * ```json
 * {
 *   "year": 2027,
 *   "notice": "国务院办公厅关于2027年部分节假日安排的通知 (国办发明电〔2026〕N号)",
 *   "holidays": [{ "date": "2027-01-01", "name": "元旦" }],
 *   "workdays": [{ "date": "2027-02-07", "name": "春节调休", "notice": "…" }]
 * }
 * ```
 *
 * `holidays` lists every day off, weekends inside a holiday span included; `workdays` lists the
 * make-up working weekend days. Each entry cites a notice, its own or the file's. Unknown keys are
 * rejected. The file replaces the whole year, including a year the built-in data already has.
 */
export const operatorFileSchema = z.strictObject({
  year: z.number().int(),
  notice: z.string().optional(),
  holidays: z.array(entrySchema),
  workdays: z.array(entrySchema),
});

export type OperatorFile = z.infer<typeof operatorFileSchema>;

const FILE_NAME = /^(\d{4})\.json$/;

/**
 * Reads and validates every `*.json` file of an operator directory (other files, such as a README, are
 * ignored). Throws CalendarDataError for the first bad file, listing all its problems.
 */
export function readOperatorArrangements(dir: string): YearArrangement[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new CalendarDataError(dir, ['the holidays directory does not exist'], dir);
  }
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => readOperatorFile(path.join(dir, name)));
}

function readOperatorFile(file: string): YearArrangement {
  const fail = (problems: string[]) => new CalendarDataError(file, problems, file);
  const nameMatch = FILE_NAME.exec(path.basename(file));
  if (!nameMatch) throw fail(['file name must be <year>.json, e.g. 2027.json']);

  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw fail([`not valid JSON: ${(error as Error).message}`]);
  }
  const parsed = operatorFileSchema.safeParse(raw);
  if (!parsed.success) throw fail(parsed.error.issues.map((issue) => describeIssue(issue, raw)));

  const content = parsed.data;
  if (content.year !== Number(nameMatch[1])) {
    throw fail([`year ${content.year} does not match the file name ${path.basename(file)}`]);
  }
  const arrangement: YearArrangement = { ...content, source: 'operator' };
  const problems = arrangementProblems(arrangement);
  if (problems.length > 0) throw fail(problems);
  return arrangement;
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const [list, index, ...rest] = issue.path;
  let where: string;
  let field: PropertyKey[];
  if ((list === 'holidays' || list === 'workdays') && typeof index === 'number') {
    const date = (raw as Record<string, { date?: unknown }[]>)[list][index]?.date;
    where = `${list}[${index}] (${typeof date === 'string' ? date : 'no date'})`;
    field = rest;
  } else {
    where = 'file';
    field = issue.path;
  }
  const what =
    issue.code === 'unrecognized_keys'
      ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
      : `${field.length > 0 ? `${field.map(String).join('.')}: ` : ''}${issue.message}`;
  return `${where}: ${what}`;
}
