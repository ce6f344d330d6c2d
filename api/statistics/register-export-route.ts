/**
 * `GET /register.xlsx`: the register (台账) of the cases the caller may read, with the statistics over them, as one
 * workbook. It names every case's party and unit, so it is a read of each case's content: recorded in the access
 * log, with every case number it lists, before a byte is sent; a read that cannot be recorded is not answered.
 */
import { registerRow } from '../../domain/register-row';
import { REGISTER_FILE_NAME, STATISTICS_PROBLEMS } from '../../domain/texts';
import type { AccessLog } from '../http/access-log';
import type { Logger } from '../http/logger';
import { HttpProblem } from '../http/errors';
import { principalOf } from '../http/locals';
import type { ApiRoute } from '../http/route';
import type { StatisticsDependencies } from './figures';
import { figuresFor } from './figures';
import { statisticsQuerySchema } from './statistics-query';
import { registerWorkbook } from './workbook';

const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file's name: ASCII for old clients, 台账 for the rest (RFC 6266). */
const DISPOSITION = `attachment; filename="register.xlsx"; filename*=UTF-8''${encodeURIComponent(REGISTER_FILE_NAME)}`;

/** What the export needs besides the figures' sources: where reads are recorded, and where a failure to is logged. */
export interface RegisterExportDependencies extends StatisticsDependencies {
  /** Absent only in tests and memory-only set-ups, like the case reads' (`ApiDependencies.accessLog`). */
  readonly accessLog?: AccessLog;
  readonly logger: Logger;
}

export function registerExportRoute(deps: RegisterExportDependencies): ApiRoute {
  return {
    doc: {
      method: 'get',
      path: '/register.xlsx',
      summary: '导出台账（XLSX）：案件台账与统计两个工作表',
      description:
        '只含调用者可查看的案件（当事人姓名等个人信息只向可查看该案的承办机关人员提供）；每次导出连同所列案件编号写入访问记录。筛选条件同 GET /statistics。',
      tags: ['统计与台账'],
      operationId: 'exportRegister',
      query: statisticsQuerySchema,
      responseMediaType: XLSX_MEDIA_TYPE,
      responses: {
        200: 'the workbook: sheet 台账 (one row per case) and sheet 统计',
        403: 'the caller is no officer of a handling body',
        503: 'the access log cannot be written, so the register is not sent',
      },
      security: 'bearer',
    },
    handler: async (req, res) => {
      const p = principalOf(res);
      const { records, statistics, levelNames } = await figuresFor(deps, p, req.query);
      const rows = records.map((r) => registerRow(r, statistics.generatedAt, levelNames));
      const file = await registerWorkbook(rows, statistics, levelNames);
      if (deps.accessLog) {
        await deps.accessLog
          .append({
            actor: p.sub,
            role: p.role,
            ...(p.body ? { body: p.body } : {}),
            caseNumbers: rows.map((r) => r.caseNumber),
            what: 'GET /register.xlsx',
            detail: { requestId: res.locals.requestId, filters: statistics.filters },
          })
          .catch((err: unknown) => {
            deps.logger.error('access log write failed', { requestId: res.locals.requestId, error: String(err) });
            throw new HttpProblem(503, 'Access log unavailable', STATISTICS_PROBLEMS.exportNotLogged);
          });
      }
      // Personal data: no cache on the way or in the browser keeps a copy.
      res
        .status(200)
        .type(XLSX_MEDIA_TYPE)
        .setHeader('Content-Disposition', DISPOSITION)
        .setHeader('Cache-Control', 'no-store');
      res.send(file);
    },
  };
}
