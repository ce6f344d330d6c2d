/**
 * The statutory periods of the procedure, each with the seed's clause and the stage it belongs to: a period is met
 * once the case has left its stage. The periods the seed leaves open are set by local policy, all in `LOCAL_POLICY`
 * below, with the basis of each.
 */
import type { Stage } from './case';

/**
 * Periods the seed does not fix, set by local policy in this one place (a change is a release of the procedure,
 * since cases keep the period they were given).
 *
 * - 快查快结 (fast track): the seed asks the problem clues of officials up for promotion to be checked and concluded
 *   quickly (对涉及拟提拔重用干部的问题线索快查快结) without naming days; locally the handling opinion is due in 3
 *   working days instead of 5, the written feedback in 3 instead of 5, and a supplementary investigation in 10
 *   instead of 15, so that the integrity review reply is not held up by the promotion it serves.
 * - 补充调查 (supplementary investigation): the seed has the meeting decide on the report; when it returns the case
 *   for more investigation, locally the investigation team has 15 working days to report again.
 */
export const LOCAL_POLICY = {
  supplementaryInvestigationWorkingDays: 15,
  fastTrackWorkingDays: { handlingOpinion: 3, feedback: 3, supplementaryInvestigation: 10 },
} as const;

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
} as const;

/** A period's id. */
export type PeriodId = keyof typeof PERIODS;

/** Whether the deadline `id` is met once the case is at `stage`. */
export function periodMetAt(id: string, stage: Stage): boolean {
  return id in PERIODS && PERIODS[id as PeriodId].stage !== stage;
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

const FAST_TRACK_CLAUSES: Readonly<Record<FastTrackPeriod, string>> = {
  handlingOpinion: `快查快结：受理后${LOCAL_POLICY.fastTrackWorkingDays.handlingOpinion}个工作日内提出拟办意见（本地规定）`,
  feedback: `快查快结：作出容错决定后${LOCAL_POLICY.fastTrackWorkingDays.feedback}个工作日内书面反馈（本地规定）`,
  supplementaryInvestigation: `快查快结：退回补充调查后${LOCAL_POLICY.fastTrackWorkingDays.supplementaryInvestigation}个工作日内重新提交调查核实报告（本地规定）`,
};
