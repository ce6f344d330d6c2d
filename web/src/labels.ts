/**
 * The Chinese names the pages show, taken from `domain/` when the bundle is built (`virtual:labels`), and the look-ups
 * the pages share.
 */
import labels from 'virtual:labels';

export { labels };

/** The Chinese name of a code among a field's choices: the first list that names every one of `codes`. */
export function choiceNames(codes: readonly string[]): Record<string, string> {
  return labels.choices.find((names) => codes.every((c) => Object.hasOwn(names, c))) ?? {};
}

/** A stage's name, or the code itself for a stage this build does not know. */
export const stageName = (stage: string | undefined): string =>
  stage ? ((labels.stages as Record<string, string>)[stage] ?? stage) : '';

/** A role's name. */
export const roleName = (role: string): string => (labels.roles as Record<string, string>)[role] ?? role;

/** An action's name (受理或不予受理, 领导审批拟办意见 …). */
export const actionName = (action: string): string => labels.actions[action] ?? action;

/** A situation's name. */
export const situationName = (s: string | undefined): string =>
  s ? ((labels.situations as Record<string, string>)[s] ?? s) : '';

/** A handling body's name. */
export const bodyName = (b: string | undefined): string =>
  b ? ((labels.handlingBodies as Record<string, string>)[b] ?? b) : '';

/** An outcome's name. */
export const outcomeName = (o: string | undefined): string =>
  o ? ((labels.outcomes as Record<string, string>)[o] ?? o) : '';
