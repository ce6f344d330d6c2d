/**
 * (一) 事项提出: how a case's start and its continuation read in the timeline. 容错事项由组织研判提出，也可由当事人向
 * 组织申请提出.
 */
import type { Origin } from '../case';

/** The timeline's words for a case's beginning and for a long case's continuation. */
export const SUBMISSION_TEXTS = {
  /** (一) 事项提出: who raised the matter (组织研判 or 当事人书面申请), and whether before any inquiry or fast-tracked. */
  submitted: (s: { readonly origin: Origin; readonly preFiling?: boolean; readonly fastTrack?: boolean }) =>
    `${s.origin === 'application' ? '当事人书面提出容错申请' : '组织研判提出容错事项'}${s.preFiling ? '（事前申请）' : ''}${s.fastTrack ? '（拟提拔重用干部，快查快结）' : ''}`,
  /** A case whose history grew long goes on in a new run with its whole state (no seed clause: the system's own). */
  continuedAsNew: '案件历史较长，已延续至新的运行，状态完整保留',
} as const;
