/**
 * `GET /cases`: cases from the register (`register/`, every filter, sorted; `register-list.ts`) or, for an API run
 * alone without one outside production, from Temporal's visibility store (the search attributes), filtered and
 * paged, within the caller's scope. Visibility trails the workflows by a moment, so a case just moved may show its
 * previous stage. The visibility list reads the raw visibility rows: a case's memo and summary are encrypted and the list needs neither, so
 * nothing is decrypted to list (and one payload of a key this API lacks cannot break every list it appears in).
 */
import type { PartyIndex } from '../../codec/blind-index';
import { createHmac, timingSafeEqual } from 'node:crypto';

import type { Client } from '@temporalio/client';
import { decodeTypedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import type { Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

import type { HandlingBody, Outcome, Situation, Stage } from '../../domain/case';
import { CASE_REQUEST_TEXTS, FIELD_TEXTS } from '../../domain/texts';
import {
  CaseStage,
  FastTrack,
  HandlingBodyKey,
  HandlingLevel,
  NextDeadline,
  OutcomeKey,
  Overdue,
  ProvisionalDeadline,
  SituationKey,
} from '../../domain/search-attributes';
import { listScope } from '../auth/policy';
import type { ListScope } from '../auth/policy';
import type { CaseRegister } from '../../register/register';
import { CASE_FILTERS, caseListQuery, caseListQuerySchema, REGISTER_ONLY_FILTERS } from './case-list-query';
import { listFromRegister } from './register-list';
import { HttpProblem } from '../http/errors';
import { principalOf } from '../http/locals';
import { caseListResponseSchema } from './response-schemas';
import type { ApiRoute } from '../http/route';

/** One case as the list shows it: codes from the search attributes only; operators get the case number alone. */
function listItem(info: temporal.api.workflow.v1.IWorkflowExecutionInfo, scope: ListScope) {
  const caseNumber = info.execution?.workflowId ?? '';
  if (scope.kind === 'all') return { caseNumber };
  const sa = decodeTypedSearchAttributes(info.searchAttributes?.indexedFields as Record<string, Payload> | undefined);
  const nextDeadline = sa.get(NextDeadline);
  return {
    caseNumber,
    stage: sa.get(CaseStage) as Stage | undefined,
    handlingBody: sa.get(HandlingBodyKey) as HandlingBody | undefined,
    level: sa.get(HandlingLevel),
    situation: sa.get(SituationKey) as Situation | undefined,
    outcome: sa.get(OutcomeKey) as Outcome | undefined,
    nextDeadline: nextDeadline?.toISOString(),
    overdue: sa.get(Overdue),
    provisionalDeadline: sa.get(ProvisionalDeadline),
    fastTrack: sa.get(FastTrack),
    running: info.status === temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING,
  };
}

/**
 * The cursor is Temporal's page token with a MAC over the token and the query it pages: the server cannot be fed a
 * forged token (its client would retry a token it cannot read until the request's deadline), and a cursor from
 * one caller's list does not page another query.
 */
function cursorCodec(key: Buffer) {
  const mac = (query: string, token: Buffer) =>
    createHmac('sha256', key).update(query).update('\0').update(token).digest().subarray(0, 16);
  return {
    seal: (query: string, token: Uint8Array): string => {
      const bytes = Buffer.from(token);
      return `${bytes.toString('base64url')}.${mac(query, bytes).toString('base64url')}`;
    },
    open: (query: string, cursor: string): Buffer | undefined => {
      const [token, tag] = cursor.split('.');
      const bytes = Buffer.from(token ?? '', 'base64url');
      const given = Buffer.from(tag ?? '', 'base64url');
      const expected = mac(query, bytes);
      return given.length === expected.length && timingSafeEqual(given, expected) ? bytes : undefined;
    },
  };
}

/**
 * The list route; `cursorKey` authenticates the cursors it hands out (the same key on every API process); over
 * `register` when there is one.
 */
export function caseListRoute(
  client: Client,
  cursorKey: Buffer,
  parties: PartyIndex,
  register: CaseRegister | undefined,
): ApiRoute {
  const cursors = cursorCodec(cursorKey);
  return {
    doc: {
      method: 'get',
      path: '/cases',
      summary:
        '案件列表：按当事人、单位、层级、办理机关、情形、阶段、结论、快查快结、是否超期、期限、决定日期、年份筛选并排序',
      description:
        '承办机关人员只见本机关案件（可按当事人身份证件号码查其全部案件），申请人只见本人申请，运维人员只见案件编号且不得使用筛选条件。翻页：把上一页的 nextCursor 作为 cursor 传回。',
      tags: ['案件查询'],
      operationId: 'listCases',
      query: caseListQuerySchema,
      responseSchema: caseListResponseSchema,
      responses: {
        200: 'one page of matching cases, newest first',
        400: 'a bad filter or cursor, or a filter an operator may not use',
        403: 'the caller may not list cases',
      },
      security: 'bearer',
    },
    handler: async (req, res) => {
      const principal = principalOf(res);
      const scope = listScope(principal);
      if (!scope) throw new HttpProblem(403, 'Not permitted', CASE_REQUEST_TEXTS.listNotPermitted);
      const filters = caseListQuerySchema.parse(req.query);
      if (scope.kind === 'all') {
        const used = CASE_FILTERS.filter((name) => filters[name] !== undefined);
        if (used.length) {
          throw new HttpProblem(400, 'Filter not permitted', CASE_REQUEST_TEXTS.operatorFilters, {
            errors: used.map((field) => ({ field, message: FIELD_TEXTS.operatorFilter })),
          });
        }
      }
      if (register) {
        await listFromRegister(res, register, scope, principal.role, filters, parties, cursors);
        return;
      }
      const registerOnly = REGISTER_ONLY_FILTERS.filter((name) => filters[name] !== undefined);
      if (registerOnly.length) {
        throw new HttpProblem(400, 'Filter not available', CASE_REQUEST_TEXTS.registerFilters, {
          errors: registerOnly.map((field) => ({ field, message: FIELD_TEXTS.needsRegister })),
        });
      }
      const query = caseListQuery(scope, filters, filters.party ? parties.candidates(filters.party) : []);
      if (!query) {
        res.json({ cases: [], total: 0, limit: filters.limit });
        return;
      }
      // One visibility page per request: the cursor carries Temporal's own page token, so a deep page costs no
      // more than the first.
      const token = filters.cursor === undefined ? undefined : cursors.open(query, filters.cursor);
      if (filters.cursor !== undefined && !token) {
        throw new HttpProblem(400, 'Invalid cursor', CASE_REQUEST_TEXTS.invalidCursor, {
          errors: [{ field: 'cursor', message: FIELD_TEXTS.foreignCursor }],
        });
      }
      const answer = await client.workflowService.listWorkflowExecutions({
        namespace: client.options.namespace,
        query,
        pageSize: filters.limit,
        ...(token ? { nextPageToken: token } : {}),
      });
      const page = (answer.executions ?? []).map((info) => listItem(info, scope));
      const next = answer.nextPageToken?.length ? cursors.seal(query, answer.nextPageToken) : undefined;
      const { count } = await client.workflow.count(query);
      res.json({ cases: page, total: count, limit: filters.limit, ...(next ? { nextCursor: next } : {}) });
    },
  };
}
