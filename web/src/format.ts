/** Dates as officers read them: Beijing time, in Chinese. */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.locale('zh-cn');

/** China keeps UTC+8 all year; a fixed offset needs no time-zone database in the browser. */
const BEIJING_OFFSET_MINUTES = 8 * 60;

/** An instant as 2026年12月2日 14:05 (北京时间). A due instant of 24:00 reads as 24:00 of its day. */
export function beijingDateTime(iso: string): string {
  const t = dayjs(iso).utcOffset(BEIJING_OFFSET_MINUTES);
  if (t.hour() === 0 && t.minute() === 0) return `${t.subtract(1, 'day').format('YYYY年M月D日')}24时`;
  return t.format('YYYY年M月D日 HH:mm');
}

/** Today's date in Beijing, YYYY-MM-DD. */
export const beijingToday = (): string => dayjs().utcOffset(BEIJING_OFFSET_MINUTES).format('YYYY-MM-DD');
