import { CalendarInputError } from './errors';
import { describe, parseInstant } from './shanghai';
import type { Pause } from './types';

/** A pause in epoch milliseconds, half-open [from, until); `until` is Infinity while it runs. */
export interface PauseSpan {
  from: number;
  until: number;
}

/**
 * Validates pauses and merges overlapping or touching ones, so that "a day wholly inside a pause" can be
 * decided against a single span even when two back-to-back pauses cover it together.
 */
export function normalizePauses(pauses: readonly Pause[]): PauseSpan[] {
  if (!Array.isArray(pauses)) throw new CalendarInputError(`pauses must be an array, got ${describe(pauses)}`);
  const spans = pauses.map((pause: unknown, index): PauseSpan => {
    if (typeof pause !== 'object' || pause === null) {
      throw new CalendarInputError(`pauses[${index}] must be an object {from, until?}, got ${describe(pause)}`);
    }
    const { from, until } = pause as Record<string, unknown>;
    const fromMs = parseInstant(from, `pauses[${index}].from`);
    const untilMs = until === undefined ? Infinity : parseInstant(until, `pauses[${index}].until`);
    if (untilMs < fromMs) {
      throw new CalendarInputError(`pauses[${index}] ends (${String(until)}) before it starts (${String(from)})`);
    }
    return { from: fromMs, until: untilMs };
  });
  spans.sort((a, b) => a.from - b.from);
  const merged: PauseSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.until) last.until = Math.max(last.until, span.until);
    else merged.push({ ...span });
  }
  return merged.filter((span) => span.until > span.from);
}

/** True when some moment of [start, end) lies outside every pause. */
export function hasUnpausedMoment(spans: readonly PauseSpan[], start: number, end: number): boolean {
  if (end <= start) return false;
  return !spans.some((span) => span.from <= start && span.until >= end);
}

/** Start of the pause that has not ended, if any. */
export function openPauseStart(spans: readonly PauseSpan[]): number | undefined {
  const last = spans[spans.length - 1];
  return last && last.until === Infinity ? last.from : undefined;
}
