import { z } from 'zod';
import publishedData from 'chinese-days/dist/chinese-days.json';
import type { ArrangementDay, YearArrangement } from './types';

// The package's JSON dump is used rather than its query functions, which shift dates by a day in
// time zones west of UTC (see lunar.ts). Values look like "National Day,国庆节,3": English name,
// Chinese name, holiday ordinal.
const chineseDaysSchema = z.object({
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
});

// Days a notice gives and chinese-days 1.5.7 misses, each with the notice it comes from.
const CORRECTIONS: readonly { list: 'holidays' | 'workdays'; date: string; name: string }[] = [
  // 国办发明电〔2011〕39号 (2012): "端午节：6月22日至24日放假公休，共3天"; chinese-days has 22 and 24 only.
  // It is a Saturday, so only the day's kind changes, never a count of working days.
  { list: 'holidays', date: '2012-06-23', name: '端午' },
];

function chineseName(value: string): string {
  const name = value.split(',')[1]?.trim();
  if (!name) throw new Error(`chinese-days entry ${JSON.stringify(value)} has no Chinese name`);
  return name;
}

/**
 * The State Council arrangements for 2004–2026 as shipped by chinese-days.
 *
 * 2026 was checked day by day against the notice for 2026 (元旦 1-1..1-3, 1-4 work; 春节 2-15..2-23,
 * 2-14 and 2-28 work; 清明 4-4..4-6; 劳动节 5-1..5-5, 5-9 work; 端午 6-19..6-21; 中秋 9-25..9-27;
 * 国庆 10-1..10-7, 9-20 and 10-10 work) and agrees. Where chinese-days departs from a notice, the
 * notice wins through CORRECTIONS. An operator file for a year replaces it entirely.
 */
export function publishedArrangements(): YearArrangement[] {
  const data = chineseDaysSchema.parse(publishedData);
  const years = new Map<number, { holidays: ArrangementDay[]; workdays: ArrangementDay[] }>();
  const yearEntry = (date: string) => {
    const year = Number(date.slice(0, 4));
    let entry = years.get(year);
    if (!entry) {
      entry = { holidays: [], workdays: [] };
      years.set(year, entry);
    }
    return entry;
  };
  for (const [date, value] of Object.entries(data.holidays)) {
    yearEntry(date).holidays.push({ date, name: chineseName(value) });
  }
  for (const [date, value] of Object.entries(data.workdays)) {
    yearEntry(date).workdays.push({ date, name: `${chineseName(value)}调休` });
  }
  for (const { list, date, name } of CORRECTIONS) {
    const days = yearEntry(date)[list];
    if (!days.some((d) => d.date === date)) days.push({ date, name });
  }
  return [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, { holidays, workdays }]) => ({
      year,
      source: 'published' as const,
      notice: `国务院办公厅关于${year}年部分节假日安排的通知 (as transcribed by chinese-days)`,
      holidays: holidays.sort(byDate),
      workdays: workdays.sort(byDate),
    }));
}

function byDate(a: ArrangementDay, b: ArrangementDay): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}
