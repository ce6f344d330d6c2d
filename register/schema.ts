/**
 * The register's tables as Kysely sees them. One row per case: codes in plain columns for filtering and sorting,
 * and the whole record sealed (`record`), so that no name, identifier or fact is in clear in the database.
 */
import type { ColumnType, Generated } from 'kysely';

/** A `date` column: written and compared as `YYYY-MM-DD`; read back only through `to_char` (drivers differ). */
type DateColumn = ColumnType<string | null, string | null, string | null>;
/** A `timestamptz` column: written as an ISO instant, read back as a Date (both drivers). */
type Instant = ColumnType<Date, string, string>;

export interface RegisterTable {
  case_number: string;
  /** The case's projection counter: an upsert applies only when it is greater than the row's. */
  version: number;
  handling_body: string;
  /** The level in the organisation tree; cases begun before the tree hold the city's. */
  handling_level: string;
  unit_id: string | null;
  situation: string;
  stage: string;
  outcome: string | null;
  closure: string | null;
  /** 快查快结 as established at acceptance; null before (and on declined cases). */
  fast_track: boolean | null;
  overdue: boolean;
  provisional_deadline: boolean;
  next_deadline: ColumnType<Date | null, string | null, string | null>;
  submitted_at: Instant;
  accepted_on: DateColumn;
  decided_on: DateColumn;
  /** The year (Beijing) the case was submitted in. */
  year: number;
  /** The applicant's blind index (`ApplicantId`), for applications. */
  applicant_id: string | null;
  /** The party's blind index (`PartyId`) under the key current when projected. */
  party_id: string | null;
  /** False once the case is declined or closed: its workflow has completed. */
  running: boolean;
  /** The roles with an action open now, comma-delimited on both ends (`,caseOfficer,`); null on rows older than it. */
  open_roles: string | null;
  /** The id of the key that sealed `record`. */
  key_id: string;
  /** The whole `CaseState`, sealed with the case's body's key (`register/record-seal.ts`). */
  record: Uint8Array;
  projected_at: Generated<Date>;
}

export interface RegisterDatabase {
  register: RegisterTable;
}
