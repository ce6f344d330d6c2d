/**
 * A real register for tests: an embedded PGlite in memory (or in `dir`), migrated, sealing with the tests' payload
 * keys, as `npm start` opens one under DATA_DIR. With TEST_REGISTER_DATABASE_URL set, the PostgreSQL database it
 * names instead (empty, one test file at a time), to run the same tests on the server.
 */
import type { OpenRegister } from '../../register/register';
import { openRegister } from '../../register/register';
import { TEST_PAYLOAD_KEYS } from './payload-keys';

/** Opens a register on PGlite: in memory, or persisted in `dir`. */
export function openTestRegister(dir?: string): Promise<OpenRegister> {
  const url = process.env.TEST_REGISTER_DATABASE_URL;
  if (url) return openRegister({ kind: 'postgres', url }, TEST_PAYLOAD_KEYS);
  return openRegister({ kind: 'pglite', ...(dir ? { dir } : {}) }, TEST_PAYLOAD_KEYS);
}
