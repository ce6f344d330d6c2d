/**
 * `POST /calendar/years/:year`: an operator loads the State Council's holiday arrangement of a year. The file goes
 * where every worker's calendar reads it; then each running case with a provisional deadline is told, so that it
 * recomputes the deadline with the new year.
 */
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import { z } from 'zod';

import { loadCalendar } from '../../calendar';
import { operatorFileSchema } from '../../calendar/operator-files';
import type { CalendarLoaded } from '../../domain/messages';
import { CALENDAR_LOADED_SIGNAL } from '../../domain/messages';
import { canLoadCalendar } from '../auth/policy';
import { HttpProblem } from '../errors';
import { parseHolidayFile, writeHolidayFile } from '../holiday-file';
import { principalOf } from '../locals';
import { calendarLoadedResponseSchema } from '../response-schemas';
import type { ApiRoute } from './route';

const paramsSchema = z.object({ year: z.coerce.number().int().min(2004).max(2099) });

const PROVISIONAL_CASES = `WorkflowType = 'caseWorkflow' AND ExecutionStatus = 'Running' AND ProvisionalDeadline = true`;

/** The calendar route; `holidaysDir` is the operators' directory the workers' calendars read. */
export function calendarRoute(client: Client, holidaysDir: string): ApiRoute {
  return {
    doc: {
      method: 'post',
      path: '/calendar/years/:year',
      summary: '载入某年节假日安排（国务院办公厅通知）',
      description:
        'holidays 列出全部放假日（含假期内的周末），workdays 列出调休上班的周末；每条注明通知。载入后，期限暂定的在办案件重新计算期限。',
      tags: ['运维'],
      operationId: 'loadHolidayArrangement',
      params: paramsSchema,
      requestSchema: operatorFileSchema,
      requestName: 'HolidayArrangement',
      responseSchema: calendarLoadedResponseSchema,
      responses: {
        202: 'stored; the cases with provisional deadlines were told to recompute them',
        403: 'operators only',
      },
      security: 'bearer',
    },
    handler: async (req, res) => {
      if (!canLoadCalendar(principalOf(res))) {
        throw new HttpProblem(403, 'Not permitted', 'only operators load holiday arrangements');
      }
      const { year } = paramsSchema.parse(req.params);
      const file = parseHolidayFile(year, req.body);
      const { version } = await writeHolidayFile(holidaysDir, file, () => loadCalendar({ holidaysDir }));
      let casesSignalled = 0;
      for await (const info of client.workflow.list({ query: PROVISIONAL_CASES })) {
        try {
          await client.workflow
            .getHandle(info.workflowId)
            .signal<[CalendarLoaded]>(CALENDAR_LOADED_SIGNAL, { year, calendarVersion: version });
          casesSignalled += 1;
        } catch (err) {
          // A case that closed since the list was read has no deadline left to recompute.
          if (!(err instanceof WorkflowNotFoundError)) throw err;
        }
      }
      res.status(202).json({ year, calendarVersion: version, casesSignalled });
    },
  };
}
