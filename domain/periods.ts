/**
 * The statutory periods of the procedure, each with the seed's clause and the stage it belongs to: a period is met
 * once the case has left its stage.
 */
import type { Stage } from './case';

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
} as const;

/** A period's id. */
export type PeriodId = keyof typeof PERIODS;

/** Whether the deadline `id` is met once the case is at `stage`. */
export function periodMetAt(id: string, stage: Stage): boolean {
  return id in PERIODS && PERIODS[id as PeriodId].stage !== stage;
}
