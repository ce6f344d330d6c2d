/**
 * The search attributes and the readable summary that let operators find and read a case in the Temporal Web UI,
 * kept in step with the case's data. Codes only, never a name or a fact: search attributes are not encrypted.
 */
import { setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';

import { applicantIdOf } from '../domain/case';
import {
  ApplicantId,
  CaseStage,
  HandlingBodyKey,
  NextDeadline,
  OutcomeKey,
  Overdue,
  ProvisionalDeadline,
  SituationKey,
} from '../domain/search-attributes';
import type { CaseData } from './case-data';
import { instant } from './clock';
import { caseSummary, nextOpenDeadline } from './view';

/** Sets every search attribute and the summary from the data, as on a new run after continue-as-new. */
export function publishAll(d: CaseData): void {
  const applicant = d.applicantKey ?? applicantIdOf(d.submission, d.submittedBy);
  upsertSearchAttributes([
    { key: CaseStage, value: d.stage },
    { key: HandlingBodyKey, value: d.submission.handlingBody },
    { key: SituationKey, value: d.submission.situation },
    ...(applicant ? [{ key: ApplicantId, value: applicant }] : []),
    ...(d.outcome ? [{ key: OutcomeKey, value: d.outcome }] : []),
  ]);
  publishDeadlines(d);
}

/** The case moved to the stage its data now holds. */
export function publishStage(d: CaseData): void {
  upsertSearchAttributes([{ key: CaseStage, value: d.stage }]);
  publishSummary(d);
}

/** The case's outcome was decided. */
export function publishOutcome(d: CaseData): void {
  if (d.outcome) upsertSearchAttributes([{ key: OutcomeKey, value: d.outcome }]);
}

/** NextDeadline, Overdue and ProvisionalDeadline from the case's deadlines. */
export function publishDeadlines(d: CaseData): void {
  const open = d.deadlines.filter((x) => x.status !== 'met');
  const next = nextOpenDeadline(d.deadlines);
  upsertSearchAttributes([
    { key: NextDeadline, value: next?.dueAt ? instant(next.dueAt) : null },
    { key: Overdue, value: open.some((x) => x.status === 'overdue') },
    { key: ProvisionalDeadline, value: open.some((x) => x.provisional) },
  ]);
  publishSummary(d);
}

function publishSummary(d: CaseData): void {
  setCurrentDetails(caseSummary(d));
}
