/**
 * Supervision ledgers: responsibility lists and supervised tasks (主体责任清单, 任务清单, 督办), inspections and the
 * rectification ledger (巡察, 督查 → 整改台账 with its workflow events), ratings (分类定级, 星级) with configurable
 * schemes, 软弱涣散 cases and model designations, disclosures (三务公开) against a catalogue, cadre events and the
 * publicity ledger, and hand-entered figure sets (another department's aggregates, each with its source).
 * Scores and hand-entered values are double precision; dates ISO text. Frozen once released; takes Kysely<any>.
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
  const index = (name: string, on: string, columns: string[]) => db.schema.createIndex(name).on(on).columns(columns).execute();

  // A list belongs to an organization and a year: 主体责任清单, 任务清单, 工作要点 …
  await stamps(
    org(table('responsibility_lists'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('issued_on', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await index('responsibility_lists_org_year_idx', 'responsibility_lists', ['org_id', 'year']);
  await stamps(
    org(table('list_items'))
      .addColumn('list_id', 'integer', (c) => c.notNull().references('responsibility_lists.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('category', 'text')
      // A planned target the list sets itself (下一步 … 个), with its unit: a figure a report may quote as a plan.
      .addColumn('target_value', 'double precision')
      .addColumn('target_unit', 'text'),
  )
    .addUniqueConstraint('list_items_seq_uq', ['list_id', 'seq'])
    .execute();
  // Tasks for a subordinate organization and a named person, from a list item or on their own (书记项目, 包联 …).
  await stamps(
    org(table('tasks'))
      .addColumn('item_id', 'integer', (c) => c.references('list_items.id'))
      .addColumn('assigned_by_org_id', 'integer', (c) => c.notNull().references('organizations.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('category', 'text')
      .addColumn('owner_name', 'text', (c) => c.notNull())
      .addColumn('start_on', 'text', (c) => c.notNull())
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('completed_on', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await index('tasks_org_deadline_idx', 'tasks', ['org_id', 'deadline']);
  await index('tasks_item_idx', 'tasks', ['item_id']);
  // Progress reports and supervision notes (督办, 催办, 约谈) on a task, in order.
  await org(
    table('task_events')
      .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('happened_on', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('percent', 'integer')
      .addColumn('actor', 'text', (c) => c.notNull()),
  )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await index('task_events_task_idx', 'task_events', ['task_id']);

  // An inspection round (巡察, 专项督查, 监督检查, 调研督导 …) by an organization over dates, with its targets.
  await stamps(
    org(table('inspections'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('round_no', 'integer')
      .addColumn('start_on', 'text', (c) => c.notNull())
      .addColumn('end_on', 'text', (c) => c.notNull())
      // Clues handed to the discipline body and notices issued, as counts (never case files).
      .addColumn('clues_transferred', 'integer')
      .addColumn('notices_issued', 'integer')
      .addColumn('note', 'text'),
  ).execute();
  await index('inspections_org_start_idx', 'inspections', ['org_id', 'start_on']);
  await org(
    table('inspection_targets')
      .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id'))
      // The inspected organization when it is in the tree; else a unit by name.
      .addColumn('target_org_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('unit_name', 'text', (c) => c.notNull())
      .addColumn('unit_kind', 'text', (c) => c.notNull()),
  ).execute();
  await index('inspection_targets_inspection_idx', 'inspection_targets', ['inspection_id']);
  await index('inspection_targets_target_idx', 'inspection_targets', ['target_org_id']);

  // The rectification ledger: a problem from a source, owned by an organization, moving forward through its workflow.
  await stamps(
    org(table('problems'))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('inspection_id', 'integer', (c) => c.references('inspections.id'))
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('owner_name', 'text', (c) => c.notNull())
      .addColumn('measures', 'text')
      .addColumn('measures_count', 'integer', (c) => c.notNull())
      .addColumn('found_on', 'text', (c) => c.notNull())
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('rectified_on', 'text')
      .addColumn('accepted_on', 'text')
      .addColumn('accepted_by', 'text')
      .addColumn('closed_on', 'text')
      .addColumn('reopened', 'integer', (c) => c.notNull())
      .addColumn('note', 'text'),
  ).execute();
  await index('problems_org_found_idx', 'problems', ['org_id', 'found_on']);
  await index('problems_inspection_idx', 'problems', ['inspection_id']);
  // Every step of a problem's workflow, with who and when (登记, 制定措施, 报告进展, 提请验收, 验收通过, 验收不通过, 销号, 重新整改).
  await org(
    table('problem_events')
      .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('happened_on', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('evidence', 'text')
      .addColumn('actor', 'text', (c) => c.notNull()),
  )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await index('problem_events_problem_idx', 'problem_events', ['problem_id']);

  // Rating schemes a deployment configures (indicators with weights, bands, quotas, veto items) as JSON.
  await stamps(
    table('rating_schemes')
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('config', 'text', (c) => c.notNull())
      .addColumn('builtin', 'integer', (c) => c.notNull()),
  ).execute();
  // A yearly rating per organization and scheme: self-assessment, members' and the public's assessment, the decision.
  await stamps(
    org(table('ratings'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('scheme_code', 'text', (c) => c.notNull())
      .addColumn('self_score', 'double precision')
      .addColumn('self_grade', 'text')
      .addColumn('member_score', 'double precision')
      .addColumn('public_satisfaction', 'double precision')
      .addColumn('final_score', 'double precision')
      .addColumn('final_grade', 'text')
      // Per-indicator scores and veto items hit, as JSON.
      .addColumn('scores', 'text')
      .addColumn('vetoes', 'text')
      .addColumn('decided_on', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('note', 'text'),
  )
    .addUniqueConstraint('ratings_org_year_scheme_uq', ['org_id', 'year', 'scheme_code'])
    .execute();
  // A 软弱涣散 case: the flag and its reasons, the rectification plan, and the close-out (销号).
  await stamps(
    org(table('weak_org_cases'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('reasons', 'text', (c) => c.notNull())
      .addColumn('flagged_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('plan', 'text')
      .addColumn('leader_name', 'text')
      .addColumn('deadline', 'text')
      .addColumn('closed_on', 'text')
      .addColumn('closed_by', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await index('weak_org_cases_org_year_idx', 'weak_org_cases', ['org_id', 'year']);
  // Designations: 示范党支部, 最强党支部, 五星级, 党建示范村, 标准化达标 … with level and date.
  await stamps(
    org(table('designations'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('designated_on', 'text', (c) => c.notNull())
      .addColumn('revoked_on', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await index('designations_org_idx', 'designations', ['org_id', 'designated_on']);

  // The disclosure catalogue (三务公开目录): defined by an organization for its subtree, each item with its cadence.
  await stamps(
    org(table('disclosure_items'))
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('cadence', 'text', (c) => c.notNull())
      // The sector the item applies to (农村, 社区 …); null: every organization of the subtree that discloses.
      .addColumn('sector', 'text')
      .addColumn('active', 'integer', (c) => c.notNull()),
  ).execute();
  await stamps(
    org(table('disclosures'))
      .addColumn('item_id', 'integer', (c) => c.notNull().references('disclosure_items.id'))
      .addColumn('period_label', 'text', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('proposed_on', 'text', (c) => c.notNull())
      .addColumn('reviewed_on', 'text')
      .addColumn('reviewed_by', 'text')
      .addColumn('approved_on', 'text')
      .addColumn('approved_by', 'text')
      .addColumn('published_on', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await index('disclosures_org_item_idx', 'disclosures', ['org_id', 'item_id']);

  // Cadre events on people and organizations: adjustments, promotions, recruitment, the reserve register, talks …
  await stamps(
    org(table('cadre_events'))
      .addColumn('membership_id', 'integer', (c) => c.references('memberships.id'))
      .addColumn('person_name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('subkind', 'text')
      .addColumn('happened_on', 'text', (c) => c.notNull())
      .addColumn('frontline', 'integer', (c) => c.notNull())
      .addColumn('batch', 'text')
      .addColumn('birth_year', 'integer')
      .addColumn('education', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await index('cadre_events_org_date_idx', 'cadre_events', ['org_id', 'happened_on']);
  // The publicity ledger: pieces published, by medium level and form.
  await stamps(
    org(table('publications'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('medium_level', 'text', (c) => c.notNull())
      .addColumn('medium_name', 'text', (c) => c.notNull())
      .addColumn('form', 'text', (c) => c.notNull())
      .addColumn('original', 'integer', (c) => c.notNull())
      .addColumn('theme', 'text')
      .addColumn('published_on', 'text', (c) => c.notNull()),
  ).execute();
  await index('publications_org_date_idx', 'publications', ['org_id', 'published_on']);

  // Hand-entered figure sets: an organization, a period, the source department, who entered them; values by catalog id.
  await stamps(
    org(table('figure_sets'))
      .addColumn('period_label', 'text', (c) => c.notNull())
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text', (c) => c.notNull())
      .addColumn('source_department', 'text', (c) => c.notNull())
      .addColumn('entered_by', 'text', (c) => c.notNull())
      .addColumn('entered_on', 'text', (c) => c.notNull())
      .addColumn('note', 'text'),
  ).execute();
  await index('figure_sets_org_period_idx', 'figure_sets', ['org_id', 'period_start']);
  await org(
    table('figure_values')
      .addColumn('set_id', 'integer', (c) => c.notNull().references('figure_sets.id'))
      .addColumn('indicator_id', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('note', 'text'),
  )
    .addUniqueConstraint('figure_values_set_indicator_uq', ['set_id', 'indicator_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'figure_values', 'figure_sets', 'publications', 'cadre_events', 'disclosures', 'disclosure_items', 'designations',
    'weak_org_cases', 'ratings', 'rating_schemes', 'problem_events', 'problems', 'inspection_targets', 'inspections',
    'task_events', 'tasks', 'list_items', 'responsibility_lists',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
