/**
 * The search attributes and the readable summary that let operators find and read a case in the Temporal Web UI,
 * kept in step with the case's data. Codes only, never a name or a fact: search attributes are not encrypted.
 *
 * Every upsert is a history event. Cases of revision 4 on (`domain/messages.ts`, PROCEDURE_REVISION) publish what
 * changed once per workflow task, after the calendar has answered, and nothing the start already set; cases begun
 * earlier replay their upserts as they were made, one per change.
 */
import type { SearchAttributePair, SearchAttributeType, SearchAttributeUpdatePair } from '@temporalio/common';
import { condition, setCurrentDetails, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';

import { applicantIdOf } from '../domain/case';
import {
  ApplicantId,
  CaseStage,
  FastTrack,
  HandlingBodyKey,
  HandlingLevel,
  NextDeadline,
  OutcomeKey,
  Overdue,
  ProvisionalDeadline,
  SituationKey,
} from '../domain/search-attributes';
import type { CalendarHold } from './calendar-hold';
import type { CaseData } from './case-data';
import { instant } from './clock';
import { caseSummary, nextOpenDeadline } from './view';

/** What the case tells the Web UI, and when. */
export interface Publisher {
  /** Every search attribute and the summary, as on a new run after continue-as-new. */
  all(): void;
  /** The case moved to the stage its data now holds. */
  stage(): void;
  /** The case's outcome was decided. */
  outcome(): void;
  /** NextDeadline, Overdue and ProvisionalDeadline changed with the case's deadlines. */
  deadlines(): void;
  /** Publishes what is pending now: before the case completes or continues as new. */
  flush(): void;
}

/** The publisher of a case: batched from revision 4 on, one upsert per change before. */
export function publisherFor(d: CaseData, batched: boolean, calendar: CalendarHold): Publisher {
  return batched ? new BatchedPublisher(d, calendar) : new ImmediatePublisher(d);
}

/** Every custom search attribute as the data holds it (revision 4 on: the immediate publisher never sets FastTrack). */
function attributes(d: CaseData): SearchAttributeUpdatePair[] {
  return [...codeAttributes(d), ...fastTrackAttribute(d), ...deadlineAttributes(d)];
}

/**
 * 快查快结 as the accepting officer established it, from acceptance on (a case officer is named only then): it goes
 * out in the upsert of the acceptance's stage change, so it costs no event of its own.
 */
function fastTrackAttribute(d: CaseData): SearchAttributeUpdatePair[] {
  return d.caseOfficer === undefined ? [] : [{ key: FastTrack, value: d.submission.fastTrack }];
}

/** The stage and the codes that find a case: body, situation, applicant, outcome. */
function codeAttributes(d: CaseData): SearchAttributeUpdatePair[] {
  const applicant = d.applicantKey ?? applicantIdOf(d.submission, d.submittedBy);
  return [
    { key: CaseStage, value: d.stage },
    { key: HandlingBodyKey, value: d.submission.handlingBody },
    { key: SituationKey, value: d.submission.situation },
    ...(applicant ? [{ key: ApplicantId, value: applicant }] : []),
    ...(d.outcome ? [{ key: OutcomeKey, value: d.outcome }] : []),
    // Set by the API at the start; published here only once a transfer (移送) has moved the case to another level.
    ...(d.handlingLevel ? [{ key: HandlingLevel, value: d.handlingLevel }] : []),
  ];
}

function deadlineAttributes(d: CaseData): SearchAttributeUpdatePair[] {
  const open = d.deadlines.filter((x) => x.status !== 'met');
  const next = nextOpenDeadline(d.deadlines);
  return [
    { key: NextDeadline, value: next?.dueAt ? instant(next.dueAt) : null },
    { key: Overdue, value: open.some((x) => x.status === 'overdue') },
    { key: ProvisionalDeadline, value: open.some((x) => x.provisional) },
  ];
}

/** Releases before revision 4: each change upserts at once, as their histories record. */
class ImmediatePublisher implements Publisher {
  constructor(private readonly d: CaseData) {}

  all(): void {
    upsertSearchAttributes(codeAttributes(this.d));
    this.deadlines();
  }

  stage(): void {
    upsertSearchAttributes([{ key: CaseStage, value: this.d.stage }]);
    setCurrentDetails(caseSummary(this.d));
  }

  outcome(): void {
    if (this.d.outcome) upsertSearchAttributes([{ key: OutcomeKey, value: this.d.outcome }]);
  }

  deadlines(): void {
    upsertSearchAttributes(deadlineAttributes(this.d));
    setCurrentDetails(caseSummary(this.d));
  }

  flush(): void {}
}

/**
 * Revision 4 on: changes mark the case dirty, and one upsert carries the difference between the data and the
 * attributes the server holds (the start's included) once no calendar answer is awaited.
 */
class BatchedPublisher implements Publisher {
  private dirty = false;

  constructor(
    private readonly d: CaseData,
    private readonly calendar: CalendarHold,
  ) {
    void this.run();
  }

  all(): void {
    this.mark();
  }

  stage(): void {
    this.mark();
  }

  outcome(): void {
    this.mark();
  }

  deadlines(): void {
    this.mark();
  }

  flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const held = workflowInfo().typedSearchAttributes;
    const changed = attributes(this.d).filter((p) => !sameValue(held.get(p.key as never), p.value));
    if (changed.length) upsertSearchAttributes(changed);
    setCurrentDetails(caseSummary(this.d));
  }

  private mark(): void {
    this.dirty = true;
  }

  /** Publishes at the end of the workflow task that made a change: conditions are checked after every handler. */
  private async run(): Promise<void> {
    for (;;) {
      await condition(() => this.dirty && !this.calendar.awaited);
      this.flush();
    }
  }
}

type Value = SearchAttributePair['value'] | SearchAttributeType | null | undefined;

/** The instant of a datetime attribute, compared by value (two Dates of one instant are the same attribute). */
function time(v: Value): number | undefined {
  return v !== null && typeof v === 'object' && 'getTime' in v ? v.getTime() : undefined;
}

function sameValue(held: Value, wanted: Value): boolean {
  const [a, b] = [time(held), time(wanted)];
  if (a !== undefined || b !== undefined) return a === b;
  return (held ?? null) === (wanted ?? null);
}
