/**
 * The timeline's words for an early exit (排除, 直接了结, 查无实据), with its ground in the seed's words: the same
 * whether leadership approved it with the handling opinion or decided it during the investigation.
 */
import type { DirectClosureGround, ExclusionGround } from '../case';
import { isFalseAccusation } from '../false-reports';
import { DIRECT_CLOSURE_GROUND_NAMES, EXCLUSION_GROUND_NAMES } from '../labels';

/**
 * An exclusion and its ground; from release 0.4.0 (`current`) also whether it is 诬告陷害, whose report goes on for
 * pursuit, or 错告, whose does not (cases begun earlier referred every exclusion).
 */
export function exclusionText(ground: ExclusionGround | undefined, reason: string, current: boolean): string {
  const named = ground ? EXCLUSION_GROUND_NAMES[ground] : '未注明情形';
  const kind = !current || !ground ? '' : isFalseAccusation(ground) ? '，属诬告陷害，线索须移送查处' : '，属错告';
  return `排除（${named}${kind}）：${reason}`;
}

/** A direct closure and its ground. */
export function closureText(ground: DirectClosureGround | undefined, reason: string): string {
  return `直接了结（${ground ? DIRECT_CLOSURE_GROUND_NAMES[ground] : '未注明情形'}）：${reason}`;
}

/** 查无实据: the investigation found the report untrue. */
export function unfoundedText(reason: string): string {
  return `经调查核实，反映问题查无实据：${reason}`;
}
