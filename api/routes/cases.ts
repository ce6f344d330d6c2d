/**
 * Routes by stage of the procedure. Each handler parses its request with its schema, then starts, updates or
 * queries the case workflow; errors go to the one problem handler.
 */
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/client';

import { HANDLING_BODY_NAMES, SITUATION_NAMES } from '../../domain/labels';
import type { caseWorkflow } from '../../workflows/case';
import { caseStateQuery, decideAcceptanceUpdate, proposeHandlingOpinionUpdate } from '../../workflows/messages';
import { CaseStage, HandlingBodyKey, SituationKey } from '../../workflows/search-attributes';
import { acceptanceSchema, caseNumberSchema, handlingOpinionSchema, submitCaseSchema } from '../schemas';

export interface CaseRoutesOptions {
  readonly client: Client;
  readonly taskQueue: string;
}

/** The case routes: submission, acceptance, handling opinion, and the case's state. */
export function caseRoutes({ client, taskQueue }: CaseRoutesOptions): Router {
  const router = Router();
  const handle = (caseNumber: unknown) => client.workflow.getHandle(caseNumberSchema.parse(caseNumber));

  // (一) 事项提出. The case number is the workflow ID, so Temporal itself refuses a second case under it.
  router.post('/cases', async (req, res) => {
    const input = submitCaseSchema.parse(req.body);
    const { submission } = input;
    const started = await client.workflow.start<typeof caseWorkflow>('caseWorkflow', {
      workflowId: submission.caseNumber,
      taskQueue,
      args: [input],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: [
        { key: CaseStage, value: 'acceptance' },
        { key: HandlingBodyKey, value: submission.handlingBody },
        { key: SituationKey, value: submission.situation },
      ],
      staticSummary: `容错事项 ${submission.caseNumber}：${SITUATION_NAMES[submission.situation]}，报${HANDLING_BODY_NAMES[submission.handlingBody]}`,
    });
    res
      .status(201)
      .location(`/cases/${encodeURIComponent(started.workflowId)}`)
      .json({ caseNumber: started.workflowId, runId: started.firstExecutionRunId });
  });

  router.get('/cases/:caseNumber', async (req, res) => {
    res.json(await handle(req.params.caseNumber).query(caseStateQuery));
  });

  // (二) 受理办理
  router.post('/cases/:caseNumber/acceptance', async (req, res) => {
    const decision = acceptanceSchema.parse(req.body);
    res.json(await handle(req.params.caseNumber).executeUpdate(decideAcceptanceUpdate, { args: [decision] }));
  });

  router.post('/cases/:caseNumber/handling-opinion', async (req, res) => {
    const proposal = handlingOpinionSchema.parse(req.body);
    res.json(await handle(req.params.caseNumber).executeUpdate(proposeHandlingOpinionUpdate, { args: [proposal] }));
  });

  return router;
}
