/**
 * What a case hands to the register (`register/`) after every workflow task that changed it: its whole state as
 * the query answers it, the level that handles it and a version that only grows, so that a late or repeated
 * projection never overwrites a newer one. The same record is what the register's rebuild asks each case for.
 */
import type { CaseState } from './case';

export interface CaseProjection {
  readonly state: CaseState;
  /** The case's level in the organisation tree (`HandlingLevel`); absent on cases begun before the tree: the city. */
  readonly level?: string;
  /** Bumped by the case for each projection it makes; 0 for a case that has made none yet. */
  readonly version: number;
}

/** The query every case answers with its projection as it stands (the register's rebuild asks it). */
export const CASE_PROJECTION_QUERY = 'caseProjection';
