/** How a recorded instant reads to officers: in Beijing time, as the seed's periods are counted. */

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/**
 * A recorded instant as officers read it, in Beijing time: `2026年10月9日24时` for the end of a day (as the statutory
 * periods end), else `2026年10月9日9时30分`. Pure arithmetic on the string; reads no clock, so workflow code may call it.
 */
export function beijingText(iso: string): string {
  const local = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS);
  const endOfDay = local.getUTCHours() === 0 && local.getUTCMinutes() === 0;
  const day = endOfDay ? new Date(local.getTime() - 1) : local;
  const date = `${day.getUTCFullYear()}年${day.getUTCMonth() + 1}月${day.getUTCDate()}日`;
  return endOfDay
    ? `${date}24时`
    : `${date}${local.getUTCHours()}时${String(local.getUTCMinutes()).padStart(2, '0')}分`;
}
