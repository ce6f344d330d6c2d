/**
 * The roles with an action open on each case (`open_roles`, `,caseOfficer,approvingLeader,`), so that 待办 asks one
 * list for the cases awaiting the reader's role instead of reading every case. Rows written before it hold null
 * until their case next changes or the register is rebuilt; a list asking by role takes them as possibly open.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('register').addColumn('open_roles', 'text').execute();
}
