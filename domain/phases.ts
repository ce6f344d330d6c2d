/**
 * The five parts of the procedure as the seed numbers them (办理程序 (一)–(五)), and the part each stage belongs to:
 * what the workbench shows as a case's progress.
 */
import type { Stage } from './case';

/** The seed's five parts, in order. */
export const PHASE_NAMES = ['事项提出', '受理办理', '调查核实', '研究认定', '反馈结论'] as const;

/** The part (index into `PHASE_NAMES`) each stage belongs to; a declined case ends in 受理办理. */
export const PHASE_OF_STAGE: Readonly<Record<Stage, number>> = {
  acceptance: 1,
  handlingOpinion: 1,
  opinionApproval: 1,
  rectification: 1,
  rectificationReview: 1,
  investigation: 2,
  reportReview: 2,
  determination: 3,
  feedback: 4,
  aftercare: 4,
  declined: 1,
  closed: 4,
};
