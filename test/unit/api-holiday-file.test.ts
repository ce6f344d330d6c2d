import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { HttpProblem } from '../../api/http/errors';
import { parseHolidayFile, writeHolidayFile } from '../../api/calendar/holiday-file';
import { fixedStatutoryHolidayDates, loadCalendar } from '../../calendar';

const file2027 = () => ({
  year: 2027,
  notice: '国务院办公厅关于2027年部分节假日安排的通知',
  holidays: fixedStatutoryHolidayDates(2027),
  workdays: [] as { date: string; name: string }[],
});

function problemOf(run: () => unknown): HttpProblem {
  try {
    run();
  } catch (err) {
    if (err instanceof HttpProblem) return err;
    throw err;
  }
  throw new Error('expected a problem');
}

describe('parseHolidayFile', () => {
  test('accepts a sound arrangement', () => {
    expect(parseHolidayFile(2027, file2027()).year).toBe(2027);
  });

  test('names each bad entry by list and index', () => {
    const bad = {
      ...file2027(),
      workdays: [
        { date: '2027-03-03', name: '调休' },
        { date: '2027-13-01', name: '调休' },
      ],
    };
    const problem = problemOf(() => parseHolidayFile(2027, bad));
    expect(problem.status).toBe(400);
    expect(problem.extra.errors).toEqual([
      { field: 'workdays.0', message: expect.stringContaining('Wednesday') },
      { field: 'workdays.1', message: expect.stringContaining('2027-13-01') },
    ]);
  });

  test('names a missing fixed holiday, a wrong year and unknown fields', () => {
    const missing = { ...file2027(), holidays: file2027().holidays.slice(1) };
    expect(problemOf(() => parseHolidayFile(2027, missing)).extra.errors).toEqual([
      { field: 'holidays', message: expect.stringContaining('2027-01-01') },
    ]);
    expect(problemOf(() => parseHolidayFile(2028, file2027())).extra.errors).toEqual([
      { field: 'year', message: expect.any(String) },
    ]);
    expect(problemOf(() => parseHolidayFile(2027, { ...file2027(), source: 'x' })).extra.errors).toEqual([
      { field: 'source', message: '未知字段' },
    ]);
  });
});

describe('writeHolidayFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'holidays-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('writes <year>.json, leaves no temporary file, and the calendar knows the year', async () => {
    const calendar = await writeHolidayFile(dir, file2027(), () => loadCalendar({ holidaysDir: dir }));
    expect(readdirSync(dir)).toEqual(['2027.json']);
    expect(JSON.parse(readFileSync(path.join(dir, '2027.json'), 'utf8')).year).toBe(2027);
    expect(calendar.isKnownYear(2027)).toBe(true);
  });

  test('puts the previous file back when the check fails', async () => {
    writeFileSync(path.join(dir, '2027.json'), 'previous');
    await expect(
      writeHolidayFile(dir, file2027(), () => {
        throw new Error('bad');
      }),
    ).rejects.toThrow('bad');
    expect(readFileSync(path.join(dir, '2027.json'), 'utf8')).toBe('previous');
  });
});
