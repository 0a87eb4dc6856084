/**
 * Party dues (党费, 中组发〔2008〕3号): each member's dues base over time, the approvals that change what a member
 * pays or when (减交, 免交, 按季交纳), and the monthly ledger of what was due and what was paid. Money is integer fen.
 * Frozen once released; takes Kysely<any>, imports no application code.
 */
import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = pg ? 'serial' : 'integer';

  // One row per change: the base in force for month M is the latest row whose from_month is on or before M.
  await db.schema
    .createTable('dues_bases')
    .addColumn('id', idType, id)
    .addColumn('membership_id', 'integer', (c) => c.notNull().references('memberships.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('from_month', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    // After-tax monthly base in fen; null for the categories that pay a fixed amount.
    .addColumn('base_fen', 'integer')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('dues_bases_member_month_uq', ['membership_id', 'from_month'])
    .execute();
  await db.schema.createIndex('dues_bases_org_idx').on('dues_bases').column('org_id').execute();

  // Approved arrangements: 减交 (a reduced monthly amount), 免交, 按季交纳 — each with who approved it and when.
  await db.schema
    .createTable('dues_approvals')
    .addColumn('id', idType, id)
    .addColumn('membership_id', 'integer', (c) => c.notNull().references('memberships.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_month', 'text', (c) => c.notNull())
    .addColumn('to_month', 'text')
    .addColumn('monthly_fen', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('approved_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dues_approvals_member_idx').on('dues_approvals').column('membership_id').execute();
  await db.schema.createIndex('dues_approvals_org_idx').on('dues_approvals').column('org_id').execute();

  // The monthly ledger: one row per member and dues month once something was paid for it.
  await db.schema
    .createTable('dues_payments')
    .addColumn('id', idType, id)
    .addColumn('membership_id', 'integer', (c) => c.notNull().references('memberships.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('due_fen', 'integer', (c) => c.notNull())
    .addColumn('paid_fen', 'integer', (c) => c.notNull())
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('dues_payments_member_month_uq', ['membership_id', 'month'])
    .execute();
  await db.schema.createIndex('dues_payments_org_month_idx').on('dues_payments').columns(['org_id', 'month']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['dues_payments', 'dues_approvals', 'dues_bases']) await db.schema.dropTable(t).execute();
}
