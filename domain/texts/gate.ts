/**
 * What officers read when a message did not come through the case system: refused, recorded in the timeline for a
 * later 责任倒查 (…依纪依规依法进行责任倒查和问责处理), and never applied.
 */

/** Why a message or a start is foreign, and how its refusal reads. */
export const GATE_TEXTS = {
  /** A case start that did not come through the API. */
  foreignStart: (reason: string) => `未经办案系统提出的事项，已拒收：${reason}`,
  /** An officer's action that did not come through the API, as the refused update answers. */
  foreignUpdate: (reason: string) => `消息未经办案系统，已拒收：${reason}`,
  /** The timeline entry of a foreign message: the action, the identity it claimed (cut to 64 characters), why. */
  foreignRecorded: (action: string, claimedActorId: string | undefined, reason: string) =>
    `拒收未经办案系统的消息（${action}${claimedActorId === undefined ? '' : `，自称 ${claimedActorId.slice(0, 64)}`}）：${reason}，未予办理`,
  /** A leadership decision the gate did not accept (out of stage, wrong role or body), with the refusal. */
  decisionIgnored: (action: string, problem: string) => `未采纳的决定（${action}）：${problem}`,
  /** State carried over by continue-as-new that belongs to another case. */
  carriedStateForeign: '延续的案件状态不属于本案件',
  /** A start whose submission names another case number. */
  startOfAnotherCase: '事项不属于本案件编号',
  /** A message or start without its message id. */
  noMessageId: '消息缺少编号',
  /** A message without an actor. */
  malformed: '消息格式不符',
  /** A message bound to another case. */
  otherCase: '消息不属于本案件',
  /** A message already applied once. */
  alreadyApplied: '该消息已办理过',
} as const;
