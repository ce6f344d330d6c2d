/**
 * The register's activity: a case's projection written to the register (`register/`), an upsert that applies only
 * when its version is newer than the row's, so retries, replays and the scheduled fallback of a local attempt are
 * all harmless. The workflow calls it after each workflow task that changed the case (`workflows/projection.ts`).
 */
import type { CaseProjection } from '../domain/case-record';

/** Where projections go: the register (`CaseRegister`), in every worker. */
export interface ProjectionStore {
  /** Writes `projection` unless the same or a newer version is there; true when it was written. */
  project(projection: CaseProjection): Promise<boolean>;
}

export interface RegisterActivities {
  /** Writes the case's projection to the register (idempotent: keyed by case number and version). */
  projectCase(projection: CaseProjection): Promise<void>;
}

/** The register's activities over `store`. */
export function createRegisterActivities(store: ProjectionStore): RegisterActivities {
  return {
    async projectCase(projection) {
      await store.project(projection);
    },
  };
}
