/**
 * The statutory periods of the procedure, each with the seed's clause and the stage it belongs to: a period is met
 * once the case has left its stage. The periods the seed leaves open are set by local policy, all in `LOCAL_POLICY`
 * below, with the basis of each.
 */
import type { Stage } from './case';

/**
 * Periods the seed does not fix, set by local policy in this one place (a change is a release of the procedure; a
 * case keeps the period it was given, since its deadline is computed once and kept in its history).
 *
 * - 快查快结 (fast track): the seed asks the problem clues of officials up for promotion to be checked and concluded
 *   quickly (对涉及拟提拔重用干部的问题线索快查快结) without naming days; locally every period below is shorter for
 *   them, so that the integrity review reply is not held up by the promotion it serves.
 * - 补充调查 (supplementary investigation): the seed has the meeting decide on the report; when it returns the case
 *   for more investigation, locally the investigation team has 15 working days to report again.
 * - 及时 (in good time): the seed asks that the handling opinion be approved, the investigation team formed, the case
 *   investigated, the report reviewed and the meeting convened 及时, and a sent-back opinion proposed again, without
 *   naming days; locally each has the working days of `TIMELY`, with the same reminder, overdue notice and escalation
 *   as a statutory deadline.
 */
export const LOCAL_POLICY = {
  supplementaryInvestigationWorkingDays: 15,
  timely: { opinionApproval: 3, teamForming: 3, investigation: 30, reportReview: 5, meeting: 10, reProposal: 3 },
  fastTrackWorkingDays: {
    handlingOpinion: 3,
    feedback: 3,
    supplementaryInvestigation: 10,
    opinionApproval: 2,
    teamForming: 2,
    investigation: 15,
    reportReview: 3,
    meeting: 5,
    reProposal: 2,
  },
} as const;

/** The steps the seed asks to be done 及时, in its words, each with where its period starts. */
const TIMELY_STEPS = {
  opinionApproval: '拟办意见呈报后及时审批',
  teamForming: '拟办意见批准调查后及时组建调查组',
  investigation: '调查组组建后及时调查核实并提交报告',
  reportReview: '调查核实报告提交后及时审核',
  meeting: '调查核实报告审核通过后及时召开领导班子会议研究认定',
  reProposal: '拟办意见被退回后及时重新提出',
} as const;

/** A step the seed asks to be done 及时. */
export type TimelyPeriod = keyof typeof TIMELY_STEPS;

const timely = (id: TimelyPeriod, stage: Stage, workingDays: number = LOCAL_POLICY.timely[id]) => ({
  id,
  clause: `${TIMELY_STEPS[id]}，${workingDays}个工作日内办理（本地规定）`,
  workingDays,
  stage,
});

/** The statutory periods of the procedure; each is met once the case has left the stage it belongs to. */
export const PERIODS = {
  handlingOpinion: {
    id: 'handlingOpinion',
    clause: '受理后5个工作日内提出拟办意见',
    workingDays: 5,
    stage: 'handlingOpinion',
  },
  rectification: { id: 'rectification', clause: '约谈提醒后限期整改到位', stage: 'rectification' },
  feedback: { id: 'feedback', clause: '作出容错决定后5个工作日内书面反馈', workingDays: 5, stage: 'feedback' },
  supplementaryInvestigation: {
    id: 'supplementaryInvestigation',
    clause: `领导班子会议退回补充调查，${LOCAL_POLICY.supplementaryInvestigationWorkingDays}个工作日内重新提交调查核实报告（本地规定）`,
    workingDays: LOCAL_POLICY.supplementaryInvestigationWorkingDays,
    stage: 'investigation',
  },
  opinionApproval: timely('opinionApproval', 'opinionApproval'),
  // Met once the team is formed, while the case stays in the investigation stage (`periodMet`).
  teamForming: timely('teamForming', 'investigation'),
  investigation: timely('investigation', 'investigation'),
  reportReview: timely('reportReview', 'reportReview'),
  meeting: timely('meeting', 'determination'),
  reProposal: timely('reProposal', 'handlingOpinion'),
} as const;

/** A period's id. */
export type PeriodId = keyof typeof PERIODS;

/** What a period's end depends on. */
export interface PeriodFacts {
  readonly stage: Stage;
  readonly investigationTeam?: readonly string[];
}

/** Whether the deadline `id` is met: the case has left the period's stage (forming the team: the team exists). */
export function periodMet(id: string, facts: PeriodFacts): boolean {
  if (!(id in PERIODS)) return false;
  if (id === 'teamForming' && facts.investigationTeam !== undefined) return true;
  return PERIODS[id as PeriodId].stage !== facts.stage;
}

/** The periods that fast track shortens. */
export type FastTrackPeriod = keyof typeof LOCAL_POLICY.fastTrackWorkingDays;

/** A period as a case is given it: shortened for a fast-track (快查快结) case by local policy. */
export function periodFor(
  id: FastTrackPeriod,
  fastTrack: boolean,
): { readonly id: string; readonly clause: string; readonly workingDays: number } {
  const period = PERIODS[id];
  if (!fastTrack) return period;
  const workingDays = LOCAL_POLICY.fastTrackWorkingDays[id];
  return { id, clause: FAST_TRACK_CLAUSES[id], workingDays };
}

/** The clause of a 及时 period shortened for a fast-track case. */
function fastTrackTimely(id: TimelyPeriod): string {
  return `快查快结：${TIMELY_STEPS[id]}，${LOCAL_POLICY.fastTrackWorkingDays[id]}个工作日内办理（本地规定）`;
}

const FAST_TRACK_CLAUSES: Readonly<Record<FastTrackPeriod, string>> = {
  handlingOpinion: `快查快结：受理后${LOCAL_POLICY.fastTrackWorkingDays.handlingOpinion}个工作日内提出拟办意见（本地规定）`,
  feedback: `快查快结：作出容错决定后${LOCAL_POLICY.fastTrackWorkingDays.feedback}个工作日内书面反馈（本地规定）`,
  supplementaryInvestigation: `快查快结：退回补充调查后${LOCAL_POLICY.fastTrackWorkingDays.supplementaryInvestigation}个工作日内重新提交调查核实报告（本地规定）`,
  opinionApproval: fastTrackTimely('opinionApproval'),
  teamForming: fastTrackTimely('teamForming'),
  investigation: fastTrackTimely('investigation'),
  reportReview: fastTrackTimely('reportReview'),
  meeting: fastTrackTimely('meeting'),
  reProposal: fastTrackTimely('reProposal'),
};
