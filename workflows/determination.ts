/**
 * (四) 研究认定 and (五) 反馈结论: the leadership meeting decides collectively; written feedback reaches the
 * official and their unit within 5 working days of the decision.
 */
import { lastInstantOf } from '../domain/dates';
import { determinationProblems } from '../domain/determination';
import { reductionText } from '../domain/reduction';
import { clearedText } from '../domain/related-officials';
import { determinationBar } from '../domain/tolerance';
import { periodFor } from '../domain/periods';
import { DETERMINATION_TEXTS } from '../domain/texts';

import { conclude, owedAfterDecision, startDecisionEffects } from './conclusion';
import type { CaseContext } from './context';
import type { StageEffects } from './procedure';
import { tellParty } from './delivery';
import { workflowNow } from './clock';
import { armDeadline, PERIODS, watchDeadline } from './deadlines';
import { meetingRecordStands } from './meeting';
import { issueDocument, settledDocument } from './documents';

export function determinationEffects(c: CaseContext) {
  return {
    updates: {
      deliverFeedback: {
        apply: async ({ actor, documentRef }) => {
          const outcome = c.data.outcome ?? 'refuse';
          const terms = reductionText(c.data.determination ?? {});
          await tellParty(
            c,
            'feedback',
            'feedback',
            DETERMINATION_TEXTS.feedbackNotice(c.caseNumber, outcome, terms, documentRef),
          );
          c.record('feedbackDelivered', DETERMINATION_TEXTS.feedbackDelivered(documentRef), actor);
          const determination = c.data.determination;
          if (c.revision5 && determination) {
            issueDocument(c, 'feedbackLetter', async () => {
              const decision = await settledDocument(c, 'decision');
              return {
                detail: {
                  kind: 'feedbackLetter',
                  determination,
                  ...(decision ? { decisionNumber: decision.number } : {}),
                },
              };
            });
          }
          await conclude(c, 'decided');
        },
      },
    },
    decisions: {
      recordDetermination: async (message) => {
        // A message that did not come through the API is refused before its contents are looked at; then a record
        // that cannot stand as a collective decision, or whose date the case's history contradicts, is ignored.
        const record = () => ({
          meetingDate: message.determination.meetingDate,
          problem: determinationProblems(message.determination)[0]?.message,
        });
        if (!meetingRecordStands(c, 'recordDetermination', message, record)) return;
        const { actor, determination } = message;
        // 不该容的坚决不容, for cases of release 0.4.0 on (earlier ones replay decisions that named no report). Checked,
        // like the quorum, before the decision counts as applied; a decision out of stage or repeated is left to the
        // gate, which records why.
        const bar =
          c.current && c.stage === 'determination' && !c.data.decisionIds.includes(message.decisionId)
            ? determinationBar(determination, c.data)
            : undefined;
        if (bar) {
          c.record('decisionIgnored', DETERMINATION_TEXTS.determinationBarred(bar), actor);
          return;
        }
        if (!c.acceptsDecision('recordDetermination', message)) return;
        c.data.determination = determination;
        c.data.outcome = determination.outcome;
        // Revision 4 on, the decision dates from the meeting, not from when its secretary recorded it: the feedback
        // period and the impact period count from the meeting's date (its day not counted).
        c.data.decidedAt = c.current ? lastInstantOf(determination.meetingDate) : workflowNow().toISOString();
        c.data.deferredTo = undefined;
        c.data.openObligations = owedAfterDecision(c);
        c.markOutcome();
        c.record('determined', DETERMINATION_TEXTS.determined(determination, reductionText(determination)), actor);
        for (const official of determination.relatedOfficials ?? []) {
          c.record('responsibilityCleared', DETERMINATION_TEXTS.responsibilityCleared(clearedText(official)), actor);
        }
        c.moveTo('feedback');
        // Before the archive entries start: each files the decision's number and hash (`conclusion.ts`).
        if (c.revision5) {
          issueDocument(c, 'decision', async () => {
            const report = await settledDocument(c, 'investigationReport');
            return {
              detail: {
                kind: 'decision',
                facts: c.data.submission.facts,
                determination,
                ...(report ? { reportNumber: report.number } : {}),
              },
            };
          });
        }
        startDecisionEffects(c);
        if (c.current) await armDeadline(c, periodFor('feedback', c.data.submission.fastTrack), c.data.decidedAt);
        else await armDeadline(c, PERIODS.feedback);
        watchDeadline(c, 'feedback');
      },
    },
  } satisfies StageEffects;
}
