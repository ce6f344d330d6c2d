/**
 * What `GET /statistics` answers (`domain/statistics.ts`), described for the OpenAPI document. The definitions of
 * the figures, in the office's words, are in docs/STATISTICS.md.
 */
import { z } from 'zod';

import { HANDLING_BODIES, OUTCOMES, SITUATIONS, STAGES } from '../../domain/case';
import { NO_OUTCOME } from '../../domain/statistics';

const count = <K extends z.ZodType>(key: K) =>
  z.object({ key, name: z.string().describe('the code’s Chinese name'), count: z.number().int() });

export const statisticsResponseSchema = z
  .object({
    generatedAt: z.string().describe('the instant the figures hold at'),
    filters: z.object({
      year: z.number().int().optional(),
      level: z.string().optional(),
      handlingBody: z.enum(HANDLING_BODIES).optional(),
    }),
    cases: z.number().int().describe('cases within the caller’s scope that the filters select'),
    byLevel: z.array(count(z.string())).describe('levels with cases only'),
    byHandlingBody: z.array(count(z.enum(HANDLING_BODIES))),
    bySituation: z.array(count(z.enum(SITUATIONS))),
    byOutcome: z.array(count(z.enum([...OUTCOMES, NO_OUTCOME]))).describe('none: not decided by the meeting'),
    byYear: z.array(count(z.number().int())).describe('the year of submission, Beijing time'),
    byStage: z.array(count(z.enum(STAGES))),
    perMonth: z.array(
      z.object({
        month: z.string().describe('YYYY-MM, Beijing time'),
        opened: z.number().int(),
        concluded: z.number().int(),
      }),
    ),
    stageDurations: z.array(
      z.object({
        stage: z.enum(STAGES),
        name: z.string(),
        cases: z.number().int().describe('cases that have left the stage'),
        medianWorkingDays: z.number().nullable(),
        p90WorkingDays: z.number().nullable(),
      }),
    ),
    deadlines: z.object({
      done: z.number().int(),
      onTime: z.number().int(),
      late: z.number().int(),
      shareMet: z.number().nullable().describe('onTime / done, from 0 to 1; null when no period is done'),
    }),
    overdueNow: z.number().int(),
    impactPeriodsRunning: z.number().int(),
    followUpVisitsOwed: z.number().int(),
    followUpVisitsDue: z.number().int(),
  })
  .describe('the office’s figures over the cases the caller may read (definitions: docs/STATISTICS.md)');
