/**
 * Every migration of the register, in order, by name. A static provider (not a folder read at run time): the
 * compiled image and the tests run the same list, and a migration once released is never edited, only followed.
 */
import type { Migration, MigrationProvider } from 'kysely';

import * as m0001 from './0001-register';
import * as m0002 from './0002-open-roles';

const MIGRATIONS: Record<string, Migration> = {
  '0001-register': m0001,
  '0002-open-roles': m0002,
};

export const REGISTER_MIGRATIONS: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
