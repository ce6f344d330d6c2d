/**
 * The case workflow: one 容错纠错免责减责 matter from its submission onwards. Workflow ID = case number.
 * Reads like the procedure in the seed (办理程序 (一)–(五)); stage rules live in `case-record.ts`.
 */
import { condition, setHandler } from '@temporalio/workflow';

import type { Actor, CaseState, Submission } from '../domain/case';
import { CaseRecord } from './case-record';
import { workflowNow } from './clock';
import { armDeadline, watchDeadline } from './deadlines';
import { caseStateQuery, decideAcceptanceUpdate, proposeHandlingOpinionUpdate } from './messages';

export const HANDLING_OPINION_DEADLINE = 'handlingOpinion';

/** What starts a case: the written submission and who entered it. */
export interface CaseInput {
  readonly submission: Submission;
  readonly submittedBy: Actor;
}

export async function caseWorkflow({ submission, submittedBy }: CaseInput): Promise<CaseState> {
  const c = new CaseRecord(submission);
  setHandler(caseStateQuery, () => c.view());

  // (一) 事项提出
  c.record(
    'submitted',
    submission.origin === 'application' ? '当事人书面提出容错申请' : '组织研判提出容错事项',
    submittedBy,
  );

  // (二) 受理办理: accept and assign a case officer, or decline with a reason.
  setHandler(
    decideAcceptanceUpdate,
    async (decision) => {
      if (decision.decision === 'decline') {
        c.record('declined', `不予受理：${decision.reason}`, decision.actor);
        c.moveTo('declined');
        return c.view();
      }
      c.caseOfficer = decision.caseOfficer;
      c.record('accepted', `已受理，承办人：${decision.caseOfficer}`, decision.actor);
      c.moveTo('handlingOpinion');
      await armDeadline(c, {
        id: HANDLING_OPINION_DEADLINE,
        clause: '受理后5个工作日内提出拟办意见',
        workingDays: 5,
        triggeredAt: workflowNow().toISOString(),
      });
      return c.view();
    },
    { validator: (decision) => c.assertAllowed('decideAcceptance', decision.actor) },
  );

  setHandler(
    proposeHandlingOpinionUpdate,
    (proposal) => {
      c.handlingOpinion = proposal.opinion;
      c.record('handlingOpinionProposed', `提出拟办意见：${proposal.opinion}`, proposal.actor);
      return c.view();
    },
    {
      validator: (proposal) => {
        c.assertAllowed('proposeHandlingOpinion', proposal.actor);
        if (!c.deadline(HANDLING_OPINION_DEADLINE)) throw new Error('acceptance is still being recorded; retry');
      },
    },
  );

  await condition(() => c.stage !== 'acceptance');
  if (c.stage === 'declined') return c.view();

  // 受理后5个工作日之内提出拟办意见, then 呈领导审批.
  await condition(() => c.deadline(HANDLING_OPINION_DEADLINE) !== undefined);
  await watchDeadline(c, HANDLING_OPINION_DEADLINE, () => c.handlingOpinion !== undefined);

  // Leadership approval and the stages after it come with the full procedure; until then the case waits here.
  await condition(() => c.stage === 'closed');
  return c.view();
}
