/**
 * `GET /statistics`: the office's figures as JSON for the workbench, over the cases the caller may read. Figures
 * hold no case's content (no party, no text), so reading them is not a read of a case the access log records; the
 * register export, which lists the cases, is (`register-export-route.ts`).
 */
import { principalOf } from '../http/locals';
import type { ApiRoute } from '../http/route';
import type { StatisticsDependencies } from './figures';
import { figuresFor } from './figures';
import { statisticsResponseSchema } from './response-schema';
import { statisticsQuerySchema } from './statistics-query';

export function statisticsRoute(deps: StatisticsDependencies): ApiRoute {
  return {
    doc: {
      method: 'get',
      path: '/statistics',
      summary: '统计：按层级、机关、情形、结论、年份计数，按月新提出与办结，各阶段用时，按期办理率，超期、影响期与回访',
      description:
        '只统计调用者可查看的案件（本机关本层级，及督办的下一层级）；运维人员与申请人不能查看统计。各项统计的口径见 docs/STATISTICS.md。',
      tags: ['统计与台账'],
      operationId: 'getStatistics',
      query: statisticsQuerySchema,
      responseSchema: statisticsResponseSchema,
      responseName: 'Statistics',
      responses: {
        200: 'the figures over the cases the caller may read that the filters select',
        403: 'the caller is no officer of a handling body',
      },
      security: 'bearer',
    },
    handler: async (req, res) => {
      const { statistics } = await figuresFor(deps, principalOf(res), req.query);
      res.json(statistics);
    },
  };
}
