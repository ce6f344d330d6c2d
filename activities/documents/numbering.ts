/**
 * Draws a document's 发文字号 from its series' numbering workflow (workflows/numbering.ts), started with the first
 * request of the year (update-with-start) on the case's own task queue. The request key is derived from the case
 * number and the document's id and doubles as the Update ID, so a retried activity gets its number again: no gaps,
 * no duplicates.
 */
import type { Client } from '@temporalio/client';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';

import { NEXT_NUMBER_UPDATE, NUMBERING_WORKFLOW_TYPE } from '../../domain/case-numbers';
import { documentNumber, documentNumberKey, documentNumbering } from '../../domain/documents/numbers';
import type { DocumentRequest } from '../../domain/documents/request';

/** The number of the document `request` asks for, e.g. 宛纪容决〔2026〕3号. */
export async function drawDocumentNumber(client: Client, taskQueue: string, request: DocumentRequest): Promise<string> {
  const year = Number(request.issuedOn.slice(0, 4));
  const numbering = documentNumbering(
    request.caseNumber,
    request.handlingBody,
    request.detail.kind,
    year,
    request.level,
  );
  const key = documentNumberKey(request.caseNumber, request.id);
  const n = await client.workflow.executeUpdateWithStart<Workflow, number, [string]>(NEXT_NUMBER_UPDATE, {
    updateId: `number-${key}`,
    args: [key],
    startWorkflowOperation: new WithStartWorkflowOperation(NUMBERING_WORKFLOW_TYPE, {
      workflowId: numbering.workflowId,
      taskQueue,
      args: [{ last: 0 }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    }),
  });
  return documentNumber(numbering, n);
}
