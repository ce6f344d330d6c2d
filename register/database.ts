/**
 * Opens the register's database: the PostgreSQL server at REGISTER_DATABASE_URL when one is configured, else an
 * embedded PGlite (PostgreSQL in WebAssembly) persisted in a directory, or in memory for tests. Both speak the same
 * SQL through the same Kysely queries; the migrations of `register/migrations/` are applied before it is used.
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

import { REGISTER_MIGRATIONS } from './migrations';
import { PGliteDialect } from './pglite-dialect';
import type { RegisterDatabase } from './schema';

/** Where the register lives. */
export type RegisterLocation =
  | { readonly kind: 'postgres'; readonly url: string; readonly password?: string }
  /**
   * An embedded PGlite in `dir`, or in memory when `dir` is absent; `from`, a data directory PGlite dumped
   * (`dumpDataDir`), is started from instead of running initdb, which takes seconds (tests start many registers).
   */
  | { readonly kind: 'pglite'; readonly dir?: string; readonly from?: Blob };

/** An open register database; `close()` ends its pool or closes the embedded instance. */
export interface RegisterDb {
  readonly db: Kysely<RegisterDatabase>;
  close(): Promise<void>;
}

/** Opens the database at `location` and brings its schema up to date. */
export async function openRegisterDatabase(location: RegisterLocation): Promise<RegisterDb> {
  let db: Kysely<RegisterDatabase>;
  let closeMore: () => Promise<void> = () => Promise.resolve();
  if (location.kind === 'postgres') {
    // pg lets the connection string's fields override the others, a missing password included, so the password
    // goes into the URL (percent-encoded there, whatever characters it holds).
    const url = new URL(location.url);
    if (location.password) url.password = encodeURIComponent(location.password);
    const pool = new Pool({ connectionString: url.toString(), max: 5 });
    db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  } else {
    const pglite = await PGlite.create({
      ...(location.dir === undefined ? {} : { dataDir: location.dir }),
      ...(location.from === undefined ? {} : { loadDataDir: location.from }),
    });
    db = new Kysely({ dialect: new PGliteDialect(pglite) });
    closeMore = () => pglite.close();
  }
  try {
    await migrateRegister(db);
  } catch (err) {
    await db.destroy();
    await closeMore();
    throw err;
  }
  return {
    db,
    close: async () => {
      await db.destroy();
      await closeMore();
    },
  };
}

/** Applies every migration not yet applied; a failed one stops start-up with its name. */
export async function migrateRegister(db: Kysely<RegisterDatabase>): Promise<void> {
  const migrator = new Migrator({ db, provider: REGISTER_MIGRATIONS });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new Error(`register: migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
