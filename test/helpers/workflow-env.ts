/**
 * The time-skipping harness for workflow tests: a real test server, the real worker with a real (temporary) outbox
 * and archive, and a driver that takes a case through the procedure by its real messages.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { WorkflowHandle } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';

import type { ActivityDependencies } from '../../activities';
import { FileArchive } from '../../activities/file-archive';
import { FileOutbox } from '../../activities/file-outbox';
import { FileDocumentStore } from '../../documents/document-store';
import type { WorkingCalendar } from '../../calendar';
import { loadCalendar } from '../../calendar';
import type { Actor, CaseState, Outcome, PauseGround, Submission, TimelineEntry } from '../../domain/case';
import { shanghaiDateOf } from '../../domain/dates';
import { reportAcceptedOn } from '../../domain/meeting';
import { startCaseWorkflow } from '../../api/cases/case-start';
import { createCaseWorker } from '../../worker/worker';
import type { caseWorkflow, CaseInput } from '../../workflows/case';
import type { HandlingOpinionProposal } from '../../workflows/messages';
import {
  announceUpdate,
  approveClockPauseSignal,
  approveHandlingOpinionSignal,
  caseStateQuery,
  decideAcceptanceUpdate,
  deliverFeedbackUpdate,
  formInvestigationTeamUpdate,
  pauseClockUpdate,
  proposeHandlingOpinionUpdate,
  recordConsultationUpdate,
  recordDeterminationSignal,
  recordRectificationTalkUpdate,
  recordHearingUpdate,
  reviewInvestigationReportSignal,
  submitInvestigationReportUpdate,
} from '../../workflows/messages';
import {
  applicant,
  caseOfficer,
  decisionId,
  investigator,
  leader,
  REDUCTION_TERMS,
  report,
  REPORT_REF,
  secretary,
  submission,
} from './cases';
import type { OpenRegister } from '../../register/register';
import { openTestRegister } from './register';
import { TEST_PAYLOAD_KEYS, testDataConverter } from './payload-keys';
import { startTimeSkippingServer } from './temporal';
import { stopping } from './stopping';

export type CaseHandle = WorkflowHandle<typeof caseWorkflow>;

export interface WorkflowHarness {
  readonly env: TestWorkflowEnvironment;
  readonly outbox: FileOutbox;
  readonly archive: FileArchive;
  /** Where the worker keeps the documents it issues, sealed with the test payload keys. */
  readonly documents: FileDocumentStore;
  readonly taskQueue: string;
  /** The register the worker projects cases into (PGlite in memory). */
  readonly register: OpenRegister;
  /** Operator holiday files the worker's calendar reads; write one and call `reloadCalendar()`. */
  readonly holidaysDir: string;
  reloadCalendar(): WorkingCalendar;
  stop(): Promise<void>;
}

