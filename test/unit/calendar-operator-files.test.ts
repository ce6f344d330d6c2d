import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CalendarDataError,
  createCalendar,
  dueAfterWorkingDays,
  loadCalendar,
  publishedArrangements,
  type YearArrangement,
} from '../../calendar';

const fixtures = path.resolve(__dirname, '..', 'fixtures', 'holidays');
const fixture = (name: string) => path.join(fixtures, name);
const shanghai = (localDateTime: string) => new Date(`${localDateTime}+08:00`);
const builtIn = createCalendar(publishedArrangements());

function loadError(dir: string): CalendarDataError {
  try {
    loadCalendar({ holidaysDir: dir });
  } catch (error) {
    if (error instanceof CalendarDataError) return error;
    throw error;
  }
  throw new Error(`loading ${dir} did not fail`);
}

describe('an operator file for a year the built-in data lacks', () => {
  const cal = loadCalendar({ holidaysDir: fixture('valid-2027') });

  it('makes the year known', () => {
    expect(cal.isKnownYear(2027)).toBe(true);
    expect(cal.dayKind('2027-02-14')).toEqual({ kind: 'makeupWorkday', name: '春节调休', source: 'operator' });
  });

  it('makes a deadline across the year end final', () => {
    // 12-29 (1), 12-30 (2), 12-31 (3), 1-1..1-3 off, 1-4 Mon (4), 1-5 Tue (5).
    expect(dueAfterWorkingDays(cal, shanghai('2026-12-28T10:00'), 5)).toMatchObject({
      lastWorkingDay: '2027-01-05',
      provisional: false,
    });
  });

  it('replaces the fixed-holiday guess with its own days', () => {
    // Fixture: 2-5..2-13 off, 2-14 Sun works (1), 2-15 (2), 2-16 (3), 2-17 (4), 2-18 Thu (5).
    // Built-in guess: 2-9 (1), 2-10 (2), 2-11 (3), 2-12 (4), 2-15 (5), provisional.
    expect(dueAfterWorkingDays(cal, shanghai('2027-02-04T10:00'), 5)).toMatchObject({
      lastWorkingDay: '2027-02-18',
      provisional: false,
    });
    expect(dueAfterWorkingDays(builtIn, shanghai('2027-02-04T10:00'), 5)).toMatchObject({
      lastWorkingDay: '2027-02-15',
      provisional: true,
    });
  });

  it('changes the calendar version', () => {
    expect(cal.version).not.toBe(builtIn.version);
  });
});

describe('an operator file for a published year', () => {
  it('replaces that year and marks its days as operator data', () => {
    const cal = loadCalendar({ holidaysDir: fixture('override-2026') });
    expect(cal.dayKind('2026-10-10')).toEqual({ kind: 'makeupWorkday', name: '国庆节调休', source: 'operator' });
    expect(cal.dayKind('2025-10-01').source).toBe('published');
    expect(cal.version).not.toBe(builtIn.version);
  });
});

describe('the calendar version', () => {
  it('is cal- and 12 hex digits', () => {
    expect(builtIn.version).toMatch(/^cal-[0-9a-f]{12}$/);
  });

  it('is the same for the same data, whatever the order it is given in', () => {
    expect(createCalendar([...publishedArrangements()].reverse()).version).toBe(builtIn.version);
  });

  it('of an empty operator directory is that of the built-in data', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'holidays-'));
    try {
      expect(loadCalendar({ holidaysDir: empty }).version).toBe(builtIn.version);
    } finally {
      fs.rmSync(empty, { recursive: true });
    }
  });

  it('changes when a single name changes', () => {
    const renamed = publishedArrangements().map((a): YearArrangement =>
      a.year === 2026 ? { ...a, holidays: a.holidays.map((d, i) => (i === 0 ? { ...d, name: '新年' } : d)) } : a,
    );
    expect(createCalendar(renamed).version).not.toBe(builtIn.version);
  });

  it('of the default directory is that of config/holidays at the repo root', () => {
    const repoDir = path.resolve(__dirname, '..', '..', 'config', 'holidays');
    const expected = fs.existsSync(repoDir) ? loadCalendar({ holidaysDir: repoDir }).version : builtIn.version;
    expect(loadCalendar().version).toBe(expected);
  });
});

describe('a bad operator file is refused with CalendarDataError naming the file, the entry and the problem', () => {
  const cases: [string, string, string][] = [
    ['bad-date', '2027.json', "holidays[1] (2027-02-30): date is not a real 'YYYY-MM-DD' date"],
    ['outside-year', '2027.json', 'holidays[1] (2028-01-01): date lies outside the year 2027'],
    [
      'both-kinds',
      '2027.json',
      'workdays[0] (2027-02-14): date is both a holiday and a make-up working day (also holidays[0])',
    ],
    ['duplicate', '2027.json', 'holidays[2] (2027-01-01): duplicates holidays[0]'],
    ['missing-notice', '2027.json', 'holidays[1] (2027-01-02): no notice: cite one on the entry or on the whole year'],
    ['unknown-key', '2027.json', 'holidays[1] (2027-10-01): unknown key "nmae"'],
    ['unknown-top-key', '2027.json', 'file: unknown key "comment"'],
    ['year-mismatch', '2027.json', 'year 2028 does not match the file name 2027.json'],
    [
      'weekday-workday',
      '2027.json',
      'workdays[0] (2027-02-08): is a Monday; only a Saturday or Sunday can be a make-up working day',
    ],
    ['missing-statutory', '2027.json', 'fixed statutory holiday 2027-10-02 (国庆节) is missing from holidays'],
    ['bad-file-name', 'holidays-2027.json', 'file name must be <year>.json'],
  ];

  it.each(cases)('%s', (dir, file, problem) => {
    const error = loadError(fixture(dir));
    expect(error.file).toBe(path.join(fixture(dir), file));
    expect(error.message).toContain(path.join(fixture(dir), file));
    expect(error.message).toContain(problem);
  });

  it('a missing entry field is named with its entry', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holidays-'));
    try {
      fs.writeFileSync(
        path.join(dir, '2027.json'),
        JSON.stringify({ year: 2027, notice: 'n', holidays: [{ date: '2027-01-01' }], workdays: [] }),
      );
      expect(loadError(dir).message).toMatch(/holidays\[0\] \(2027-01-01\): name: .*expected string/);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  it('a file that is not JSON', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holidays-'));
    try {
      fs.writeFileSync(path.join(dir, '2027.json'), '{ "year": 2027, "holidays": [\n');
      expect(loadError(dir).message).toMatch(/2027\.json:\n {2}- not valid JSON/);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  it('an explicitly given directory that does not exist', () => {
    expect(loadError(fixture('no-such-dir')).message).toContain('the holidays directory does not exist');
  });
});

describe('arrangements passed to createCalendar are checked like files', () => {
  it('the same year twice is refused', () => {
    const arrangements = publishedArrangements();
    expect(() => createCalendar([...arrangements, arrangements[0]])).toThrow(/year 2004: given more than once/);
  });
});
