/**
 * The register (台账) and the statistics (统计) as one XLSX workbook an office opens in its spreadsheet: Chinese
 * headers, Chinese names for codes, dates as date cells holding the Beijing date (an Excel date has no zone, so
 * the cell holds the date an officer in Beijing reads).
 */
import ExcelJS from 'exceljs';

import { shanghaiMinuteOf } from '../../domain/dates';
import { HANDLING_BODY_NAMES } from '../../domain/labels';
import type { RegisterRow } from '../../domain/register-row';
import type { Count, Statistics } from '../../domain/statistics';
import {
  filterText,
  joinedFilters,
  NO,
  REGISTER_HEADERS,
  SHEET_NAMES,
  STATISTICS_TEXTS as T,
  YES,
  yearName,
} from '../../domain/texts';

type Column = keyof typeof REGISTER_HEADERS;

/** The columns holding dates, and the widths (in characters) of the columns that need more than a date's. */
const DATE_COLUMNS: ReadonlySet<Column> = new Set(['submittedOn', 'acceptedOn', 'decidedOn', 'impactPeriodEndsOn']);
const WIDTHS: Partial<Record<Column, number>> = {
  index: 6,
  caseNumber: 22,
  party: 10,
  unit: 28,
  handlingBody: 26,
  situation: 18,
  origin: 14,
  stage: 16,
  conclusion: 16,
  followUp: 28,
};

/** A Beijing date `YYYY-MM-DD` as the Excel date of that day. */
function excelDate(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

function cellOf(row: RegisterRow, index: number, column: Column): ExcelJS.CellValue {
  if (column === 'index') return index;
  const value = row[column];
  if (typeof value === 'boolean') return value ? YES : NO;
  // Nothing to say is a blank cell, which a spreadsheet's filter offers as (空白).
  if (value === undefined || value === '') return null;
  return DATE_COLUMNS.has(column) ? excelDate(value) : value;
}

function registerSheet(workbook: ExcelJS.Workbook, rows: readonly RegisterRow[]): void {
  const sheet = workbook.addWorksheet(SHEET_NAMES.register, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = Object.keys(REGISTER_HEADERS) as Column[];
  sheet.columns = columns.map((key) => ({
    key,
    header: REGISTER_HEADERS[key],
    width: WIDTHS[key] ?? (DATE_COLUMNS.has(key) ? 12 : 10),
    ...(DATE_COLUMNS.has(key) ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  rows.forEach((row, i) => sheet.addRow(columns.map((column) => cellOf(row, i + 1, column))));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/** The filters in words, or the whole scope when none is given. */
function scopeText(s: Statistics, levelNames: Readonly<Record<string, string>>): string {
  const { year, level, handlingBody } = s.filters;
  const parts = [
    ...(year !== undefined ? [filterText(T.filters.year, yearName(year))] : []),
    ...(level !== undefined ? [filterText(T.filters.level, levelNames[level] ?? level)] : []),
    ...(handlingBody !== undefined ? [filterText(T.filters.handlingBody, HANDLING_BODY_NAMES[handlingBody])] : []),
  ];
  return parts.length ? joinedFilters(parts) : T.filters.none;
}

function statisticsSheet(workbook: ExcelJS.Workbook, s: Statistics, levelNames: Readonly<Record<string, string>>) {
  const sheet = workbook.addWorksheet(SHEET_NAMES.statistics);
  sheet.columns = [{ width: 30 }, { width: 14 }, { width: 14 }, { width: 14 }];
  const heading = (text: string) => {
    sheet.addRow([]);
    sheet.addRow([text]).font = { bold: true };
  };
  const counts = (title: string, list: readonly Count<string | number>[]) => {
    heading(title);
    sheet.addRow([T.item, T.count]).font = { italic: true };
    for (const c of list) sheet.addRow([c.name, c.count]);
  };
  sheet.addRow([T.title]).font = { bold: true, size: 14 };
  sheet.addRow([T.generatedAt, shanghaiMinuteOf(s.generatedAt)]);
  sheet.addRow([T.scope, scopeText(s, levelNames)]);
  sheet.addRow([T.cases, s.cases]);
  sheet.addRow([T.overdueNow, s.overdueNow]);
  sheet.addRow([T.impactPeriodsRunning, s.impactPeriodsRunning]);
  sheet.addRow([T.followUpVisitsOwed, s.followUpVisitsOwed]);
  sheet.addRow([T.followUpVisitsDue, s.followUpVisitsDue]);
  counts(T.byLevel, s.byLevel);
  counts(T.byHandlingBody, s.byHandlingBody);
  counts(T.bySituation, s.bySituation);
  counts(T.byOutcome, s.byOutcome);
  counts(T.byYear, s.byYear);
  counts(T.byStage, s.byStage);
  heading(T.perMonth);
  sheet.addRow([T.month, T.opened, T.concluded]).font = { italic: true };
  for (const m of s.perMonth) sheet.addRow([m.month, m.opened, m.concluded]);
  heading(T.stageDurations);
  sheet.addRow([T.stage, T.stageCases, T.median, T.p90]).font = { italic: true };
  for (const d of s.stageDurations) sheet.addRow([d.name, d.cases, d.medianWorkingDays, d.p90WorkingDays]);
  heading(T.deadlines);
  sheet.addRow([T.deadlinesDone, s.deadlines.done]);
  sheet.addRow([T.deadlinesOnTime, s.deadlines.onTime]);
  sheet.addRow([T.deadlinesLate, s.deadlines.late]);
  const share = sheet.addRow([T.shareMet, s.deadlines.shareMet]);
  share.getCell(2).numFmt = '0.0%';
}

/** The workbook of `rows` (the register) and `statistics`, as the bytes of an XLSX file. */
export async function registerWorkbook(
  rows: readonly RegisterRow[],
  statistics: Statistics,
  levelNames: Readonly<Record<string, string>>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(statistics.generatedAt);
  registerSheet(workbook, rows);
  statisticsSheet(workbook, statistics, levelNames);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
