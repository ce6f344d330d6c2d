/** 分办: 党委（党组）可直接受理、分办和协调容错事项; how a hand-over reads in the timeline. */
import type { HandlingBody } from '../case';
import { HANDLING_BODY_NAMES } from '../labels';

/** The timeline's words for 分办. */
export const HAND_OVER_TEXTS = {
  /** The case moves from one handling body to another, with the reason. */
  handedOver: (from: HandlingBody, to: HandlingBody, reason: string) =>
    `分办：由${HANDLING_BODY_NAMES[from]}移交${HANDLING_BODY_NAMES[to]}办理。理由：${reason}`,
} as const;
