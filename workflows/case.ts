/**
 * The case workflow: one 容错纠错免责减责 matter from its submission to its last follow-up visit, possibly years.
 * Workflow ID = case number. The stages follow the seed's 办理程序 (一)–(五); each stage's rules sit in its own
 * module beside this one. A case that lives long continues-as-new with its whole state, at a quiet moment.
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  patched,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';

import type { CaseState } from '../domain/case';
import type { CaseStart } from '../domain/messages';
import { FOREIGN_START } from '../domain/failures';
import { beganOnRevision } from '../domain/messages';
import { isUnsealed, UNSEALED_REASON_TEXT } from '../domain/sealing';
import { GATE_TEXTS, SUBMISSION_TEXTS } from '../domain/texts';
import { acceptanceEffects } from './acceptance';
import { handOverEffects } from './hand-over';
import { transferEffects } from './transfer';
import { aftercareEffects } from './aftercare';
import { startDecisionEffects } from './conclusion';
import type { CaseData } from './case-data';
import { newCaseData } from './case-data';
import { CaseContext, REVISION_4, SEALED_MESSAGES_PATCH } from './context';
import { clockEffects, watchCalendar, watchOpenPause } from './clock-control';
import { PERIODS, watchDeadline } from './deadlines';
import { determinationEffects } from './determination';
import { investigationEffects } from './investigation';
import { meetingEffects } from './meeting';
import { registerProcedure } from './procedure';
import { rectificationEffects } from './rectification';
import { caseProjectionQuery, caseStateQuery } from './messages';

/** What starts a case (`CaseStart`), and on continue-as-new the state `carried` over from the previous run. */
export interface CaseInput extends CaseStart {
  readonly carried?: CaseData;
  /** Continue-as-new past this many history events even before the server suggests it (tests lower it). */
  readonly historyLimit?: number;
}

const DEFAULT_HISTORY_LIMIT = 8_000;

export async function caseWorkflow(input: CaseInput): Promise<CaseState> {
  const foreign = foreignStart(input);
  if (foreign) {
    throw ApplicationFailure.create({
      type: FOREIGN_START,
      message: GATE_TEXTS.foreignStart(foreign),
      nonRetryable: true,
    });
  }
  const c = new CaseContext(input.carried ?? newCaseData(input), input.handlingLevel);
  setHandler(caseStateQuery, () => c.view());
  setHandler(caseProjectionQuery, () => c.projector.current());

  if (input.carried) {
    c.record('continuedAsNew', SUBMISSION_TEXTS.continuedAsNew);
    resume(c);
  } else {
    // (一) 事项提出
    c.record('submitted', SUBMISSION_TEXTS.submitted(input.submission), input.submittedBy);
  }
  c.publish();

  // Every message of the procedure, each stage module contributing its effects; a message left without one does
  // not compile. (二) 受理办理, (三) 调查核实, (四) 研究认定 and (五) 反馈结论, what follows, the statutory clock.
  const acceptance = acceptanceEffects(c);
  const rectification = rectificationEffects(c);
  const investigation = investigationEffects(c);
  const determination = determinationEffects(c);
  const meeting = meetingEffects(c);
  const aftercare = aftercareEffects(c);
  const clock = clockEffects(c);
  const handOver = handOverEffects(c);
  const transfer = transferEffects(c);
  registerProcedure(c, {
    updates: {
      ...acceptance.updates,
      ...rectification.updates,
      ...investigation.updates,
      ...determination.updates,
      ...aftercare.updates,
      ...clock.updates,
      ...handOver.updates,
      ...transfer.updates,
    },
    decisions: {
      ...acceptance.decisions,
      ...rectification.decisions,
      ...investigation.decisions,
      ...determination.decisions,
      ...meeting.decisions,
      ...clock.decisions,
    },
  });
  watchCalendar(c);

  const limit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  const longHistory = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > limit;
  for (;;) {
    await condition(() => isFinal(c) || c.bg.failed() || (longHistory() && c.bg.idle()));
    c.bg.check();
    if (isFinal(c)) {
      // Revision 5 on, documents still being issued (the last visit's record) are issued before the run ends.
      await condition(c.revision5 ? () => allHandlersFinished() && c.bg.idle() : allHandlersFinished);
      c.flush();
      await c.projector.settled();
      return c.view();
    }
    await condition(() => allHandlersFinished() && c.bg.idle());
    if (longHistory() && c.bg.idle()) {
      c.flush();
      await continueAsNew<typeof caseWorkflow>({ ...input, carried: c.data });
    }
  }
}

/**
 * Why a start did not come from the API, or undefined when it did. The input of a case begun on release 0.2.0 (and
 * replayed now) carries no envelope; a new start must: sealed, for this very case number, with a message id, or a
 * continuation of this case's own state.
 */
function foreignStart(input: CaseInput): string | undefined {
  if (isUnsealed(input)) return UNSEALED_REASON_TEXT[input.unsealedPayloadRefused];
  // A case of the current revision began sealed by definition (its start names the revision); earlier ones by patch.
  const began = input.carried?.procedureRevision ?? input.procedureRevision;
  if (!beganOnRevision(began, REVISION_4) && !patched(SEALED_MESSAGES_PATCH)) return undefined;
  const { workflowId } = workflowInfo();
  if (input.carried) {
    // State carried over by continue-as-new from a run of 0.3.0 on always has message ids.
    return input.carried.submission?.caseNumber === workflowId && Array.isArray(input.carried.messageIds)
      ? undefined
      : GATE_TEXTS.carriedStateForeign;
  }
  if (input.submission?.caseNumber !== workflowId || input.caseNumber !== workflowId)
    return GATE_TEXTS.startOfAnotherCase;
  if (typeof input.messageId !== 'string' || input.messageId === '') return GATE_TEXTS.noMessageId;
  return undefined;
}

function isFinal(c: CaseContext): boolean {
  return c.stage === 'declined' || c.stage === 'closed';
}

/** Restarts on a new run what the previous run had running: deadline ladders and post-conclusion effects. */
function resume(c: CaseContext): void {
  for (const d of c.data.deadlines) {
    if (d.status !== 'met' && d.id in PERIODS) watchDeadline(c, d.id as keyof typeof PERIODS);
  }
  startDecisionEffects(c);
  if (c.current) watchOpenPause(c);
}
