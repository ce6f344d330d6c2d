/**
 * Civil dates in Asia/Shanghai, the one zone of the statutory clock, as plain arithmetic on recorded instants and
 * `YYYY-MM-DD` strings: no clock is read here, so the workflow, the API and unit tests share these rules.
 */

/** China has kept UTC+8 without daylight saving since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** The Asia/Shanghai date (YYYY-MM-DD) of an ISO instant. */
export function shanghaiDateOf(iso: string): string {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The last instant (23:59:59.999 Asia/Shanghai) of a date, as an ISO instant: the trigger of a period counted from
 * that date. Not 24:00, which is 0:00 of the next day and would make the next day the trigger day, left uncounted.
 */
export function lastInstantOf(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + DAY_MS - 1).toISOString();
}

/**
 * The Asia/Shanghai date an end instant closes: an end at 0:00 is 24:00 of the day before, which is the date an
 * officer reads (as `beijingText` writes it, 2027年4月20日24时); any other instant is its own date.
 */
export function endDateOf(iso: string): string {
  const ms = Date.parse(iso);
  return shanghaiDateOf(new Date((ms + SHANGHAI_OFFSET_MS) % DAY_MS === 0 ? ms - 1 : ms).toISOString());
}

/** The Asia/Shanghai date and minute of an ISO instant, `YYYY-MM-DD HH:mm`: when a report was made. */
export function shanghaiMinuteOf(iso: string): string {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
