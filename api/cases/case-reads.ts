/**
 * Reading one case: its whole state (stage, allowed actions, deadlines), or just its timeline, each as the caller's
 * audience reads it (`domain/audience-views.ts`): officers the whole case, the applicant their own view.
 */
import type { Client } from '@temporalio/client';

import type { WorkingCalendar } from '../../calendar';
import type { CaseState } from '../../domain/case';
import { CASE_STATE_QUERY } from '../../domain/messages';
import { principalOf } from '../http/locals';
import { applicantTimeline, applicantView, audienceOf } from '../../domain/audience-views';
import { caseViewResponseSchema, timelineResponseSchema } from './response-schemas';
import { caseParamsSchema } from './schemas';
import type { ApiRoute } from '../http/route';
import { caseHandle, describeCase, knownScope, requireReadable } from './case-access';
import { withWorkingDaysLeft } from './working-days-left';

const READ_RESPONSES = { 404: 'no such case, or one the caller may not read' } as const;

/**
 * `GET /cases/:caseNumber` and `GET /cases/:caseNumber/timeline`. `calendar` answers the working-day calendar in
 * force, from which each running deadline's working days left are counted.
 */
export function caseReadRoutes(client: Client, calendar: () => WorkingCalendar): ApiRoute[] {
  // Authorised on the search attributes first: a caller who may not read the case never makes its workflow answer.
  const readableState = async (caseNumber: unknown, res: Parameters<typeof principalOf>[0]) => {
    const handle = caseHandle(client, caseNumber);
    requireReadable(principalOf(res), knownScope(handle) ?? (await describeCase(handle)).scope);
    return handle.query<CaseState>(CASE_STATE_QUERY);
  };
  return [
    {
      doc: {
        method: 'get',
        path: '/cases/:caseNumber',
        summary: '案件状态：所处阶段、当前可办事项、期限',
        tags: ['案件查询'],
        operationId: 'getCase',
        params: caseParamsSchema,
        responseSchema: caseViewResponseSchema,
        responseName: 'CaseState',
        responses: { 200: 'the case', ...READ_RESPONSES },
        security: 'bearer',
      },
      handler: async (req, res) => {
        const state = await readableState(req.params.caseNumber, res);
        const view = audienceOf(principalOf(res).role) === 'applicant' ? applicantView(state) : state;
        res.json({ ...view, deadlines: withWorkingDaysLeft(calendar(), view.deadlines, new Date()) });
      },
    },
    {
      doc: {
        method: 'get',
        path: '/cases/:caseNumber/timeline',
        summary: '办理过程记录',
        tags: ['案件查询'],
        operationId: 'getCaseTimeline',
        params: caseParamsSchema,
        responseSchema: timelineResponseSchema,
        responses: { 200: 'every step, oldest first', ...READ_RESPONSES },
        security: 'bearer',
      },
      handler: async (req, res) => {
        const state = await readableState(req.params.caseNumber, res);
        const applicant = audienceOf(principalOf(res).role) === 'applicant';
        res.json({
          caseNumber: state.caseNumber,
          timeline: applicant ? applicantTimeline(state.timeline) : state.timeline,
        });
      },
    },
  ];
}
