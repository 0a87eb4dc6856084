/**
 * Every row of every table, for tests that assert "the database is unchanged": the tables are found by introspection,
 * so a table added later is compared too. Left out: what merely using the system changes — the audit log (reads of
 * personal data are audited), sessions (last seen), and an account's failed-login counter, lock and updated_at.
 */
import { PostgresAdapter, sql } from 'kysely';
import type { Ctx } from '../../src/context.js';

const SKIPPED_TABLES = new Set(['audit_log', 'sessions']);
const SKIPPED_COLUMNS: Record<string, readonly string[]> = { users: ['failed_logins', 'locked_until', 'updated_at'] };

/**
 * The tables of the database the test uses: on PostgreSQL only this test's schema, listed without introspecting the
 * others (other test files create and drop schemas of their own meanwhile, which would race with a full listing).
 */
async function tableNames(ctx: Ctx): Promise<string[]> {
  if (!(ctx.db.getExecutor().adapter instanceof PostgresAdapter)) return (await ctx.db.introspection.getTables()).map((t) => t.name);
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely\_%'`.execute(ctx.db);
  return rows.map((r) => r.name);
}

export async function snapshotTables(ctx: Ctx): Promise<Record<string, string[]>> {
  const tables = (await tableNames(ctx)).map((name) => ({ name }));
  const out: Record<string, string[]> = {};
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIPPED_TABLES.has(t.name)) continue;
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(t.name)}`.execute(ctx.db);
    const skipped = SKIPPED_COLUMNS[t.name] ?? [];
    out[t.name] = rows
      .map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => !skipped.includes(k)).sort(([a], [b]) => a.localeCompare(b)))))
      .sort();
  }
  return out;
}
