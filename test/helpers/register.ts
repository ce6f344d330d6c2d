/**
 * A real register for tests: an embedded PGlite in memory (or in `dir`), migrated, sealing with the tests' payload
 * keys, as `npm start` opens one under DATA_DIR. With TEST_REGISTER_DATABASE_URL set, the PostgreSQL database it
 * names instead (empty, one test file at a time), to run the same tests on the server.
 */
import { readFileSync, writeFileSync } from 'node:fs';

import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';

import { migrateRegister } from '../../register/database';
import { PGliteDialect } from '../../register/pglite-dialect';
import type { OpenRegister } from '../../register/register';
import type { RegisterDatabase } from '../../register/schema';
import { openRegister } from '../../register/register';
import { TEST_PAYLOAD_KEYS } from './payload-keys';

/** Opens a register on PGlite: in memory, or persisted in `dir`. */
export function openTestRegister(dir?: string): Promise<OpenRegister> {
  const url = process.env.TEST_REGISTER_DATABASE_URL;
  if (url) return openRegister({ kind: 'postgres', url }, TEST_PAYLOAD_KEYS);
  if (dir) return openRegister({ kind: 'pglite', dir }, TEST_PAYLOAD_KEYS);
  // In memory, from the migrated register the run's global setup dumped: no initdb per test file.
  const template = process.env[REGISTER_TEMPLATE_ENV];
  return openRegister(
    { kind: 'pglite', ...(template ? { from: new Blob([readFileSync(template)]) } : {}) },
    TEST_PAYLOAD_KEYS,
  );
}

/** The variable naming the file of the run's migrated, empty register (`test/global-setup.ts`). */
export const REGISTER_TEMPLATE_ENV = 'TEST_REGISTER_TEMPLATE';

/**
 * Writes an empty, migrated register's data directory to `file`: what every test's in-memory register starts from.
 * PGlite's initdb takes a second on an idle machine and tens of seconds on a loaded one; starting from a dump, less
 * than one.
 */
export async function writeRegisterTemplate(file: string): Promise<void> {
  const pglite = await PGlite.create();
  const db = new Kysely<RegisterDatabase>({ dialect: new PGliteDialect(pglite) });
  try {
    await migrateRegister(db);
    const dump = await pglite.dumpDataDir('none');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.destroy();
    await pglite.close();
  }
}
