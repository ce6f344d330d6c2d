/**
 * (一) 事项提出. The accepting office numbers the case (its body's numbering workflow of the year) and starts it under
 * that number, its workflow ID; the 201 answer is the applicant's receipt. A retried request (same Idempotency-Key)
 * draws the same number and finds its own start.
 */
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';

import type { ApplicantIndex, PartyIndex } from '../../codec/blind-index';
import { applicantIdOf } from '../../domain/case';
import type { NumberingConfig } from '../../domain/case-numbers';
import { shanghaiDateOf } from '../../domain/dates';
import { applicantMayApplyFor } from '../../domain/party-identifier';
import { actorOf, canSubmit } from '../auth/policy';
import { assignCaseNumber } from './case-numbering';
import { startCaseWorkflow, SUBMISSION_KEY } from './case-start';
import { HttpProblem } from '../http/errors';
import { principalOf } from '../http/locals';
import { submittedResponseSchema } from './response-schemas';
import { messageIdFor, rememberScope } from './case-access';
import { submitCaseSchema } from './schemas';
import type { ApiRoute } from '../http/route';
import type { OrgTreeHolder } from '../org-tree/org-tree-file';
import type { OrgTreeIndex } from '../../domain/org-tree';
import { CITY_LEVEL } from '../../domain/org-tree';
import { CASE_REQUEST_TEXTS, FIELD_TEXTS, HTTP_PROBLEM_TEXTS, REFUSALS } from '../../domain/texts';
import type { Principal } from '../auth/principal';

/** Fields of a submission that only the office sets. */
const OFFICE_SET = ['fastTrack', 'preFiling'] as const;

/**
 * The level that handles a submission: its unit's; without a unit (submissions made before the tree), the city's.
 *
 * @throws HttpProblem 400 for a unit the tree does not hold, 409 for an officer's submission about a unit of another
 *   level (the body without jurisdiction), each naming `submission.unitId`.
 */
function levelOfSubmission(tree: OrgTreeIndex, principal: Principal, unitId: string | undefined): string {
  if (unitId === undefined) return CITY_LEVEL;
  const own = principal.body ? (principal.level ?? CITY_LEVEL) : undefined;
  const level = tree.levelOfUnit(unitId);
  if (!level) {
    throw new HttpProblem(400, 'Invalid request', HTTP_PROBLEM_TEXTS.invalidFields, {
      errors: [{ field: 'submission.unitId', message: REFUSALS.unknownUnit(unitId) }],
    });
  }
  if (own !== undefined && level.id !== own) {
    const ownName = tree.level(own)?.name ?? own;
    const message = REFUSALS.outsideJurisdiction(level.name, ownName);
    throw new HttpProblem(409, 'Outside jurisdiction', message, {
      errors: [{ field: 'submission.unitId', message }],
    });
  }
  return level.id;
}

/** `POST /cases`: starts a case's workflow, entered by the caller. */
export function submissionRoute(
  client: Client,
  taskQueue: string,
  applicants: ApplicantIndex,
  orgTree: OrgTreeHolder,
  parties: PartyIndex,
  numbering: NumberingConfig,
): ApiRoute {
  return {
    doc: {
      method: 'post',
      path: '/cases',
      summary: '事项提出：当事人申请，或组织研判提出',
      description:
        '申请人只能提出当事人申请；承办人、审批领导只能向本机关提出组织研判事项。提出人取自令牌，不在请求中填写。',
      tags: ['(一) 事项提出'],
      operationId: 'submitCase',
      requestSchema: submitCaseSchema,
      responseSchema: submittedResponseSchema,
      responses: {
        201: 'the case was numbered by the accepting office (e.g. 宛纪容〔2026〕12号) and started under that number',
        400: 'a bad field, or a unitId the organisation tree does not hold',
        403: 'the caller may not submit this kind of case to this body, or an applicant about someone else',
        409: 'the unit is outside the submitting officer’s level, or the number drawn is taken by a case started outside the API',
      },
      security: 'bearer',
    },
    handler: async (req, res) => {
      const principal = principalOf(res);
      const { submission: request } = submitCaseSchema.parse(req.body);
      const handlingLevel = levelOfSubmission(orgTree.current(), principal, request.unitId);
      if (!canSubmit(principal, { ...request, level: handlingLevel })) {
        throw new HttpProblem(
          403,
          'Not permitted',
          principal.role === 'applicant'
            ? 'an applicant submits applications (origin "application") only'
            : 'only a case officer or approving leader submits an organisation case, to their own body',
        );
      }
      // 快查快结 and 事前申请 are for the accepting office to establish (at acceptance), never for the applicant to claim.
      const claimed = principal.role === 'applicant' ? OFFICE_SET.filter((f) => request[f]) : [];
      if (claimed.length) {
        throw new HttpProblem(400, 'Invalid request', HTTP_PROBLEM_TEXTS.invalidFields, {
          errors: claimed.map((f) => ({ field: `submission.${f}`, message: FIELD_TEXTS.officeSet })),
        });
      }
      if (principal.role === 'applicant' && !applicantMayApplyFor(principal.identifier, request.party)) {
        throw new HttpProblem(403, 'Not permitted', CASE_REQUEST_TEXTS.applicantForOthers);
      }
      const submittedBy = actorOf(principal);
      const submissionKey = messageIdFor(req, principal.sub, undefined);
      // Numbered last, after every refusal, so a refused request consumes no number.
      const year = Number(shanghaiDateOf(new Date().toISOString()).slice(0, 4));
      const caseNumber = await assignCaseNumber(
        client,
        taskQueue,
        numbering,
        request.handlingBody,
        year,
        submissionKey,
      );
      const submission = { caseNumber, ...request };
      // The applicant is found by a keyed index of their subject, never by the subject itself (search attributes
      // are not encrypted).
      const applicantKey =
        applicantIdOf(submission, submittedBy) === undefined ? undefined : applicants.of(principal.sub);
      const input = { submission, submittedBy, handlingLevel, ...(applicantKey ? { applicantKey } : {}) };
      // The party is found by a keyed index of their identifier too; the identifier itself stays in the sealed input.
      const partyKey = submission.party.identifier ? parties.of(submission.party.identifier) : undefined;
      const started = await startCaseWorkflow(client, taskQueue, input, submissionKey, partyKey).catch(
        async (err: unknown) => {
          // The same request, retried after its answer was lost (a 503 while the start went through): its start.
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
          const existing = await client.workflow.getHandle(submission.caseNumber).describe();
          if (existing.memo?.[SUBMISSION_KEY] !== submissionKey) throw err;
          return { workflowId: existing.workflowId, firstExecutionRunId: existing.runId };
        },
      );
      rememberScope(client.workflow, started.workflowId, {
        handlingBody: submission.handlingBody,
        level: handlingLevel,
        ...(applicantKey ? { applicantId: applicantKey } : {}),
      });
      res
        .status(201)
        .location(`/cases/${encodeURIComponent(started.workflowId)}`)
        .json({ caseNumber: started.workflowId, runId: started.firstExecutionRunId });
    },
  };
}
