/**
 * The filters of `GET /statistics` and `GET /register.xlsx`: the year cases were submitted in, the level of the
 * organisation tree and the handling body. Each narrows the cases the caller's scope lists; a level outside it
 * selects nothing, like one with no cases.
 */
import { z } from 'zod';

import { HANDLING_BODIES } from '../../domain/case';
import { STATISTICS_FIELD_TEXTS as FIELD } from '../../domain/texts';

/** Years the statutory calendar covers. */
const FIRST_YEAR = 2004;
const LAST_YEAR = 2099;

export const statisticsQuerySchema = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/, FIELD.yearForm)
    .transform(Number)
    .pipe(z.number().int().min(FIRST_YEAR, FIELD.yearFrom(FIRST_YEAR)).max(LAST_YEAR, FIELD.yearUntil(LAST_YEAR)))
    .optional()
    .meta({ type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR })
    .describe('cases submitted in this year (Beijing time)'),
  level: z
    .string()
    .regex(/^[a-z][a-z0-9.-]{0,63}$/, FIELD.levelForm)
    .optional()
    .describe('cases handled at this level of the organisation tree (GET /org-tree)'),
  handlingBody: z.enum(HANDLING_BODIES).optional(),
});

export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>;
