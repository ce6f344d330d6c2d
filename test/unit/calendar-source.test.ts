import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { CalendarDataError, calendarSource } from '../../calendar';

const valid2027 = path.join(__dirname, '..', 'fixtures', 'holidays', 'valid-2027', '2027.json');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'holidays-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a worker’s calendar picks up a year an operator adds, without a restart', () => {
  const calendar = calendarSource({ holidaysDir: dir });
  const before = calendar();
  expect(before.isKnownYear(2027)).toBe(false);
  expect(calendar()).toBe(before);

  copyFileSync(valid2027, path.join(dir, '2027.json'));
  const after = calendar();
  expect(after.isKnownYear(2027)).toBe(true);
  expect(after.version).not.toBe(before.version);
});

test('a bad operator file stops start-up with the file named', () => {
  writeFileSync(path.join(dir, '2027.json'), '{"year": 2027}');
  expect(() => calendarSource({ holidaysDir: dir })).toThrow(CalendarDataError);
  expect(() => calendarSource({ holidaysDir: dir })).toThrow(/2027\.json/);
});

test('a file that turns bad after start-up fails the calendar calls instead of keeping stale data', () => {
  const calendar = calendarSource({ holidaysDir: dir });
  writeFileSync(path.join(dir, '2027.json'), '{"year": 2027}');
  expect(() => calendar()).toThrow(/2027\.json/);
});
