/**
 * (二) 受理办理: accept or decline, the handling opinion within 5 working days, and leadership approval, which
 * starts the investigation, the rectification (约谈提醒、督促整改, `rectification.ts`) or an early exit.
 */
import { periodFor } from '../domain/periods';
import { ACCEPTANCE_TEXTS, closureText, exclusionText, REFUSALS } from '../domain/texts';
import type { CaseContext } from './context';
import { tellParty } from './delivery';
import { armDeadline, PERIODS, startTimelyPeriod, watchDeadline } from './deadlines';
import { conclude } from './conclusion';
import { dateOf, issueDocument } from './documents';
import type { StageEffects } from './procedure';
import type { AcceptanceDecision } from './messages';

export function acceptanceEffects(c: CaseContext) {
  return {
    updates: {
      decideAcceptance: {
        apply: async (decision) => {
          if (decision.decision === 'decline') {
            c.record('declined', ACCEPTANCE_TEXTS.declined(decision.reason), decision.actor);
            // Like every conclusion, the refusal reaches the party in writing, with its reason (release 0.4.0 on).
            if (c.current) {
              await tellParty(
                c,
                'declined',
                'declined',
                ACCEPTANCE_TEXTS.declinedNotice(c.caseNumber, decision.reason),
              );
            }
            if (c.revision5) {
              issueDocument(c, 'declineNotice', () => ({
                detail: { kind: 'declineNotice', submittedOn: dateOf(c, 'submitted'), reason: decision.reason },
              }));
            }
            c.moveTo('declined');
            return;
          }
          c.data.caseOfficer = decision.caseOfficer;
          const established = officeSetFields(decision);
          if (established) c.data.submission = { ...c.data.submission, ...established.fields };
          c.record(
            'accepted',
            ACCEPTANCE_TEXTS.accepted(decision.caseOfficer, established?.text ?? ''),
            decision.actor,
          );
          c.moveTo('handlingOpinion');
          if (c.revision5) {
            issueDocument(c, 'acceptanceNotice', () => ({
              detail: {
                kind: 'acceptanceNotice',
                submittedOn: dateOf(c, 'submitted'),
                caseOfficer: decision.caseOfficer,
              },
            }));
          }
          // 快查快结 shortens the period by local policy (domain/periods.ts), for cases of revision 4 on.
          await armDeadline(
            c,
            c.current ? periodFor('handlingOpinion', c.data.submission.fastTrack) : PERIODS.handlingOpinion,
          );
          watchDeadline(c, 'handlingOpinion');
        },
      },
      proposeHandlingOpinion: {
        apply: ({ actor, ...proposal }) => {
          const { caseNumber: _case, messageId: _id, ...opinion } = proposal;
          c.data.handlingOpinion = { ...opinion, approved: false };
          c.record(
            'handlingOpinionProposed',
            ACCEPTANCE_TEXTS.handlingOpinionProposed(proposal.route, proposal.opinion),
            actor,
          );
          c.moveTo('opinionApproval');
          return startTimelyPeriod(c, 'opinionApproval');
        },
        validate: (p) => {
          if (p.route === 'exclude' && !p.exclusionGround) c.invalid(REFUSALS.exclusionGround);
          if (p.route === 'closeDirectly' && !p.closureGround) c.invalid(REFUSALS.closureGround);
          if (p.route === 'rectification' && !p.fixWithinWorkingDays) c.invalid(REFUSALS.rectificationDays);
        },
      },
      reassign: {
        apply: ({ actor, caseOfficer, investigationTeam, reason }) => {
          const change = { previousOfficer: c.data.caseOfficer, caseOfficer, teamSize: investigationTeam?.length };
          if (caseOfficer) c.data.caseOfficer = caseOfficer;
          if (investigationTeam) c.data.investigationTeam = investigationTeam;
          c.record('reassigned', ACCEPTANCE_TEXTS.reassigned(change, reason), actor);
        },
        validate: ({ caseOfficer, investigationTeam }) => {
          if (!caseOfficer && !investigationTeam) c.invalid(REFUSALS.reassignmentTarget);
          if (investigationTeam && investigationTeam.length < 2) c.invalid(REFUSALS.teamSize);
          if (investigationTeam && !c.data.investigationTeam) c.invalid(REFUSALS.noTeamYet);
        },
      },
    },
    decisions: {
      // 呈领导审批: only an approved opinion starts the handling.
      approveHandlingOpinion: async (decision) => {
        const opinion = c.data.handlingOpinion;
        if (!opinion || !c.acceptsDecision('approveHandlingOpinion', decision)) return;
        if (!decision.approved) {
          c.data.handlingOpinion = undefined;
          c.record(
            'handlingOpinionSentBack',
            ACCEPTANCE_TEXTS.handlingOpinionSentBack(decision.comment),
            decision.actor,
          );
          c.moveTo('handlingOpinion');
          return startTimelyPeriod(c, 'reProposal');
        }
        c.data.handlingOpinion = { ...opinion, approved: true };
        c.data.route = opinion.route;
        c.record('handlingOpinionApproved', ACCEPTANCE_TEXTS.handlingOpinionApproved(opinion.route), decision.actor);
        if (c.revision5) {
          issueDocument(c, 'handlingOpinionForm', () => ({
            detail: {
              kind: 'handlingOpinionForm',
              acceptedOn: dateOf(c, 'accepted'),
              caseOfficer: c.data.caseOfficer ?? '',
              facts: c.data.submission.facts,
              opinion: opinion.opinion,
              route: opinion.route,
              approvedBy: decision.actor.id,
              comment: decision.comment,
            },
          }));
        }
        switch (opinion.route) {
          case 'investigate':
            c.moveTo('investigation');
            return startTimelyPeriod(c, 'teamForming');
          case 'exclude':
            c.record('excluded', exclusionText(opinion.exclusionGround, opinion.opinion, c.current), decision.actor);
            await conclude(c, 'excluded', { exclusionGround: opinion.exclusionGround });
            return;
          case 'closeDirectly':
            c.record('closedDirectly', closureText(opinion.closureGround, opinion.opinion), decision.actor);
            await conclude(c, 'closedDirectly', { closureGround: opinion.closureGround });
            return;
          case 'rectification':
            c.moveTo('rectification');
            // From release 0.4.0 the talk comes first, and its record sends the order and starts the period.
            if (c.current) return;
            c.data.rectificationOrdered = true;
            await tellParty(
              c,
              'rectification/order',
              'rectificationOrder',
              ACCEPTANCE_TEXTS.rectificationOrderBefore04(c.caseNumber, opinion.fixWithinWorkingDays),
            );
            await armDeadline(c, { ...PERIODS.rectification, workingDays: opinion.fixWithinWorkingDays ?? 1 });
            watchDeadline(c, 'rectification');
            return;
        }
      },
    },
  } satisfies StageEffects;
}

/** What the accepting officer establishes beyond the submission, and the words the timeline gives it. */
function officeSetFields(
  decision: AcceptanceDecision & { readonly decision: 'accept' },
): { fields: { fastTrack?: boolean; preFiling?: boolean }; text: string } | undefined {
  const fields = {
    ...(decision.fastTrack === undefined ? {} : { fastTrack: decision.fastTrack }),
    ...(decision.preFiling === undefined ? {} : { preFiling: decision.preFiling }),
  };
  if (Object.keys(fields).length === 0) return undefined;
  return { fields, text: ACCEPTANCE_TEXTS.officeSet(decision) };
}
