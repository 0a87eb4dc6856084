/**
 * Core records: organizations, people, memberships and transfers, the development pipeline, meetings.
 * Frozen once released (STYLE §7): takes Kysely<any>, imports no application code, runs on SQLite and PostgreSQL.
 */
import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = pg ? 'serial' : 'integer';
  // The path must sort byte-wise for the subtree range scan; PostgreSQL's default collation may not.
  const pathCollation = (c: ColumnDefinitionBuilder) => (pg ? c.notNull().modifyEnd(sql`collate "C"`) : c.notNull());

  await db.schema
    .createTable('organizations')
    .addColumn('id', idType, id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('path', 'text', pathCollation)
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('established_on', 'text')
    .addColumn('last_election_on', 'text')
    .addColumn('term_years', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organizations_path_idx').on('organizations').column('path').unique().execute();
  await db.schema.createIndex('organizations_parent_idx').on('organizations').column('parent_id').execute();

  await db.schema
    .createTable('people')
    .addColumn('id', idType, id)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.notNull().unique())
    // The blind index of the ID number: the number itself, or a keyed HMAC when numbers are encrypted at rest.
    .addColumn('id_number_index', 'text', (c) => c.notNull().unique())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('ethnicity', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('education', 'text')
    .addColumn('occupation', 'text')
    .addColumn('phone', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('id', idType, id)
    .addColumn('person_id', 'integer', (c) => c.notNull().unique().references('people.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('joined_on', 'text', (c) => c.notNull())
    .addColumn('confirmed_on', 'text')
    .addColumn('entry_kind', 'text')
    .addColumn('entry_on', 'text')
    .addColumn('is_mobile', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mobile_destination', 'text')
    .addColumn('left_on', 'text')
    .addColumn('leave_reason', 'text')
    .addColumn('leave_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('memberships_org_idx').on('memberships').columns(['org_id', 'left_on']).execute();

  await db.schema
    .createTable('member_transfers')
    .addColumn('id', idType, id)
    .addColumn('membership_id', 'integer', (c) => c.notNull().references('memberships.id'))
    .addColumn('from_org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('to_org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('transferred_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('member_transfers_membership_idx').on('member_transfers').column('membership_id').execute();
  await db.schema.createIndex('member_transfers_org_idx').on('member_transfers').columns(['org_id', 'transferred_on']).execute();

  const steps = [
    'applied_on', 'interviewed_on', 'activist_on', 'contacts_on', 'candidate_on', 'political_review_on',
    'training_start_on', 'training_end_on', 'committee_review_on', 'pre_review_on', 'branch_meeting_on',
    'superior_interview_on', 'approved_on', 'oath_on', 'conversion_applied_on', 'conversion_meeting_on',
    'conversion_approved_on', 'extension_decided_on',
  ];
  let dev = db.schema
    .createTable('development_records')
    .addColumn('id', idType, id)
    .addColumn('person_id', 'integer', (c) => c.notNull().unique().references('people.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('contacts', 'text')
    .addColumn('introducers', 'text')
    .addColumn('training_hours', 'integer')
    .addColumn('extension_months', 'integer')
    .addColumn('membership_id', 'integer', (c) => c.references('memberships.id'));
  for (const step of steps) dev = dev.addColumn(step, 'text');
  await dev.addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull()).execute();
  await db.schema.createIndex('development_org_idx').on('development_records').columns(['org_id', 'stage']).execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', idType, id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('host', 'text')
    .addColumn('expected_count', 'integer', (c) => c.notNull())
    .addColumn('attended_count', 'integer', (c) => c.notNull())
    .addColumn('minutes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_org_idx').on('meetings').columns(['org_id', 'held_on']).execute();
  await db.schema.createIndex('meetings_kind_idx').on('meetings').columns(['kind', 'held_on']).execute();

  await db.schema
    .createTable('meeting_absences')
    .addColumn('id', idType, id)
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('meeting_absences_meeting_idx').on('meeting_absences').column('meeting_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['meeting_absences', 'meetings', 'development_records', 'member_transfers', 'memberships', 'people', 'organizations']) {
    await db.schema.dropTable(t).execute();
  }
}
