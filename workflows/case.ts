/**
 * The case workflow: one 容错纠错免责减责 matter from its submission to its last follow-up visit, possibly years.
 * Workflow ID = case number. The stages follow the seed's 办理程序 (一)–(五); each stage's rules sit in its own
 * module beside this one. A case that lives long continues-as-new with its whole state, at a quiet moment.
 */
import { allHandlersFinished, condition, continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';

import type { Actor, CaseState, Submission } from '../domain/case';
import { acceptanceStage } from './acceptance';
import { aftercareStage, startDecisionEffects } from './aftercare';
import { Background } from './background';
import type { CaseData } from './case-data';
import { newCaseData } from './case-data';
import { CaseRecord } from './case-record';
import { clockControl } from './clock-control';
import { PERIODS, watchDeadline } from './deadlines';
import { determinationStage } from './determination';
import { investigationStage } from './investigation';
import { caseStateQuery } from './messages';

/** What starts a case: the written submission and who entered it; `carried` when a run continues-as-new. */
export interface CaseInput {
  readonly submission: Submission;
  readonly submittedBy: Actor;
  readonly carried?: CaseData;
  /** Continue-as-new past this many history events even before the server suggests it (tests lower it). */
  readonly historyLimit?: number;
}

const DEFAULT_HISTORY_LIMIT = 8_000;

export async function caseWorkflow(input: CaseInput): Promise<CaseState> {
  const c = new CaseRecord(input.carried ?? newCaseData(input.submission, input.submittedBy));
  const bg = new Background();
  setHandler(caseStateQuery, () => c.view());

  if (input.carried) {
    c.record('continuedAsNew', '案件历史较长，已延续至新的运行，状态完整保留');
    resume(c, bg);
  } else {
    // (一) 事项提出
    c.record(
      'submitted',
      `${input.submission.origin === 'application' ? '当事人书面提出容错申请' : '组织研判提出容错事项'}${input.submission.preFiling ? '（事前申请）' : ''}${input.submission.fastTrack ? '（拟提拔重用干部，快查快结）' : ''}`,
      input.submittedBy,
    );
  }
  c.publish();

  acceptanceStage(c, bg); // (二) 受理办理
  investigationStage(c, bg); // (三) 调查核实
  determinationStage(c, bg); // (四) 研究认定, (五) 反馈结论
  aftercareStage(c); // 存档, 影响期, 回访教育, 澄清正名, 通报说明
  clockControl(c, bg);

  const limit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  const longHistory = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > limit;
  for (;;) {
    await condition(() => isFinal(c) || bg.failed() || (longHistory() && bg.idle()));
    bg.check();
    if (isFinal(c)) {
      await condition(allHandlersFinished);
      return c.view();
    }
    await condition(() => allHandlersFinished() && bg.idle());
    if (longHistory() && bg.idle()) {
      await continueAsNew<typeof caseWorkflow>({ ...input, carried: c.data });
    }
  }
}

function isFinal(c: CaseRecord): boolean {
  return c.stage === 'declined' || c.stage === 'closed';
}

/** Restarts on a new run what the previous run had running: deadline ladders and post-conclusion effects. */
function resume(c: CaseRecord, bg: Background): void {
  for (const d of c.data.deadlines) {
    if (d.status !== 'met' && d.id in PERIODS) watchDeadline(c, bg, d.id as keyof typeof PERIODS);
  }
  startDecisionEffects(c, bg);
}
