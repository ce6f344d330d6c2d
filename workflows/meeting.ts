/**
 * (四) 研究认定 beyond the decision itself: the leadership meeting may defer the matter to a later meeting, or return
 * the case for supplementary investigation (补充调查), after which a new report is needed. Each is the meeting's
 * record, delivered by its secretary as a signal; its dates are checked against the case's history first
 * (`domain/meeting.ts`), since a signal cannot be refused.
 */
import { lastInstantOf } from '../domain/dates';
import { meetingDateProblem } from '../domain/meeting';
import { periodFor } from '../domain/periods';
import { DETERMINATION_TEXTS, REFUSALS } from '../domain/texts';
import { shanghaiToday } from './clock';
import type { CaseContext } from './context';
import { armDeadline, watchDeadline } from './deadlines';
import type { StageEffects } from './procedure';
import type { Sent } from './messages';

/**
 * Whether the meeting's record may be applied: a message that did not come through the API is recorded as such,
 * and a record whose dates the case's history contradicts is recorded as ignored (revision 4 on; earlier cases
 * replay what they applied).
 */
export function meetingRecordStands(
  c: CaseContext,
  action: string,
  message: Sent,
  record: () => { readonly meetingDate: string; readonly problem?: string },
): boolean {
  const foreign = c.foreignReason(message, c.strictMessages());
  if (foreign) {
    c.recordForeign(action, message, foreign);
    return false;
  }
  // Only a message that came through the API has contents to look at.
  const { meetingDate, problem } = record();
  const wrong = problem ?? (c.current ? meetingDateProblem(meetingDate, shanghaiToday(), c.data.timeline) : undefined);
  if (wrong) {
    c.record('decisionIgnored', DETERMINATION_TEXTS.meetingRecordRejected(wrong), message.actor);
    return false;
  }
  return true;
}

export function meetingEffects(c: CaseContext) {
  return {
    updates: {},
    decisions: {
      deferDetermination: (message) => {
        const record = () => ({
          meetingDate: message.meetingDate,
          problem:
            message.deferredTo <= message.meetingDate
              ? REFUSALS.deferredToAfterMeeting(message.deferredTo, message.meetingDate)
              : undefined,
        });
        if (!meetingRecordStands(c, 'deferDetermination', message, record)) return;
        if (!c.acceptsDecision('deferDetermination', message)) return;
        const { meetingDate, deferredTo } = message;
        c.data.deferredTo = deferredTo;
        c.record(
          'determinationDeferred',
          DETERMINATION_TEXTS.deferred(meetingDate, deferredTo, message.minutesRef, message.reason),
          message.actor,
        );
      },
      orderSupplementaryInvestigation: async (message) => {
        if (!meetingRecordStands(c, 'orderSupplementaryInvestigation', message, () => message)) return;
        const { meetingDate } = message;
        if (!c.acceptsDecision('orderSupplementaryInvestigation', message)) return;
        c.data.report = undefined;
        c.data.deferredTo = undefined;
        c.record(
          'supplementaryInvestigationOrdered',
          DETERMINATION_TEXTS.supplementaryInvestigationOrdered(meetingDate, message.minutesRef, message.questions),
          message.actor,
        );
        c.moveTo('investigation');
        // The period runs from the meeting's date, like the feedback after a decision.
        const period = periodFor('supplementaryInvestigation', c.data.submission.fastTrack);
        await armDeadline(c, period, lastInstantOf(meetingDate));
        watchDeadline(c, 'supplementaryInvestigation');
      },
    },
  } satisfies StageEffects;
}
