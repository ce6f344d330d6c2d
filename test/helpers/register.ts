/**
 * A real register for tests: an embedded PGlite in memory (or in `dir`), migrated, sealing with the tests' payload
 * keys, as `npm start` opens one under DATA_DIR.
 */
import type { OpenRegister } from '../../register/register';
import { openRegister } from '../../register/register';
import { TEST_PAYLOAD_KEYS } from './payload-keys';

/** Opens a register on PGlite: in memory, or persisted in `dir`. */
export function openTestRegister(dir?: string): Promise<OpenRegister> {
  return openRegister({ kind: 'pglite', ...(dir ? { dir } : {}) }, TEST_PAYLOAD_KEYS);
}
