/**
 * Member-work ledgers: study and training (《中国共产党党员教育管理工作条例》2019), service records (志愿服务, 办实事,
 * 社情民意, 矛盾纠纷化解, 在职党员到社区报到, 服务队和党员先锋岗), honors (表彰, 命名, 推荐, 选树) and voluntary
 * donations (自愿捐款/特殊党费), plus each member's party post (党内职务), which decides the 56-hour training rule.
 * Time is integer minutes, money integer fen. Frozen once released; takes Kysely<any>, imports no application code.
 */
import { PostgresAdapter, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = pg ? 'serial' : 'integer';
  const table = (name: string) => db.schema.createTable(name).addColumn('id', idType, id);
  const org = (t: CreateTableBuilder<any, any>) => t.addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'));
  const stamps = (t: CreateTableBuilder<any, any>) =>
    t.addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull());
  const member = (c: ColumnDefinitionBuilder) => c.references('memberships.id');

  // 书记 | 副书记 | 委员 (支部委员会、总支或党委委员); null for members without a post.
  await db.schema.alterTable('memberships').addColumn('party_post', 'text').execute();

  // A member's own study: kind, date, minutes and the points credited (hours and completed courses, capped per day).
  await stamps(
    org(table('study_records'))
      .addColumn('membership_id', 'integer', (c) => member(c).notNull())
      .addColumn('studied_on', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('minutes', 'integer', (c) => c.notNull())
      .addColumn('points', 'integer', (c) => c.notNull())
      .addColumn('source', 'text'),
  ).execute();
  await db.schema.createIndex('study_records_org_date_idx').on('study_records').columns(['org_id', 'studied_on']).execute();
  await db.schema.createIndex('study_records_member_idx').on('study_records').column('membership_id').execute();

  // Training classes and other organized study events, held by an organization (the organizer).
  await stamps(
    org(table('trainings'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('subject', 'text')
      .addColumn('start_on', 'text', (c) => c.notNull())
      .addColumn('end_on', 'text', (c) => c.notNull())
      .addColumn('minutes', 'integer', (c) => c.notNull())
      // 1: 集中培训 (counts toward the yearly concentrated-training hours and the "at least one" rule).
      .addColumn('concentrated', 'integer', (c) => c.notNull())
      // Head count for events without a roster (宣讲 audiences, people from outside the tree); null when not counted.
      .addColumn('audience_count', 'integer')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema.createIndex('trainings_org_start_idx').on('trainings').columns(['org_id', 'start_on']).execute();

  // Who attended: the member's own organization is org_id, so a branch sees its members' training wherever held.
  await org(
    table('training_attendance')
      .addColumn('training_id', 'integer', (c) => c.notNull().references('trainings.id'))
      .addColumn('membership_id', 'integer', (c) => member(c).notNull())
      .addColumn('minutes', 'integer', (c) => c.notNull())
      .addColumn('completed', 'integer', (c) => c.notNull()),
  )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('training_attendance_uq', ['training_id', 'membership_id'])
    .execute();
  await db.schema.createIndex('training_attendance_org_idx').on('training_attendance').column('org_id').execute();
  await db.schema.createIndex('training_attendance_member_idx').on('training_attendance').column('membership_id').execute();

  // Service records: 志愿服务 (minutes, beneficiaries), 办实事, 社情民意, 矛盾纠纷化解 (status, done_on).
  await stamps(
    org(table('service_records'))
      .addColumn('membership_id', 'integer', member)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('category', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('happened_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('done_on', 'text')
      .addColumn('minutes', 'integer')
      .addColumn('beneficiaries', 'integer')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema.createIndex('service_records_org_date_idx').on('service_records').columns(['org_id', 'happened_on']).execute();
  await db.schema.createIndex('service_records_member_idx').on('service_records').column('membership_id').execute();

  // 在职党员到社区报到: the member (org_id is the member's own organization), the community and the home unit's level.
  await stamps(
    org(table('community_reports'))
      .addColumn('membership_id', 'integer', (c) => member(c).notNull())
      .addColumn('community_org_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('community_name', 'text', (c) => c.notNull())
      .addColumn('unit_level', 'text', (c) => c.notNull())
      .addColumn('reported_on', 'text', (c) => c.notNull())
      .addColumn('ended_on', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema.createIndex('community_reports_org_idx').on('community_reports').columns(['org_id', 'reported_on']).execute();
  await db.schema.createIndex('community_reports_community_idx').on('community_reports').column('community_org_id').execute();

  // 志愿服务队, 党员突击队, 党员先锋岗 and who serves in them (members, or volunteers from the public by name).
  await stamps(
    org(table('service_teams'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('established_on', 'text', (c) => c.notNull())
      .addColumn('dissolved_on', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema.createIndex('service_teams_org_idx').on('service_teams').columns(['org_id', 'established_on']).execute();
  await org(
    table('service_team_members')
      .addColumn('team_id', 'integer', (c) => c.notNull().references('service_teams.id'))
      .addColumn('membership_id', 'integer', member)
      // The volunteer's name when not a member (群众志愿者); null for members (the name is the member's).
      .addColumn('name', 'text')
      .addColumn('joined_on', 'text', (c) => c.notNull())
      .addColumn('left_on', 'text'),
  )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_team_members_team_idx').on('service_team_members').column('team_id').execute();
  await db.schema.createIndex('service_team_members_org_idx').on('service_team_members').column('org_id').execute();

  // Honors: 表彰, 命名, 推荐 (nominations), 选树 (典型), 评选 (季度之星 …) to a person, an organization or a household.
  await stamps(
    org(table('honors'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('recipient_kind', 'text', (c) => c.notNull())
      .addColumn('membership_id', 'integer', member)
      .addColumn('recipient_org_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('recipient_name', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('awarded_by', 'text', (c) => c.notNull())
      .addColumn('awarded_on', 'text', (c) => c.notNull())
      .addColumn('revoked_on', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema.createIndex('honors_org_date_idx').on('honors').columns(['org_id', 'awarded_on']).execute();
  await db.schema.createIndex('honors_member_idx').on('honors').column('membership_id').execute();

  // Voluntary donations by members (自愿捐款, 特殊党费), per campaign.
  await stamps(
    org(table('donations'))
      .addColumn('membership_id', 'integer', (c) => member(c).notNull())
      .addColumn('campaign', 'text', (c) => c.notNull())
      .addColumn('donated_on', 'text', (c) => c.notNull())
      .addColumn('amount_fen', 'integer', (c) => c.notNull())
      .addColumn('note', 'text'),
  ).execute();
  await db.schema.createIndex('donations_org_date_idx').on('donations').columns(['org_id', 'donated_on']).execute();
  await db.schema.createIndex('donations_member_idx').on('donations').column('membership_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'donations',
    'honors',
    'service_team_members',
    'service_teams',
    'community_reports',
    'service_records',
    'training_attendance',
    'trainings',
    'study_records',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('memberships').dropColumn('party_post').execute();
}
