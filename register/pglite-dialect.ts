/**
 * A Kysely dialect over an embedded PGlite: PostgreSQL's own adapter, query compiler and introspector (PGlite is
 * PostgreSQL compiled to WebAssembly, so the SQL is the server's), and a driver of a few lines, since PGlite is one
 * connection in this process. Queries take turns on it: a transaction holds it until it commits or rolls back.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { DatabaseConnection, Dialect, Driver, QueryResult } from 'kysely';
import { CompiledQuery, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly db: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.db.query<R>(query.sql, [...query.parameters]);
    const affected = result.affectedRows;
    const changes = query.query.kind !== 'SelectQueryNode' && affected !== undefined;
    return { rows: result.rows, ...(changes ? { numAffectedRows: BigInt(affected) } : {}) };
  }

  // eslint-disable-next-line require-yield -- the interface asks for a generator; PGlite has no cursor to stream from
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite: streaming queries are not supported; page with keyset queries instead');
  }
}

/** One connection, handed to one query or transaction at a time, in the order they asked. */
class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection;
  private queue: Promise<void> = Promise.resolve();
  /** The release of each holder, first in first out: the first is the current holder's. */
  private readonly releases: (() => void)[] = [];

  constructor(private readonly db: PGlite) {
    this.connection = new PGliteConnection(db);
  }

  async init(): Promise<void> {
    await this.db.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue;
    this.queue = new Promise((resolve) => this.releases.push(resolve));
    await previous;
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    this.releases.shift()?.();
  }

  async destroy(): Promise<void> {
    // The PGlite instance belongs to whoever opened it (`openRegisterDatabase`), which closes it after Kysely.
  }
}

/** Kysely over `db`, an open PGlite (in memory, or persisted in a directory). */
export class PGliteDialect implements Dialect {
  constructor(private readonly db: PGlite) {}

  createAdapter() {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PGliteDriver(this.db);
  }

  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }

  createIntrospector(db: Parameters<Dialect['createIntrospector']>[0]) {
    return new PostgresIntrospector(db);
  }
}
