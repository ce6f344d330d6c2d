/**
 * (二) 受理办理: accept or decline, the handling opinion within 5 working days, leadership approval, and the
 * rectification path for a minor, fixable error (约谈提醒、督促整改).
 */
import { periodFor } from '../domain/periods';
import { REFUSALS } from '../domain/texts';
import type { CaseContext } from './context';
import { sendNotice } from './delivery';
import { armDeadline, PERIODS, watchDeadline } from './deadlines';
import { conclude } from './conclusion';
import type { StageEffects } from './procedure';
import type { AcceptanceDecision } from './messages';

const ROUTE_NAMES = {
  investigate: '启动调查核实',
  rectification: '约谈提醒、督促整改',
  exclude: '排除',
  closeDirectly: '直接了结',
};

export function acceptanceEffects(c: CaseContext) {
  return {
    updates: {
      decideAcceptance: {
        apply: async (decision) => {
          if (decision.decision === 'decline') {
            c.record('declined', `不予受理：${decision.reason}`, decision.actor);
            c.moveTo('declined');
            return;
          }
          c.data.caseOfficer = decision.caseOfficer;
          const established = officeSetFields(decision);
          if (established) c.data.submission = { ...c.data.submission, ...established.fields };
          c.record('accepted', `已受理，承办人：${decision.caseOfficer}${established?.text ?? ''}`, decision.actor);
          c.moveTo('handlingOpinion');
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
            `提出拟办意见（${ROUTE_NAMES[proposal.route]}）：${proposal.opinion}`,
            actor,
          );
          c.moveTo('opinionApproval');
        },
        validate: (p) => {
          if (p.route === 'exclude' && !p.exclusionGround) c.invalid(REFUSALS.exclusionGround);
          if (p.route === 'closeDirectly' && !p.closureGround) c.invalid(REFUSALS.closureGround);
          if (p.route === 'rectification' && !p.fixWithinWorkingDays) c.invalid(REFUSALS.rectificationDays);
        },
      },
      reassign: {
        apply: ({ actor, caseOfficer, investigationTeam, reason }) => {
          const changes = [
            ...(caseOfficer ? [`承办人由 ${c.data.caseOfficer ?? '（未指定）'} 改为 ${caseOfficer}`] : []),
            ...(investigationTeam ? [`调查组调整为 ${investigationTeam.length} 人`] : []),
          ];
          if (caseOfficer) c.data.caseOfficer = caseOfficer;
          if (investigationTeam) c.data.investigationTeam = investigationTeam;
          c.record('reassigned', `领导重新指定：${changes.join('；')}。理由：${reason}`, actor);
        },
        validate: ({ caseOfficer, investigationTeam }) => {
          if (!caseOfficer && !investigationTeam) c.invalid(REFUSALS.reassignmentTarget);
          if (investigationTeam && investigationTeam.length < 2) c.invalid(REFUSALS.teamSize);
          if (investigationTeam && !c.data.investigationTeam) c.invalid(REFUSALS.noTeamYet);
        },
      },
      // 整改及时到位的不予追责问责; not fixed goes on to investigation.
      verifyRectification: {
        apply: async ({ actor, fixed, note }) => {
          if (fixed) {
            c.record('rectified', `整改及时到位，不予追责：${note}`, actor);
            await conclude(c, 'rectified');
          } else {
            c.record('rectificationFailed', `整改未到位，转入调查核实：${note}`, actor);
            c.moveTo('investigation');
          }
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
          c.record('handlingOpinionSentBack', `拟办意见被退回：${decision.comment}`, decision.actor);
          c.moveTo('handlingOpinion');
          return;
        }
        c.data.handlingOpinion = { ...opinion, approved: true };
        c.data.route = opinion.route;
        c.record('handlingOpinionApproved', `领导审批同意拟办意见：${ROUTE_NAMES[opinion.route]}`, decision.actor);
        switch (opinion.route) {
          case 'investigate':
            c.moveTo('investigation');
            return;
          case 'exclude':
            c.record('excluded', `排除（${opinion.exclusionGround}）：${opinion.opinion}`, decision.actor);
            await conclude(c, 'excluded');
            return;
          case 'closeDirectly':
            c.record('closedDirectly', `直接了结（${opinion.closureGround}）：${opinion.opinion}`, decision.actor);
            await conclude(c, 'closedDirectly');
            return;
          case 'rectification':
            c.moveTo('rectification');
            await c.bg.effect(() =>
              sendNotice(c, {
                key: `${c.caseNumber}/rectification/order`,
                caseNumber: c.caseNumber,
                kind: 'rectificationOrder',
                recipients: ['party', 'partyUnit'],
                text: `案件 ${c.caseNumber}：经约谈提醒，请于 ${opinion.fixWithinWorkingDays} 个工作日内整改到位。`,
              }),
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
  const words = [
    ...(decision.preFiling ? ['认定为事前申请'] : []),
    ...(decision.fastTrack ? ['涉及拟提拔重用干部，快查快结'] : []),
  ];
  return { fields, text: words.length ? `；${words.join('；')}` : '' };
}
