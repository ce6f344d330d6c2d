/** The register: one row per case, codes in plain columns, the record sealed (`register/schema.ts`). */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('register')
    .addColumn('case_number', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 0`))
    .addColumn('handling_body', 'text', (c) => c.notNull())
    .addColumn('handling_level', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('closure', 'text')
    .addColumn('fast_track', 'boolean')
    .addColumn('overdue', 'boolean', (c) => c.notNull())
    .addColumn('provisional_deadline', 'boolean', (c) => c.notNull())
    .addColumn('next_deadline', 'timestamptz')
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('accepted_on', 'date')
    .addColumn('decided_on', 'date')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('applicant_id', 'text')
    .addColumn('party_id', 'text')
    .addColumn('running', 'boolean', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('record', 'bytea', (c) => c.notNull())
    .addColumn('projected_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // The scope every officer's list starts from, then the filters and sorts lists use most.
  await db.schema.createIndex('register_scope').on('register').columns(['handling_body', 'handling_level']).execute();
  await db.schema.createIndex('register_submitted').on('register').columns(['submitted_at', 'case_number']).execute();
  await db.schema.createIndex('register_next_deadline').on('register').column('next_deadline').execute();
  await db.schema.createIndex('register_stage').on('register').column('stage').execute();
  await db.schema.createIndex('register_party').on('register').column('party_id').execute();
  await db.schema.createIndex('register_applicant').on('register').column('applicant_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('register').execute();
}
