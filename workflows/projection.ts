/**
 * The case's projection into the register (`register/`, issue 16): after every workflow task that changed the case,
 * its whole state goes out with the next version of a counter kept in its data, so that the register never takes a
 * row back whatever order retries arrive in.
 *
 * Release 0.5.0 brought it: cases begun on revision 5 always project; cases begun earlier project from their next
 * change on (the `register-projection` patch marks where), and replay what they ran before as they ran it.
 *
 * One scheduled activity per changing task, retried for as long as it takes, so an outage never holds the case's
 * workflow task open; changes made while one is out go out together in the next. The case completes only once its last projection is in, so a closed case stays readable from
 * the register after Temporal's retention removed it.
 */
import { condition } from '@temporalio/workflow';

import type { CaseProjection } from '../domain/case-record';
import { REGISTER_SCHEDULED } from './activities';
import type { CalendarHold } from './calendar-hold';
import type { CaseData } from './case-data';
import { caseView } from './view';

/** The patch (release 0.5.0) under which cases begun before revision 5 start projecting. */
export const REGISTER_PROJECTION_PATCH = 'register-projection';

/** What the projector asks of its case: whether 0.5.0's changes apply to it (`CaseContext.patched5`). */
export type Patched5 = (patchId: string) => boolean;

/** Runs a step the case must see finished before it continues as new (`Background.effect`). */
export type Effect = <T>(step: () => Promise<T>) => Promise<T>;

export class Projector {
  private dirty = false;
  private projecting = false;
  /** Set once the case has projected in this run: only then does its completion wait for the register. */
  private enabled = false;

  constructor(
    private readonly d: CaseData,
    private readonly level: string | undefined,
    private readonly patched5: Patched5,
    private readonly effect: Effect,
    private readonly calendar: CalendarHold,
  ) {
    void this.run();
  }

  /** The case changed in this task. */
  mark(): void {
    this.dirty = true;
  }

  /** The projection as it stands: what the next one would send, with the version of the last one made. */
  current(): CaseProjection {
    return {
      state: caseView(this.d),
      ...(this.levelNow() === undefined ? {} : { level: this.levelNow() }),
      version: this.d.registerVersion ?? 0,
    };
  }

  /** The case's level: moved by a transfer (移送), else its place, else what its start named. */
  private levelNow(): string | undefined {
    return this.d.handlingLevel ?? this.d.place?.level ?? this.level;
  }

  /** Waits until every change is in the register: before the case completes. No command on cases that never projected. */
  async settled(): Promise<void> {
    if (!this.enabled) return;
    await condition(() => !this.dirty && !this.projecting);
  }

  /** Projects at the end of each workflow task that made a change: conditions are checked after every handler. */
  private async run(): Promise<void> {
    for (;;) {
      await condition(() => this.dirty && !this.calendar.awaited);
      this.dirty = false;
      if (!this.patched5(REGISTER_PROJECTION_PATCH)) continue;
      this.enabled = true;
      await this.project();
    }
  }

  private async project(): Promise<void> {
    this.d.registerVersion = (this.d.registerVersion ?? 0) + 1;
    const projection = this.current();
    this.projecting = true;
    try {
      // A scheduled activity, not a local one: a local projection's marker could be matched on replay with a
      // calendar question's (the saved history of a sent-back opinion did not replay), whereas a scheduled one has
      // its command's place. It retries until the register answers, so an outage holds no action of the case.
      // An effect: the run does not continue as new while it is out, so its answer is not lost.
      await this.effect(() => REGISTER_SCHEDULED.projectCase(projection));
    } catch {
      // Only when the run is cancelled or ends: nothing left to project.
    } finally {
      this.projecting = false;
    }
  }
}
