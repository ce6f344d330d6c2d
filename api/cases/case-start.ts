/**
 * How a case's workflow is started: the API's submission route and the benchmark's raw side both call this, so
 * the benchmark compares the API with exactly the start it makes.
 */
import type { Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/client';

import { applicantIdOf } from '../../domain/case';
import type { CaseStart } from '../../domain/messages';
import { CASE_WORKFLOW_TYPE, PROCEDURE_REVISION } from '../../domain/messages';
import { caseStartSummaryText } from '../../domain/texts';
import {
  ApplicantId,
  CaseStage,
  HandlingBodyKey,
  HandlingLevel,
  Overdue,
  PartyId,
  ProvisionalDeadline,
  SituationKey,
} from '../../domain/search-attributes';

/** Memo field naming the request (by its Idempotency-Key) that started a case. */
export const SUBMISSION_KEY = 'submissionKey';

/**
 * Starts the case under its number; `partyKey` is the blind index of the party's identifier (`PartyId`).
 * Temporal refuses a second workflow under the same ID
 * (`WorkflowExecutionAlreadyStartedError`), so a repeated case number is caught by the server, not in memory.
 */
export function startCaseWorkflow(
  client: Client,
  taskQueue: string,
  input: CaseStart,
  submissionKey?: string,
  partyKey?: string,
) {
  const { submission } = input;
  const applicantId = applicantIdOf(submission, input.submittedBy);
  return client.workflow.start(CASE_WORKFLOW_TYPE, {
    workflowId: submission.caseNumber,
    taskQueue,
    args: [{ ...input, procedureRevision: PROCEDURE_REVISION }],
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    // Set here, not by the workflow, so that authorisation can read them before its first task has run, and the
    // case's history spends no event on them.
    typedSearchAttributes: [
      { key: CaseStage, value: 'acceptance' },
      { key: HandlingBodyKey, value: submission.handlingBody },
      { key: SituationKey, value: submission.situation },
      ...(input.handlingLevel ? [{ key: HandlingLevel, value: input.handlingLevel }] : []),
      ...(applicantId ? [{ key: ApplicantId, value: input.applicantKey ?? applicantId }] : []),
      { key: Overdue, value: false },
      { key: ProvisionalDeadline, value: false },
      ...(partyKey ? [{ key: PartyId, value: partyKey }] : []),
    ],
    // Which request started the case: a retry of that request finds its own start instead of a conflict.
    ...(submissionKey ? { memo: { [SUBMISSION_KEY]: submissionKey } } : {}),
    staticSummary: caseStartSummaryText(submission.caseNumber, submission.situation, submission.handlingBody),
  });
}
