/**
 * The filters of `GET /statistics` and `GET /register.xlsx`: the year cases were submitted in, the level of the
 * organisation tree and the handling body. Each narrows the cases the caller's scope lists; a level outside it
 * selects nothing, like one with no cases.
 */
import { z } from 'zod';

import { HANDLING_BODIES } from '../../domain/case';

/** Years the statutory calendar covers. */
const FIRST_YEAR = 2004;
const LAST_YEAR = 2099;

export const statisticsQuerySchema = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/, '须为四位数字的年份，如 2026')
    .transform(Number)
    .pipe(z.number().int().min(FIRST_YEAR, `年份不得早于${FIRST_YEAR}年`).max(LAST_YEAR, `年份不得晚于${LAST_YEAR}年`))
    .optional()
    .meta({ type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR })
    .describe('cases submitted in this year (Beijing time)'),
  level: z
    .string()
    .regex(/^[a-z][a-z0-9.-]{0,63}$/, '须为组织树中的层级编号，如 city')
    .optional()
    .describe('cases handled at this level of the organisation tree (GET /org-tree)'),
  handlingBody: z.enum(HANDLING_BODIES).optional(),
});

export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>;
