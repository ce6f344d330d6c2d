/**
 * What a case sees instead of a payload that was not sealed by the API or the worker. Only those two processes hold
 * the payload keys, so a payload that is not sealed with a known key, or is sealed for another case, did not come
 * through the API: the codec hands the workflow this mark in its place, and the workflow refuses the message and
 * records the attempt in the case's timeline, instead of failing on it (which would stall the case) or applying it.
 */

/** Why a payload was refused by the codec. */
export type UnsealedReason = 'plaintext' | 'forged' | 'anotherCase';

/** The value a refused payload decodes to. */
export interface UnsealedMark {
  readonly unsealedPayloadRefused: UnsealedReason;
  /**
   * The actor id a plaintext message claimed, at most 64 characters, kept only so that the refusal recorded in the
   * timeline shows who the attempt pretended to be; never taken as an actor.
   */
  readonly claimedActorId?: string;
}

/** True when `value` is the mark of a refused payload (or has one where a message should be). */
export function isUnsealed(value: unknown): value is UnsealedMark {
  return typeof value === 'object' && value !== null && 'unsealedPayloadRefused' in value;
}

/** The Chinese reason recorded in the timeline for a refused payload. */
export const UNSEALED_REASON_TEXT: Readonly<Record<UnsealedReason, string>> = {
  plaintext: '载荷未加密',
  forged: '载荷密文校验失败',
  anotherCase: '载荷属于其他案件',
};
