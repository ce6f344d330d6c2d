/**
 * `POST /calendar/years/:year`: an operator loads the State Council's holiday arrangement of a year. The file goes
 * where every worker's calendar reads it; then each running case with a provisional deadline is told, so that it
 * recomputes the deadline with the new year.
 *
 * The statutory clock is not an operator's to rewrite: a year already in force (this year or earlier in Beijing
 * time, or one the built-in data covers) is replaced only as a correction with a reason; the file must be
 * plausible; a load first says which running deadlines it moves (`dryRun=true`), and goes ahead only when the
 * caller confirms that preview's calendar version; and every load is recorded in `loads.jsonl` and the API log.
 */
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import { z } from 'zod';

import { dueAfterWorkingDays, dueAfterWorkingDaysWithPauses, loadCalendar } from '../../calendar';
import type { WorkingCalendar } from '../../calendar';
import { operatorFileSchema } from '../../calendar/operator-files';
import type { CaseState } from '../../domain/case';
import type { CalendarLoaded } from '../../domain/messages';
import { CALENDAR_LOADED_SIGNAL, CASE_STATE_QUERY } from '../../domain/messages';
import { HOLIDAY_TEXTS } from '../../domain/texts';
import { canLoadCalendar } from '../auth/policy';
import { HttpProblem } from '../http/errors';
import {
  calendarWith,
  holidayFileDigest,
  parseHolidayFile,
  recordHolidayLoad,
  writeHolidayFile,
  yearInForce,
} from './holiday-file';
import { principalOf } from '../http/locals';
import type { Logger } from '../http/logger';
import { calendarLoadedResponseSchema } from '../cases/response-schemas';
import type { ApiRoute } from '../http/route';

const paramsSchema = z.object({ year: z.coerce.number().int().min(2004).max(2099) });

const querySchema = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only say which running deadlines the load would move, write nothing'),
  confirm: z
    .string()
    .regex(/^cal-[0-9a-f]{12}$/)
    .optional()
    .describe('the calendarVersion of the preview the caller checked; required when the load moves deadlines'),
  correctionReason: z
    .string()
    .trim()
    .min(5)
    .max(500)
    .optional()
    .describe('why a year already in force (this year or earlier, or built-in data) is corrected; required for one'),
});

const PROVISIONAL_CASES = `WorkflowType = 'caseWorkflow' AND ExecutionStatus = 'Running' AND ProvisionalDeadline = true`;

/** How long one case may take to answer the preview's query; a case without a worker must not hold the answer. */
const CASE_QUERY_TIMEOUT_MS = 3_000;

type Move = z.infer<typeof calendarLoadedResponseSchema>['deadlinesMoved'][number];

/** The provisional deadlines of `state` that `calendar` gives another due instant, computed as the worker does. */
function movedDeadlines(state: CaseState, calendar: WorkingCalendar): Move[] {
  return state.deadlines
    .filter((d) => d.provisional && d.status !== 'met')
    .flatMap((d) => {
      const pauses = state.pauses
        .filter((p) => p.until !== undefined && p.until > d.triggeredAt)
        .map((p) => ({ from: p.from, until: p.until as string }));
      const computed = pauses.length
        ? dueAfterWorkingDaysWithPauses(calendar, new Date(d.triggeredAt), d.workingDays, pauses)
        : dueAfterWorkingDays(calendar, new Date(d.triggeredAt), d.workingDays);
      if (computed.dueAt === null || computed.dueAt === d.dueAt) return [];
      return [
        { caseNumber: state.caseNumber, deadline: d.id, clause: d.clause, oldDueAt: d.dueAt, newDueAt: computed.dueAt },
      ];
    });
}

