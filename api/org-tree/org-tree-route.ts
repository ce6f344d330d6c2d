/**
 * `GET /org-tree` and `PUT /org-tree`: everyone signed in reads the tree (submitters pick the party's unit from
 * it); an operator replaces it at run time. A replacement is checked whole, written over the file, and used from
 * the next request on; a bad one is refused with every bad entry named and changes nothing.
 */
import { ORG_TREE_TEXTS } from '../../domain/texts';
import { canLoadCalendar } from '../auth/policy';
import { HttpProblem } from '../http/errors';
import { principalOf } from '../http/locals';
import type { Logger } from '../http/logger';
import type { ApiRoute } from '../http/route';
import type { OrgTreeHolder } from './org-tree-file';
import { OrgTreeError, orgTreeFileSchema, parseOrgTree } from './org-tree-file';

/** Splits an `OrgTreeError` line (`levels[1].parent: …`) into its field and message. */
function fieldError(line: string): { field: string; message: string } {
  const at = line.indexOf(': ');
  return at < 0 ? { field: '(body)', message: line } : { field: line.slice(0, at), message: line.slice(at + 2) };
}

/** The two routes over `holder`. */
export function orgTreeRoutes(holder: OrgTreeHolder, log: Logger): ApiRoute[] {
  return [
    {
      doc: {
        method: 'get',
        path: '/org-tree',
        summary: '组织树：各层级、其办理机关与受理科室、所属单位',
        tags: ['组织树'],
        operationId: 'getOrgTree',
        responseSchema: orgTreeFileSchema,
        responseName: 'OrgTree',
        responses: { 200: 'the tree in force' },
        security: 'bearer',
      },
      handler: (_req, res) => {
        res.json(holder.current().tree);
      },
    },
    {
      doc: {
        method: 'put',
        path: '/org-tree',
        summary: '替换组织树（运维）',
        description:
          '整体替换组织树文件：层级编号与单位编号全树唯一，只有编号为 city 的市级无上级，每一层级有党委、纪委监委、组织部三个办理机关及其受理科室。校验不通过的不写入，并逐条指明有误的条目。',
        tags: ['运维'],
        operationId: 'replaceOrgTree',
        requestSchema: orgTreeFileSchema,
        requestName: 'OrgTree',
        responseSchema: orgTreeFileSchema,
        responseName: 'OrgTree',
        responses: {
          200: 'stored; used from the next request on',
          400: 'a bad tree, every bad entry named',
          403: 'operators only',
          413: 'a tree over the API’s 256 KB body limit',
        },
        security: 'bearer',
      },
      handler: async (req, res) => {
        const principal = principalOf(res);
        // The same system task as a holiday arrangement: operators only.
        if (!canLoadCalendar(principal))
          throw new HttpProblem(403, 'Not permitted', ORG_TREE_TEXTS.onlyOperatorReplaces);
        let tree;
        try {
          tree = parseOrgTree(req.body, 'PUT /org-tree');
        } catch (err) {
          if (!(err instanceof OrgTreeError)) throw err;
          throw new HttpProblem(400, 'Invalid organisation tree', ORG_TREE_TEXTS.notReplaced, {
            errors: err.problems.map(fieldError),
          });
        }
        await holder.replace(tree);
        log.info('organisation tree replaced', {
          requestId: res.locals.requestId,
          actor: principal.sub,
          levels: tree.tree.levels.length,
        });
        res.json(tree.tree);
      },
    },
  ];
}
