/**
 * How a case concludes and what a conclusion leaves owed: the decision or early exit recorded and told to the party,
 * the obligations that follow (entries in the personnel and integrity files, the impact period, follow-up visits,
 * name clearing, the false report, the integrity review reply of a fast-track case), the effects that run by
 * themselves after it, and the closure once nothing is owed. Every stage that can end a case calls in here.
 */
import { condition, sleep } from '@temporalio/workflow';

import type { ArchiveReceipt, Closure, Obligation } from '../domain/case';
import type { ArchiveEntry } from '../activities/archive';
import { decisionRecord } from '../domain/decision-record';
import type { ExitGrounds } from '../domain/false-reports';
import { owedAfterEarlyExit } from '../domain/false-reports';
import { CONCLUSION_TEXTS } from '../domain/texts';
import type { CaseContext } from './context';
import { archiveOnce, sendNotice, tellParty } from './delivery';
import { addMs, msUntil, workflowNow } from './clock';
import { settledDocument } from './documents';

/** The first follow-up visit is due this long after the conclusion. */
const FOLLOW_UP_AFTER_MS = 30 * 24 * 3600 * 1000;

/**
 * What a decision leaves owed: archive entries and visits after exemption or reduction, the impact period. Only a
 * decision about an individual official (对干部个人作出的) goes into the personnel and integrity files; cases begun
 * before release 0.4.0 filed a unit's too, and replay so.
 */
export function owedAfterDecision(c: CaseContext): Obligation[] {
  const owed: Obligation[] = [];
  if (c.data.outcome === 'exempt' || c.data.outcome === 'reduce') {
    if (!c.current || c.data.submission.party.kind === 'official') owed.push('personnelFile', 'integrityFile');
    owed.push('followUpVisit');
  }
  if (c.data.outcome === 'reduce') owed.push('impactPeriod');
  // 通报说明: from release 0.4.0 a favourable decision stays open until announced or the reason why not is recorded.
  if (c.current && (c.data.outcome === 'exempt' || c.data.outcome === 'reduce')) owed.push('announcement');
  if (integrityReplyOwed(c)) owed.push('integrityReviewReply');
  return owed;
}

/** What an early exit left owed on cases begun before release 0.4.0: every exclusion was taken for 诬告陷害. */
function owedAfterEarlyExitBefore04(c: CaseContext, closure: Closure): Obligation[] {
  const owed: Obligation[] = [];
  if (closure === 'excluded') owed.push('nameClearing', 'falseReportRecord', 'followUpVisit');
  if (integrityReplyOwed(c)) owed.push('integrityReviewReply');
  return owed;
}

/** A fast-track case owes its integrity review reply after the conclusion unless it was given before. */
function integrityReplyOwed(c: CaseContext): boolean {
  return c.data.submission.fastTrack && c.data.integrityReviewReplied !== true;
}

/**
 * Records the conclusion, tells the party, and closes the case or moves it to aftercare. An early exit names its
 * `grounds`, which decide what it leaves owed (`domain/false-reports.ts`).
 */
export async function conclude(c: CaseContext, closure: Closure, grounds: ExitGrounds = {}): Promise<void> {
  c.data.closure = closure;
  if (closure !== 'decided') {
    c.data.decidedAt = workflowNow().toISOString();
    if (c.current) c.data.exitGrounds = grounds;
    // 查无实据 is new in release 0.4.0, so a case begun earlier that meets it follows the rules of 0.4.0 too.
    c.data.openObligations =
      c.current || closure === 'unfounded'
        ? owedAfterEarlyExit(closure, grounds, integrityReplyOwed(c))
        : owedAfterEarlyExitBefore04(c, closure);
    startDecisionEffects(c);
    await tellParty(c, 'conclusion', 'conclusion', CONCLUSION_TEXTS.concludedNotice(c.caseNumber, closure));
  }
  c.moveTo('aftercare');
  closeIfDone(c);
}

/** Closes the case once it has left feedback behind and nothing is owed. */
export function closeIfDone(c: CaseContext): void {
  if (c.stage === 'aftercare' && c.data.openObligations.length === 0) {
    c.record('closed', CONCLUSION_TEXTS.closed(c.data.closure ?? 'decided'));
    c.moveTo('closed');
  }
}