/** Starts a time-skipping server and a worker over temporary stores, or over the `stores` given. */
export async function startHarness(
  taskQueue: string,
  stores: Partial<Pick<ActivityDependencies, 'notices' | 'archive' | 'deadlines' | 'register'>> = {},
): Promise<WorkflowHarness> {
  const env = await startTimeSkippingServer();
  const dir = mkdtempSync(path.join(tmpdir(), `${taskQueue}-`));
  const holidaysDir = path.join(dir, 'holidays');
  mkdirSync(holidaysDir);
  const outbox = new FileOutbox(path.join(dir, 'outbox'));
  const archive = new FileArchive(path.join(dir, 'archive'));
  const documents = new FileDocumentStore(path.join(dir, 'documents'), TEST_PAYLOAD_KEYS);
  let calendar = loadCalendar({ holidaysDir });
  const register = await openTestRegister();
  const worker: Worker = await createCaseWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    dependencies: {
      calendar: () => calendar,
      notices: outbox,
      archive,
      register: register.register,
      documents: { store: documents },
      ...stores,
    },
    dataConverter: testDataConverter,
  });
  const running = worker.run();
  return {
    env,
    outbox,
    archive,
    documents,
    taskQueue,
    register,
    holidaysDir,
    reloadCalendar() {
      calendar = loadCalendar({ holidaysDir });
      return calendar;
    },
    async stop() {
      worker.shutdown();
      await stopping(taskQueue, worker, env.client, running);
      await register.close();
      await env.teardown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts a case on the harness's task queue, as the API starts it. */
export async function startCase(
  h: WorkflowHarness,
  overrides: Partial<Submission> = {},
  extra: Partial<CaseInput> = {},
): Promise<CaseHandle> {
  const input: CaseInput = { submission: submission(overrides), submittedBy: applicant, ...extra };
  return (await startCaseWorkflow(h.env.client, h.taskQueue, input)) as CaseHandle;
}

/**
 * The timeline's last step: its last entry but the documents' issue, which a case of 0.5.0 on records in the
 * background, so that it may come after the step that issued it.
 */
export function lastStep(timeline: readonly TimelineEntry[]): TimelineEntry | undefined {
  return timeline.filter((entry) => entry.kind !== 'documentIssued').at(-1);
}

/** Polls the case's state until `predicate` holds: signals are applied asynchronously. */
export async function waitFor(
  handle: CaseHandle,
  predicate: (s: CaseState) => boolean,
  what = 'the expected state',
): Promise<CaseState> {
  // By the clock, not a count of polls: on a loaded machine the worker (rendering documents in this process from
  // 0.5.0 on) answers slower, and a case that gets there in the end is not a failure.
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const state = await handle.query(caseStateQuery);
    if (predicate(state)) return state;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`case never reached ${what}`);
}

/** Accepts a case (unless it was `accepted` already) and has its opinion approved along `route`. */
export async function throughOpinion(
  handle: CaseHandle,
  route: HandlingOpinionProposal['route'] = 'investigate',
  extra: Partial<HandlingOpinionProposal> = {},
  { accepted = false } = {},
): Promise<CaseState> {
  if (!accepted) {
    await handle.executeUpdate(decideAcceptanceUpdate, {
      args: [{ decision: 'accept', actor: caseOfficer, caseOfficer: caseOfficer.id }],
    });
  }
  await handle.executeUpdate(proposeHandlingOpinionUpdate, {
    args: [{ actor: caseOfficer, opinion: '拟按程序办理', route, ...extra }],
  });
  await handle.signal(approveHandlingOpinionSignal, {
    decisionId: decisionId(),
    actor: leader,
    approved: true,
    comment: '同意',
  });
  return waitFor(handle, (s) => s.stage !== 'opinionApproval', 'an approved opinion');
}

/** Records the 约谈提醒 of a rectification, which sends the order and starts the period to fix. */
export async function recordTalk(handle: CaseHandle): Promise<CaseState> {
  // Held the day the opinion was approved: never before it, never after the server's today.
  const { timeline } = await handle.query(caseStateQuery);
  const approved = timeline.filter((e) => e.kind === 'handlingOpinionApproved').at(-1);
  await handle.executeUpdate(recordRectificationTalkUpdate, {
    args: [
      {
        actor: caseOfficer,
        talkedOn: shanghaiDateOf(approved?.at ?? ''),
        talkedBy: '纪委副书记王强',
        talkedWith: '李娜',
        ordered: '补齐容缺受理的审批材料',
      },
    ],
  });
  return waitFor(handle, (s) => s.deadlines.some((d) => d.id === 'rectification'), 'the fix deadline');
}

/** Investigates (team, both hearings, report) and, unless `review` is false, has the report accepted. */
export async function throughInvestigation(
  handle: CaseHandle,
  recommendation: Outcome,
  { review = true } = {},
): Promise<CaseState> {
  await handle.executeUpdate(formInvestigationTeamUpdate, {
    args: [{ actor: caseOfficer, members: ['investigator.dc', 'investigator2.dc'] }],
  });
  for (const heard of ['party', 'unit'] as const) {
    await handle.executeUpdate(recordHearingUpdate, {
      args: [{ actor: investigator, heard, statementRef: `谈话笔录-${heard}`, summary: '如实说明情况' }],
    });
  }
  await handle.executeUpdate(submitInvestigationReportUpdate, {
    args: [{ actor: investigator, report: report(recommendation) }],
  });
  if (!review) return handle.query(caseStateQuery);
  await handle.signal(reviewInvestigationReportSignal, {
    decisionId: decisionId(),
    actor: leader,
    approved: true,
    comment: '同意提交领导班子会议',
  });
  return waitFor(handle, (s) => s.stage === 'determination', 'determination');
}

/**
 * The leadership meeting decides `outcome`, meeting on the day the report was accepted unless `meetingDate` is
 * given; returns the state in the feedback stage.
 */
export async function determine(handle: CaseHandle, outcome: Outcome, meetingDate?: string): Promise<CaseState> {
  const { timeline } = await handle.query(caseStateQuery);
  await handle.signal(recordDeterminationSignal, {
    decisionId: decisionId(),
    actor: secretary,
    determination: {
      meetingDate: meetingDate ?? reportAcceptedOn(timeline) ?? '',
      attendees: ['书记', '副书记', '委员甲', '委员乙', '委员丙'],
      membersTotal: 7,
      outcome,
      ...(outcome === 'reduce' ? { impactPeriodMonths: 6, ...REDUCTION_TERMS } : {}),
      reasoning: '综合六个方面察看，依纪依规依法作出决定',
      minutesRef: '会议纪要〔2026〕9号',
      reportRef: REPORT_REF,
    },
  });
  return waitFor(handle, (s) => s.stage === 'feedback', 'feedback');
}

/** Today's date in Asia/Shanghai by the test server's clock, which the workflow reads too. */
export async function serverToday(h: WorkflowHarness): Promise<string> {
  return shanghaiDateOf(new Date(await h.env.currentTimeMs()).toISOString());
}

/**
 * Pauses the case's clock on `ground`: a leader's pause stops it at once, a case officer's asks the leader, who
 * consents here. Returns the state once the clock is paused.
 */
export async function pauseClock(
  handle: CaseHandle,
  by: Actor = caseOfficer,
  ground: PauseGround = 'supplementaryMaterial',
  reason = '等待补充材料',
): Promise<CaseState> {
  await handle.executeUpdate(pauseClockUpdate, { args: [{ actor: by, ground, reason }] });
  if (by.role === 'caseOfficer') {
    await handle.signal(approveClockPauseSignal, {
      decisionId: decisionId(),
      actor: leader,
      approved: true,
      comment: '同意',
    });
  }
  return waitFor(handle, (s) => s.clockPaused, 'a paused clock');
}

/** The Chinese message of the refusal an Update met (the validator's `c.invalid`, or the gate's). */
export async function refusal(update: Promise<unknown>): Promise<string> {
  const err = await update.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof WorkflowUpdateFailedError)) throw new Error('the update was not refused');
  return (err.cause as Error).message;
}

/** Delivers the written feedback. */
export async function deliverFeedback(handle: CaseHandle): Promise<CaseState> {
  await handle.executeUpdate(deliverFeedbackUpdate, {
    args: [{ actor: caseOfficer, documentRef: '反馈书〔2026〕3号' }],
  });
  return handle.query(caseStateQuery);
}

/** 通报说明 after a favourable decision: the party is consulted, agrees, and the body announces. */
export async function announceDecision(handle: CaseHandle): Promise<CaseState> {
  await handle.executeUpdate(recordConsultationUpdate, {
    args: [{ actor: caseOfficer, partyAgrees: true, note: '本人同意在单位内通报' }],
  });
  await handle.executeUpdate(announceUpdate, {
    args: [{ actor: caseOfficer, scope: '所在单位', form: '会议通报', documentRef: '通报〔2026〕1号' }],
  });
  return handle.query(caseStateQuery);
}

/** Writes an operator holiday file into the harness's directory. */
export function writeHolidayFile(h: WorkflowHarness, year: number, content: unknown): void {
  writeFileSync(path.join(h.holidaysDir, `${year}.json`), JSON.stringify(content, null, 2));
}
