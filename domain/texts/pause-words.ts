/** How a pause's ground and reason read in the timeline and in notices. */
import type { PauseGround } from '../case';
import { PAUSE_GROUND_NAMES } from '../labels';

/**
 * The ground's name with the reason written out, or the reason alone for a pause of a case begun before release
 * 0.4.0, which named no ground.
 */
export function pauseWords(p: { readonly ground?: PauseGround; readonly reason?: string }): string {
  const reason = p.reason?.trim() ?? '';
  if (!p.ground) return reason;
  return reason ? `${PAUSE_GROUND_NAMES[p.ground]}：${reason}` : PAUSE_GROUND_NAMES[p.ground];
}