/** Marks an obligation done, and closes the case if it was the last. */
export function fulfil(c: CaseContext, obligation: Obligation): void {
  c.data.openObligations = c.data.openObligations.filter((o) => o !== obligation);
  closeIfDone(c);
}

/** Starts, or on a new run resumes, what runs by itself after a conclusion. Every step is idempotent. */
export function startDecisionEffects(c: CaseContext): void {
  const owed = new Set(c.data.openObligations);
  for (const file of ['personnelFile', 'integrityFile'] as const) {
    if (owed.has(file)) c.bg.run(() => writeArchive(c, file));
  }
  if (owed.has('impactPeriod')) c.bg.run(() => runImpactPeriod(c));
  if (owed.has('followUpVisit') && !c.data.followUpReminded) c.bg.run(() => remindFollowUp(c));
}

async function writeArchive(c: CaseContext, file: ArchiveReceipt['file']): Promise<void> {
  const determination = c.data.determination;
  if (!determination || !c.data.outcome) return;
  const entry: ArchiveEntry = {
    key: `${c.caseNumber}/${file}`,
    file,
    caseNumber: c.caseNumber,
    party: c.data.submission.party,
    outcome: c.data.outcome ?? 'refuse',
    impactPeriodMonths: determination.impactPeriodMonths,
    meetingDate: determination.meetingDate,
    minutesRef: determination.minutesRef,
  };
  // Cases begun before release 0.4.0 replay the entries they wrote; later ones carry the whole decision.
  const whole = c.current ? { ...entry, ...decisionRecord(c.data.submission.handlingBody, determination) } : entry;
  // Revision 5 on, the entry carries the decision document's number and hash, once it is issued.
  const issued = c.revision5 ? await settledDocument(c, 'decision') : undefined;
  const filed = issued ? { ...whole, decisionDocument: { number: issued.number, sha256: issued.sha256 } } : whole;
  const receipt = await c.bg.effect(() => archiveOnce(c, filed));
  // A refused entry stays owed: the case waits in aftercare, with the refusal in its timeline, until it is filed.
  if (!receipt) return;
  c.data.archiveReceipts.push(receipt);
  c.record('archived', CONCLUSION_TEXTS.archived(file, receipt.receiptId));
  fulfil(c, file);
}

/**
 * The impact period (影响期) of a reduced liability, in calendar months from the decision: from the meeting's date
 * for cases of revision 4 on (`decidedAt`, set by the determination), from when it was recorded before.
 */
async function runImpactPeriod(c: CaseContext): Promise<void> {
  if (!c.data.impactPeriodEndsAt) {
    const months = c.data.determination?.impactPeriodMonths ?? 1;
    const { endsAt } = await c.calendar((cal) =>
      cal.impactPeriodEnd({ from: c.data.decidedAt ?? workflowNow().toISOString(), months }),
    );
    c.data.impactPeriodEndsAt = endsAt;
    c.record('impactPeriodSet', CONCLUSION_TEXTS.impactPeriodSet(months, endsAt));
  }
  await sleep(msUntil(c.data.impactPeriodEndsAt));
  await c.bg.effect(() =>
    sendNotice(c, {
      key: `${c.caseNumber}/impactPeriod/ended`,
      caseNumber: c.caseNumber,
      kind: 'impactPeriodEnded',
      recipients: ['party', 'partyUnit', c.data.submission.handlingBody],
      text: CONCLUSION_TEXTS.impactPeriodEndedNotice(c.caseNumber),
    }),
  );
  c.record('impactPeriodEnded', CONCLUSION_TEXTS.impactPeriodEnded);
  fulfil(c, 'impactPeriod');
}

async function remindFollowUp(c: CaseContext): Promise<void> {
  const due = c.data.followUpDueAt ?? addMs(c.data.decidedAt ?? workflowNow().toISOString(), FOLLOW_UP_AFTER_MS);
  c.data.followUpDueAt = due;
  const visited = await condition(() => c.data.followUpVisits.length > 0, msUntil(due));
  if (visited) return;
  c.data.followUpReminded = true;
  c.record('followUpDue', CONCLUSION_TEXTS.followUpDue);
  await c.bg.effect(() =>
    sendNotice(c, {
      key: `${c.caseNumber}/followUp/reminder`,
      caseNumber: c.caseNumber,
      kind: 'followUpDue',
      recipients: [c.data.submission.handlingBody],
      text: CONCLUSION_TEXTS.followUpNotice(c.caseNumber),
    }),
  );
}
