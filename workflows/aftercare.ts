/**
 * What officers record after a conclusion (回访教育, 快查快结 reply, 征求意见, 通报说明, 澄清正名, 诬告陷害线索移送 and
 * what the referral came to); each fulfils an obligation the conclusion left (`conclusion.ts`), and the case closes
 * when none is left.
 */
import { referralEnds } from '../domain/false-reports';
import { shanghaiDateOf } from '../domain/dates';
import { afterConclusionDateProblem } from '../domain/meeting';
import { AFTERCARE_TEXTS, DOCUMENT_TEXTS, REFUSALS } from '../domain/texts';
import { shanghaiToday } from './clock';
import type { CaseContext } from './context';
import { fulfil } from './conclusion';
import { issueDocument, settledDocument } from './documents';
import { reductionText } from '../domain/reduction';
import type { StageEffects } from './procedure';

export function aftercareEffects(c: CaseContext) {
  return {
    updates: {
      recordFollowUpVisit: {
        apply: ({ actor, visitedOn, note }) => {
          c.data.followUpVisits.push({ visitedOn, note });
          c.record('followUpVisited', AFTERCARE_TEXTS.followUpVisited(visitedOn, note), actor);
          if (c.revision5) {
            issueDocument(c, 'followUpRecord', () => ({
              detail: {
                kind: 'followUpRecord',
                visitedOn,
                note,
                conclusion: DOCUMENT_TEXTS.conclusion(
                  c.data.outcome,
                  reductionText(c.data.determination ?? {}),
                  c.data.closure,
                ),
              },
            }));
          }
          fulfil(c, 'followUpVisit');
        },
        // A visit is dated between the conclusion and today.
        validate: ({ visitedOn }) => {
          const concluded = c.data.decidedAt && shanghaiDateOf(c.data.decidedAt);
          const problem = afterConclusionDateProblem(visitedOn, shanghaiToday(), concluded);
          if (problem) c.invalid(problem);
        },
      },
      // Answered whenever the integrity review asks, with the case's status at that moment.
      replyIntegrityReview: {
        apply: ({ actor, reply, documentRef }) => {
          c.data.integrityReviewReplied = true;
          c.record(
            'integrityReviewReplied',
            AFTERCARE_TEXTS.integrityReviewReplied(c.stage, c.data.outcome, documentRef, reply),
            actor,
          );
          fulfil(c, 'integrityReviewReply');
        },
      },
      recordConsultation: {
        apply: ({ actor, partyAgrees, note }) => {
          c.data.consultation = { partyAgrees, note };
          c.record('consulted', AFTERCARE_TEXTS.consulted(partyAgrees, note), actor);
        },
      },
      announce: {
        apply: ({ actor, scope, form, documentRef }) => {
          c.data.announced = true;
          c.record('announced', AFTERCARE_TEXTS.announced(scope, form, documentRef), actor);
          if (c.revision5) {
            issueDocument(c, 'announcement', async () => {
              const decision = await settledDocument(c, 'decision');
              return {
                detail: {
                  kind: 'announcement',
                  scope,
                  ...(form ? { form } : {}),
                  outcome: c.data.outcome ?? 'refuse',
                  decidedOn: c.data.determination?.meetingDate ?? shanghaiDateOf(c.data.decidedAt ?? ''),
                  ...(decision ? { decisionNumber: decision.number } : {}),
                },
              };
            });
          }
          fulfil(c, 'announcement');
        },
      },
      waiveAnnouncement: {
        apply: ({ actor, reason }) => {
          c.record('announcementWaived', AFTERCARE_TEXTS.announcementWaived(reason), actor);
          fulfil(c, 'announcement');
        },
      },
      clearName: {
        apply: ({ actor, partyWishes, scope, method, documentRef }) => {
          c.data.nameCleared = partyWishes === 'clear';
          c.record(
            'nameClearing',
            partyWishes === 'clear'
              ? AFTERCARE_TEXTS.nameCleared(scope, method, documentRef)
              : AFTERCARE_TEXTS.nameClearingDeclined,
            actor,
          );
          if (c.revision5 && partyWishes === 'clear') {
            issueDocument(c, 'nameClearingLetter', () => ({
              detail: {
                kind: 'nameClearingLetter',
                scope: scope ?? '',
                method: method ?? '',
                closure: c.data.closure ?? 'decided',
                finding: DOCUMENT_TEXTS.clearingFinding(c.data.closure, c.data.exitGrounds),
              },
            }));
          }
          fulfil(c, 'nameClearing');
        },
        validate: (n) => {
          if (n.partyWishes === 'clear' && !c.data.consultation?.partyAgrees) {
            c.invalid(REFUSALS.nameClearingNotAgreed);
          }
          if (n.partyWishes === 'clear' && !(n.scope && n.method && n.documentRef)) {
            c.invalid(REFUSALS.nameClearingDetails);
          }
        },
      },
      recordFalseReport: {
        apply: ({ actor, reportRef, referredTo, note }) => {
          c.record('falseReportRecorded', AFTERCARE_TEXTS.falseReportRecorded(reportRef, referredTo, note), actor);
          // From release 0.4.0 the referral is followed to its end: the case waits for what became of it.
          if (c.current) c.data.openObligations.push('referralOutcome');
          fulfil(c, 'falseReportRecord');
        },
      },
      recordReferralOutcome: {
        apply: ({ actor, outcome, documentRef, note }) => {
          c.record(
            'referralOutcomeRecorded',
            AFTERCARE_TEXTS.referralOutcomeRecorded(outcome, documentRef, note),
            actor,
          );
          if (outcome === 'filed') c.data.referralFiled = true;
          if (referralEnds(outcome)) fulfil(c, 'referralOutcome');
        },
        validate: ({ outcome }) => {
          if (outcome === 'filed' && c.data.referralFiled) c.invalid(REFUSALS.referralAlreadyFiled);
          if (outcome === 'notFiled' && c.data.referralFiled) c.invalid(REFUSALS.referralFiledNotRefused);
        },
      },
    },
    decisions: {},
  } satisfies StageEffects;
}
