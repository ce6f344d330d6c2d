/**
 * The words the workbench shows, gathered from `domain/` at build time (vite.config.ts serves them as
 * `virtual:labels`); `src/labels.ts` gives them their type.
 */
import { SITUATIONS } from '../domain/case';
import {
  ACCEPTANCE_DECISION_NAMES,
  EARLY_EXIT_NAMES,
  HEARD_NAMES,
  LEANING_NAMES,
  LIABILITY_NAMES,
  NAME_CLEARING_WISH_NAMES,
  ORIGIN_NAMES,
  PARTY_KIND_NAMES,
} from '../domain/field-labels';
import {
  ASPECT_NAMES,
  CLOSURE_NAMES,
  DIRECT_CLOSURE_GROUND_NAMES,
  EXCLUSION_GROUND_NAMES,
  HANDLING_BODY_NAMES,
  HANDLING_ROUTE_NAMES,
  OUTCOME_NAMES,
  PAUSE_GROUND_NAMES,
  REFERRAL_OUTCOME_NAMES,
  SITUATION_NAMES,
  STAGE_NAMES,
} from '../domain/labels';
import { NEGATIVE_LIST } from '../domain/negative-list';
import { PHASE_NAMES, PHASE_OF_STAGE } from '../domain/phases';
import { ACTIONS } from '../domain/procedure';
import { REDUCTION_NAMES } from '../domain/reduction';
import { RESPONSIBILITY_NAMES } from '../domain/related-officials';
import { CONDITION_NAMES, SITUATION_CONDITIONS } from '../domain/situation-conditions';
import { ROLE_NAMES } from '../domain/texts';

const mapValues = <T, U>(o: Record<string, T>, f: (v: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

/** Every name the pages show, as plain JSON. */
export function workbenchLabels() {
  return {
    stages: STAGE_NAMES,
    phases: PHASE_NAMES,
    phaseOfStage: PHASE_OF_STAGE,
    situations: SITUATION_NAMES,
    situationOrder: SITUATIONS,
    situationConditions: mapValues(SITUATION_CONDITIONS as Record<string, Record<string, string>>, (c) => c),
    roles: ROLE_NAMES,
    handlingBodies: HANDLING_BODY_NAMES,
    outcomes: OUTCOME_NAMES,
    closures: CLOSURE_NAMES,
    actions: mapValues(ACTIONS as Record<string, { label: string }>, (a) => a.label),
    actionRoles: mapValues(ACTIONS as Record<string, { roles: readonly string[] }>, (a) => a.roles),
    // Choices of the request fields; a field's codes are named by the first list holding all of them.
    choices: [
      ACCEPTANCE_DECISION_NAMES,
      EARLY_EXIT_NAMES,
      NAME_CLEARING_WISH_NAMES,
      PARTY_KIND_NAMES,
      HEARD_NAMES,
      LEANING_NAMES,
      ORIGIN_NAMES,
      LIABILITY_NAMES,
      HANDLING_ROUTE_NAMES,
      EXCLUSION_GROUND_NAMES,
      DIRECT_CLOSURE_GROUND_NAMES,
      OUTCOME_NAMES,
      SITUATION_NAMES,
      HANDLING_BODY_NAMES,
      ASPECT_NAMES,
      mapValues(NEGATIVE_LIST as Record<string, { name: string }>, (i) => i.name),
      CONDITION_NAMES,
      PAUSE_GROUND_NAMES,
      REDUCTION_NAMES,
      RESPONSIBILITY_NAMES,
      REFERRAL_OUTCOME_NAMES,
    ] as Record<string, string>[],
  };
}

/** The shape of `virtual:labels`. */
export type WorkbenchLabels = ReturnType<typeof workbenchLabels>;
