/**
 * `GET /org-tree/units/{unitId}/competent-body`: the routing proposal (根据单位党组织隶属关系和干部管理权限) a submitter
 * or an accepting office reads before submitting or transferring (移送): the level and body competent for a matter of
 * the given liability about an official (or unit) of that unit, its accepting office, and the other bodies of that
 * level the matter may also go to. The rule is `competentBody` in `domain/routing.ts`.
 */
import { z } from 'zod';

import { CADRE_AUTHORITIES, HANDLING_BODIES, LIABILITIES } from '../../domain/case';
import { competentBody } from '../../domain/routing';
import { FIELD_TEXTS, REFUSALS } from '../../domain/texts';
import { HttpProblem } from '../http/errors';
import type { ApiRoute } from '../http/route';
import type { OrgTreeHolder } from './org-tree-file';

const paramsSchema = z.object({
  unitId: z.string().regex(/^[a-z][a-z0-9.-]{0,63}$/, FIELD_TEXTS.unitIdForm),
});

const querySchema = z.strictObject({
  liability: z
    .enum(LIABILITIES)
    .describe('事项涉及：sanction 党纪政务处分，organizationalHandling 组织处理，both 两者'),
  cadreAuthority: z
    .enum(CADRE_AUTHORITIES)
    .optional()
    .describe('干部管理权限：unitLevel 本级管理（默认），levelAbove 上一级管理'),
});

const proposalSchema = z.object({
  unitId: z.string(),
  level: z.string().describe('有管辖权的层级编号（提出时由单位编号和干部管理权限确定）'),
  levelName: z.string(),
  body: z.enum(HANDLING_BODIES).describe('建议的受理机关'),
  bodyName: z.string(),
  office: z.string().describe('受理科室'),
  accepted: z.array(z.enum(HANDLING_BODIES)).describe('该层级中可以受理此类事项的机关，建议的在前'),
});

/** The route over the tree `holder` holds. */
export function competentBodyRoute(holder: OrgTreeHolder): ApiRoute {
  return {
    doc: {
      method: 'get',
      path: '/org-tree/units/:unitId/competent-body',
      summary: '建议受理机关：按单位党组织隶属关系和干部管理权限',
      description:
        '涉及党纪政务处分的建议向纪检监察机关提出（也可向党委（党组）），涉及组织处理的建议向组织部门提出（也可向党委（党组）），两者都涉及的向党委（党组）提出；层级为单位所在层级，上一级管理的干部为上一级。',
      tags: ['组织树'],
      operationId: 'proposeCompetentBody',
      params: paramsSchema,
      query: querySchema,
      responseSchema: proposalSchema,
      responseName: 'CompetentBody',
      responses: { 200: 'the proposal', 404: 'a unit the organisation tree does not hold' },
      security: 'bearer',
    },
    handler: (req, res) => {
      const { unitId } = paramsSchema.parse(req.params);
      const { liability, cadreAuthority } = querySchema.parse(req.query);
      const proposal = competentBody(holder.current(), unitId, liability, cadreAuthority);
      if (!proposal) throw new HttpProblem(404, 'Unknown unit', REFUSALS.unknownUnit(unitId));
      res.json(proposal);
    },
  };
}
