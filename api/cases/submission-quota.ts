/**
 * A daily quota of applications per applicant on `POST /cases`: an applicant raises a handful of matters in a
 * lifetime, so a few dozen a day is generous, while a script could otherwise start hundreds of thousands of cases
 * (each a workflow with timers for months). Counted per calendar day in Beijing time, in this process's memory: a
 * restart or a second API process each grant a fresh quota, which still bounds a day's submissions to a small
 * multiple of the quota.
 */
import type { RequestHandler } from 'express';

import { CASE_REQUEST_TEXTS } from '../../domain/texts';
import { HttpProblem } from '../http/errors';

/** China keeps no daylight saving time: Beijing is always eight hours ahead of UTC. */
const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

export interface SubmissionQuotaOptions {
  /** Applications per applicant per Beijing day (SUBMISSIONS_PER_APPLICANT_PER_DAY). */
  readonly perDay: number;
  readonly now?: () => number;
}

/**
 * Middleware for `POST /cases` by applicants: over the quota answers 429 with a Chinese detail and Retry-After
 * (seconds to Beijing midnight). Only successful submissions count; a refused one gives its place back.
 */
export function submissionQuota(options: SubmissionQuotaOptions): RequestHandler {
  const now = options.now ?? Date.now;
  let day = -1;
  let counts = new Map<string, number>();
  return (req, res, next) => {
    const principal = res.locals.principal;
    if (req.method !== 'POST' || req.path !== '/cases' || principal?.role !== 'applicant') return next();
    const today = Math.floor((now() + BEIJING_OFFSET_MS) / DAY_MS);
    if (today !== day) {
      day = today;
      counts = new Map();
    }
    const used = counts.get(principal.sub) ?? 0;
    if (used >= options.perDay) {
      const untilMidnight = Math.ceil(((today + 1) * DAY_MS - BEIJING_OFFSET_MS - now()) / 1000);
      res.setHeader('Retry-After', String(untilMidnight));
      throw new HttpProblem(429, 'Daily submission quota reached', CASE_REQUEST_TEXTS.dailyQuota(options.perDay));
    }
    // Taken now, so concurrent submissions cannot all pass on the same count; given back unless it succeeds.
    counts.set(principal.sub, used + 1);
    const counted = counts;
    res.once('close', () => {
      if (res.writableFinished && res.statusCode >= 200 && res.statusCode < 300) return;
      const current = counted.get(principal.sub) ?? 1;
      counted.set(principal.sub, current - 1);
    });
    next();
  };
}