/** Asks every running case with a provisional deadline which of its deadlines `calendar` would move. */
async function preview(client: Client, calendar: WorkingCalendar) {
  const moves: Move[] = [];
  const unanswered: string[] = [];
  const ids: string[] = [];
  for await (const info of client.workflow.list({ query: PROVISIONAL_CASES })) ids.push(info.workflowId);
  await Promise.all(
    ids.map(async (id) => {
      try {
        const state = await client.withDeadline(Date.now() + CASE_QUERY_TIMEOUT_MS, () =>
          client.workflow.getHandle(id).query<CaseState>(CASE_STATE_QUERY),
        );
        moves.push(...movedDeadlines(state, calendar));
      } catch (err) {
        // A case that closed since the list was read has nothing left to move; one that cannot be asked or
        // computed is named, so the caller confirms it unseen knowingly.
        if (!(err instanceof WorkflowNotFoundError)) unanswered.push(id);
      }
    }),
  );
  moves.sort((a, b) => (a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0));
  return { moves, unanswered: unanswered.sort() };
}

/** The calendar route; `holidaysDir` is the operators' directory the workers' calendars read. */
export function calendarRoute(client: Client, holidaysDir: string, log: Logger): ApiRoute {
  return {
    doc: {
      method: 'post',
      path: '/calendar/years/:year',
      summary: '载入某年节假日安排（国务院办公厅通知）',
      description:
        'holidays 列出全部放假日（含假期内的周末），workdays 列出调休上班的周末；每条注明通知。先以 dryRun=true 预览将被调整的在办案件期限，核对后以 confirm=<calendarVersion> 载入；载入后，期限暂定的在办案件重新计算期限。本年及以前年份、内置数据已有的年份只能以 correctionReason 说明理由后更正。每次载入记入 loads.jsonl。',
      tags: ['运维'],
      operationId: 'loadHolidayArrangement',
      params: paramsSchema,
      query: querySchema,
      requestSchema: operatorFileSchema,
      requestName: 'HolidayArrangement',
      responseSchema: calendarLoadedResponseSchema,
      responseName: 'HolidayArrangementLoad',
      responses: {
        200: 'dryRun=true: the deadlines the load would move; nothing written',
        202: 'stored and recorded; the cases with provisional deadlines were told to recompute them',
        400: 'an invalid or implausible arrangement, or a bad query parameter',
        403: 'operators only',
        409: 'a year in force without correctionReason, or deadlines would move and confirm does not name this preview',
      },
      security: 'bearer',
    },
    handler: async (req, res) => {
      const principal = principalOf(res);
      if (!canLoadCalendar(principal)) {
        throw new HttpProblem(403, 'Not permitted', HOLIDAY_TEXTS.onlyOperatorLoads);
      }
      const { year } = paramsSchema.parse(req.params);
      const options = querySchema.parse(req.query);
      const file = parseHolidayFile(year, req.body);
      if (yearInForce(year) && !options.correctionReason) {
        throw new HttpProblem(409, 'Year in force', HOLIDAY_TEXTS.yearInForce(year));
      }
      const calendar = calendarWith(holidaysDir, file);
      const { moves, unanswered } = await preview(client, calendar);
      const answer = { year, calendarVersion: calendar.version, deadlinesMoved: moves, unanswered };
      if (options.dryRun) {
        res.json({ ...answer, dryRun: true });
        return;
      }
      if ((moves.length || unanswered.length) && options.confirm !== calendar.version) {
        throw new HttpProblem(
          409,
          'Confirmation required',
          HOLIDAY_TEXTS.confirmationRequired(moves.length, unanswered.length, calendar.version),
          answer,
        );
      }
      const replacedSha256 = holidayFileDigest(holidaysDir, year);
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
      const record = {
        at: new Date().toISOString(),
        actor: principal.sub,
        role: principal.role,
        year,
        calendarVersion: version,
        sha256: holidayFileDigest(holidaysDir, year) as string,
        ...(replacedSha256 ? { replacedSha256 } : {}),
        ...(options.correctionReason ? { correctionReason: options.correctionReason } : {}),
        deadlinesMoved: moves.length,
        casesSignalled,
      };
      await recordHolidayLoad(holidaysDir, record);
      log.info('holiday arrangement loaded', { requestId: res.locals.requestId, ...record });
      res.status(202).json({ ...answer, calendarVersion: version, casesSignalled });
    },
  };
}
