/**
 * The register (台账): a read model of every case in a database built for queries, kept by the cases themselves
 * (each projects itself after every change, `activities/register.ts`), rebuildable from Temporal at any time
 * (`tools/register.ts`). It answers what Temporal's visibility cannot: lists by person, unit, level and dates,
 * sorted and paged, and a case's whole record after the namespace's retention has removed its history.
 */
import type { Expression, ExpressionBuilder, Kysely, SelectQueryBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';

import type { PayloadKeys } from '../codec/keys';
import { ApplicantIndex, PartyIndex } from '../codec/blind-index';
import type { PayloadCipher } from '../codec/ciphers';
import type { CaseState, HandlingBody, Outcome, Situation, Stage } from '../domain/case';
import type { CaseProjection } from '../domain/case-record';
import type { CaseRecord } from '../domain/statistics';
import type { RegisterDb, RegisterLocation } from './database';
import { openRegisterDatabase } from './database';
import { RecordSeal } from './record-seal';
import type { PeopleIndexes, RegisterColumns } from './row';
import { registerColumns } from './row';
import type { RegisterDatabase } from './schema';
import type { RegisterFilters, RegisterScope, RegisterSort } from './scope';
import { DEFAULT_SORT } from './scope';

/** One case as a list shows it: codes only. */
export interface RegisterListItem {
  readonly caseNumber: string;
  readonly stage: Stage;
  readonly handlingBody: HandlingBody;
  /** The level handling the case (`HandlingLevel`): the workbench parts 待办 from 督办 by it. */
  readonly level: string;
  readonly situation: Situation;
  readonly outcome?: Outcome;
  readonly nextDeadline?: string;
  readonly overdue: boolean;
  readonly provisionalDeadline: boolean;
  readonly fastTrack?: boolean;
  readonly running: boolean;
}

/** Where a page ends: the last row's sort key and case number; the next page starts after it. */
export interface PagePosition {
  readonly key: string;
  readonly caseNumber: string;
}

export interface RegisterPage {
  readonly items: readonly RegisterListItem[];
  readonly total: number;
  /** Present when more rows may follow. */
  readonly next?: PagePosition;
}

/** The authorisation fields of a case as the register holds them (`CaseScope` of `api/auth/policy.ts`). */
export interface RegisterCaseScope {
  readonly handlingBody: HandlingBody;
  readonly applicantId?: string;
  readonly level: string;
}

type Db = Kysely<RegisterDatabase>;
type Eb = ExpressionBuilder<RegisterDatabase, 'register'>;

/** The sort expression of each order, nulls mapped past either end so that they come last both ways. */
function sortExpression(sort: RegisterSort): { readonly expr: Expression<unknown>; readonly desc: boolean } {
  const desc = sort.startsWith('-');
  const end = desc ? sql.lit('-infinity') : sql.lit('infinity');
  const field = sort.replace('-', '');
  const expr =
    field === 'caseNumber'
      ? sql`case_number`
      : field === 'submittedAt'
        ? sql`submitted_at`
        : field === 'nextDeadline'
          ? sql`coalesce(next_deadline, ${end}::timestamptz)`
          : field === 'acceptedOn'
            ? sql`coalesce(accepted_on, ${end}::date)`
            : sql`coalesce(decided_on, ${end}::date)`;
  return { expr, desc };
}

/** The SQL type a cursor's key is read back as, for the keyset comparison. */
function keyType(sort: RegisterSort) {
  const field = sort.replace('-', '');
  if (field === 'caseNumber') return sql`text`;
  if (field === 'acceptedOn' || field === 'decidedOn') return sql`date`;
  return sql`timestamptz`;
}

function scopeCondition(eb: Eb, scope: RegisterScope): Expression<SqlBool> {
  if (scope.kind === 'all') return sql<boolean>`true`;
  if (scope.kind === 'applicant') {
    return scope.applicantIds.length ? eb('applicant_id', 'in', [...scope.applicantIds]) : sql<boolean>`false`;
  }
  const terms: Expression<SqlBool>[] = [eb('handling_body', '=', scope.handlingBody)];
  if (scope.levels) {
    terms.push(scope.levels.length ? eb('handling_level', 'in', [...scope.levels]) : sql<boolean>`false`);
  }
  return eb.and(terms);
}

function filterConditions(eb: Eb, f: RegisterFilters): Expression<SqlBool>[] {
  const terms: Expression<SqlBool>[] = [];
  if (f.stage) terms.push(eb('stage', '=', f.stage));
  if (f.handlingBody) terms.push(eb('handling_body', '=', f.handlingBody));
  if (f.level) terms.push(eb('handling_level', '=', f.level));
  if (f.unitId) terms.push(eb('unit_id', '=', f.unitId));
  if (f.situation) terms.push(eb('situation', '=', f.situation));
  if (f.outcome) terms.push(eb('outcome', '=', f.outcome));
  if (f.fastTrack !== undefined) terms.push(eb('fast_track', '=', f.fastTrack));
  if (f.overdue !== undefined) terms.push(eb('overdue', '=', f.overdue));
  if (f.dueBefore) terms.push(eb('next_deadline', '<', new Date(f.dueBefore)));
  if (f.decidedFrom) terms.push(eb('decided_on', '>=', f.decidedFrom));
  if (f.decidedTo) terms.push(eb('decided_on', '<=', f.decidedTo));
  if (f.year !== undefined) terms.push(eb('year', '=', f.year));
  if (f.partyKeys) terms.push(f.partyKeys.length ? eb('party_id', 'in', [...f.partyKeys]) : sql<boolean>`false`);
  if (f.openTo) terms.push(eb.or([eb('open_roles', 'is', null), eb('open_roles', 'like', `%,${f.openTo},%`)]));
  return terms;
}

function listItem(r: {
  case_number: string;
  stage: string;
  handling_body: string;
  handling_level: string;
  situation: string;
  outcome: string | null;
  next_deadline: Date | null;
  overdue: boolean;
  provisional_deadline: boolean;
  fast_track: boolean | null;
  running: boolean;
}): RegisterListItem {
  return {
    caseNumber: r.case_number,
    stage: r.stage as Stage,
    handlingBody: r.handling_body as HandlingBody,
    level: r.handling_level,
    situation: r.situation as Situation,
    ...(r.outcome ? { outcome: r.outcome as Outcome } : {}),
    ...(r.next_deadline ? { nextDeadline: new Date(r.next_deadline).toISOString() } : {}),
    overdue: r.overdue,
    provisionalDeadline: r.provisional_deadline,
    ...(r.fast_track === null ? {} : { fastTrack: r.fast_track }),
    running: r.running,
  };
}

export class CaseRegister {
  private readonly seal: RecordSeal;
  private readonly indexes: PeopleIndexes;

  constructor(
    private readonly db: Db,
    keys: PayloadKeys,
    cipher?: PayloadCipher,
  ) {
    this.seal = new RecordSeal(keys, cipher);
    this.indexes = { applicants: new ApplicantIndex(keys), parties: new PartyIndex(keys) };
  }

  /** The plain columns a projection becomes (the rebuild and the check compare by them). */
  columns(p: CaseProjection): RegisterColumns {
    return registerColumns(p, this.indexes);
  }

  /**
   * Writes a case's projection unless the register holds a newer version: a replayed or late projection never takes
   * a row back. The same version is written again: a workflow task lost after its projection ran (its worker died
   * before completing it) is retried with the same version and the state that history keeps, which must replace
   * the state of the lost attempt. True when the row was written.
   */
  async project(p: CaseProjection): Promise<boolean> {
    const columns = this.columns(p);
    const { record, keyId } = await this.seal.seal(p.state);
    const row = { ...columns, record, key_id: keyId };
    const { case_number: _key, ...changes } = row;
    const result = await this.db
      .insertInto('register')
      .values(row)
      .onConflict((oc) =>
        oc
          .column('case_number')
          .doUpdateSet({ ...changes, projected_at: sql`now()` })
          .where('register.version', '<=', (eb) => eb.ref('excluded.version')),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  /** The version the register holds for a case, or undefined. */
  async version(caseNumber: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('register')
      .select('version')
      .where('case_number', '=', caseNumber)
      .executeTakeFirst();
    return row?.version;
  }

  /** A case's authorisation fields and its whole record, opened; undefined when the register has no such case. */
  async read(caseNumber: string): Promise<{ scope: RegisterCaseScope; state: CaseState } | undefined> {
    const row = await this.db
      .selectFrom('register')
      .select(['handling_body', 'handling_level', 'applicant_id', 'record'])
      .where('case_number', '=', caseNumber)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      scope: {
        handlingBody: row.handling_body as HandlingBody,
        level: row.handling_level,
        ...(row.applicant_id ? { applicantId: row.applicant_id } : {}),
      },
      state: await this.seal.open(caseNumber, row.record),
    };
  }

  /** One page of the cases `scope` may see that match `filters`, in `sort` order, after `after`. */
  async list(
    scope: RegisterScope,
    filters: RegisterFilters,
    page: { readonly limit: number; readonly sort?: RegisterSort; readonly after?: PagePosition },
  ): Promise<RegisterPage> {
    const sort = page.sort ?? DEFAULT_SORT;
    const { expr, desc } = sortExpression(sort);
    const matching = <O>(q: SelectQueryBuilder<RegisterDatabase, 'register', O>) =>
      q.where((eb) => eb.and([scopeCondition(eb, scope), ...filterConditions(eb, filters)]));
    let query = matching(this.db.selectFrom('register'))
      .select([
        'case_number',
        'stage',
        'handling_body',
        'handling_level',
        'situation',
        'outcome',
        'next_deadline',
        'overdue',
        'provisional_deadline',
        'fast_track',
        'running',
        sql<string>`(${expr})::text`.as('sort_key'),
      ])
      .orderBy(expr, desc ? 'desc' : 'asc')
      .orderBy('case_number', desc ? 'desc' : 'asc')
      .limit(page.limit + 1);
    if (page.after) {
      const { key, caseNumber } = page.after;
      const after = sql<boolean>`(${expr}, case_number) ${sql.raw(desc ? '<' : '>')} (cast(${key} as ${keyType(sort)}), ${caseNumber})`;
      query = query.where(after);
    }
    const rows = await query.execute();
    const { total } = await matching(this.db.selectFrom('register'))
      .select((eb) => eb.fn.countAll<string>().as('total'))
      .executeTakeFirstOrThrow();
    const shown = rows.slice(0, page.limit);
    const last = shown.at(-1);
    return {
      items: shown.map(listItem),
      total: Number(total),
      ...(rows.length > page.limit && last ? { next: { key: last.sort_key, caseNumber: last.case_number } } : {}),
    };
  }

  /**
   * Every case `scope` may see, whole and opened, with the level it is handled at, in case-number order, read a page
   * at a time: the statistics' and the export's `CaseRecordSource` (`api/statistics/source.ts`).
   */
  async *records(scope: RegisterScope): AsyncIterable<CaseRecord> {
    let after: string | undefined;
    for (;;) {
      let query = this.db
        .selectFrom('register')
        .select(['case_number', 'handling_level', 'record'])
        .where((eb) => scopeCondition(eb, scope))
        .orderBy('case_number')
        .limit(200);
      if (after !== undefined) query = query.where('case_number', '>', after);
      const rows = await query.execute();
      for (const row of rows)
        yield { ...(await this.seal.open(row.case_number, row.record)), level: row.handling_level };
      if (rows.length < 200) return;
      after = rows.at(-1)?.case_number;
    }
  }

  /** Every row's case number, version and stage: what the check compares with Temporal's visibility. */
  async summary(): Promise<{ caseNumber: string; version: number; stage: string; running: boolean }[]> {
    const rows = await this.db
      .selectFrom('register')
      .select(['case_number', 'version', 'stage', 'running'])
      .orderBy('case_number')
      .execute();
    return rows.map((r) => ({ caseNumber: r.case_number, version: r.version, stage: r.stage, running: r.running }));
  }

  /** True when the register holds no case: new, or removed to be rebuilt. */
  async isEmpty(): Promise<boolean> {
    const row = await this.db.selectFrom('register').select('case_number').limit(1).executeTakeFirst();
    return row === undefined;
  }

  /** Removes every row: a rebuild from nothing. */
  async clear(): Promise<void> {
    await this.db.deleteFrom('register').execute();
  }

  /** Removes the rows of these cases: a rebuild's first step for the cases it rewrites. */
  async remove(caseNumbers: readonly string[]): Promise<void> {
    for (let i = 0; i < caseNumbers.length; i += 500) {
      await this.db
        .deleteFrom('register')
        .where('case_number', 'in', caseNumbers.slice(i, i + 500))
        .execute();
    }
  }
}

/** A register and what closes it. */
export interface OpenRegister {
  readonly register: CaseRegister;
  readonly database: RegisterDb;
  close(): Promise<void>;
}

/** Opens (and migrates) the register at `location`, sealing with `keys`. */
export async function openRegister(
  location: RegisterLocation,
  keys: PayloadKeys,
  cipher?: PayloadCipher,
): Promise<OpenRegister> {
  const database = await openRegisterDatabase(location);
  return { register: new CaseRegister(database.db, keys, cipher), database, close: () => database.close() };
}
