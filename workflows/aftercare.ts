/**
 * What officers record after a conclusion (回访教育, 快查快结 reply, 征求意见, 通报说明, 澄清正名, 诬告陷害线索移送 and
 * what the referral came to); each fulfils an obligation the conclusion left (`conclusion.ts`), and the case closes
 * when none is left.
 */
import { referralEnds } from '../domain/false-reports';
import { shanghaiDateOf } from '../domain/dates';
import { OUTCOME_NAMES, REFERRAL_OUTCOME_NAMES, STAGE_NAMES } from '../domain/labels';
import { afterConclusionDateProblem } from '../domain/meeting';
import { REFUSALS } from '../domain/texts';
import { shanghaiToday } from './clock';
import type { CaseContext } from './context';
import { fulfil } from './conclusion';
import { issueDocument, settledDocument } from './documents';
import { CLOSURE_NAMES, DIRECT_CLOSURE_GROUND_NAMES, EXCLUSION_GROUND_NAMES } from '../domain/labels';
import { reductionText } from '../domain/reduction';
import type { CaseData } from './case-data';
import type { StageEffects } from './procedure';

export function aftercareEffects(c: CaseContext) {
  return {
    updates: {
      recordFollowUpVisit: {
        apply: ({ actor, visitedOn, note }) => {
          c.data.followUpVisits.push({ visitedOn, note });
          c.record('followUpVisited', `开展回访教育（${visitedOn}）：${note}`, actor);
          if (c.revision5) {
            issueDocument(c, 'followUpRecord', () => ({
              detail: { kind: 'followUpRecord', visitedOn, note, conclusion: conclusionText(c.data) },
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
          const outcome = c.data.outcome ? `，结论：${OUTCOME_NAMES[c.data.outcome]}` : '';
          c.data.integrityReviewReplied = true;
          c.record(
            'integrityReviewReplied',
            `快查快结，回复党风廉政审核意见（案件处于“${STAGE_NAMES[c.stage]}”阶段${outcome}；${documentRef}）：${reply}`,
            actor,
          );
          fulfil(c, 'integrityReviewReply');
        },
      },
      recordConsultation: {
        apply: ({ actor, partyAgrees, note }) => {
          c.data.consultation = { partyAgrees, note };
          c.record('consulted', `充分征求本人意见：${partyAgrees ? '同意' : '不同意'}通报或澄清。${note}`, actor);
        },
      },
      announce: {
        apply: ({ actor, scope, form, documentRef }) => {
          c.data.announced = true;
          c.record('announced', `在${scope}范围内${form ? `以${form}形式` : ''}通报说明（${documentRef}）`, actor);
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
          c.record('announcementWaived', `不予通报说明：${reason}`, actor);
          fulfil(c, 'announcement');
        },
      },
      clearName: {
        apply: ({ actor, partyWishes, scope, method, documentRef }) => {
          c.data.nameCleared = partyWishes === 'clear';
          c.record(
            'nameClearing',
            partyWishes === 'clear'
              ? `在${scope ?? ''}范围内以${method ?? ''}方式澄清正名（${documentRef ?? ''}）`
              : '经征求本人意见，本人不要求澄清正名',
            actor,
          );
          if (c.revision5 && partyWishes === 'clear') {
            issueDocument(c, 'nameClearingLetter', () => ({
              detail: {
                kind: 'nameClearingLetter',
                scope: scope ?? '',
                method: method ?? '',
                closure: c.data.closure ?? 'decided',
                finding: clearingFinding(c.data),
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
          c.record(
            'falseReportRecorded',
            `诬告陷害线索（${reportRef}）已移送${referredTo}依纪依法处理：${note}`,
            actor,
          );
          // From release 0.4.0 the referral is followed to its end: the case waits for what became of it.
          if (c.current) c.data.openObligations.push('referralOutcome');
          fulfil(c, 'falseReportRecord');
        },
      },
      recordReferralOutcome: {
        apply: ({ actor, outcome, documentRef, note }) => {
          const doc = documentRef ? `（${documentRef}）` : '';
          c.record(
            'referralOutcomeRecorded',
            `移送的诬告陷害线索处理结果：${REFERRAL_OUTCOME_NAMES[outcome]}${doc}。${note}`,
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

/** How the case concluded, for the follow-up record: the decision with its terms, or the early exit. */
function conclusionText(d: CaseData): string {
  if (d.outcome) return `${OUTCOME_NAMES[d.outcome]}${reductionText(d.determination ?? {})}`;
  return CLOSURE_NAMES[d.closure ?? 'decided'];
}

/** Why the report against the official was wrong, in the seed's words, for the name-clearing letter. */
function clearingFinding(d: CaseData): string {
  const g = d.exitGrounds;
  if (d.closure === 'unfounded') return '查无实据';
  if (d.closure === 'excluded' && g?.exclusionGround) return `属${EXCLUSION_GROUND_NAMES[g.exclusionGround]}，予以排除`;
  if (d.closure === 'closedDirectly' && g?.closureGround) {
    return `${DIRECT_CLOSURE_GROUND_NAMES[g.closureGround]}，予以直接了结`;
  }
  return '不实';
}
