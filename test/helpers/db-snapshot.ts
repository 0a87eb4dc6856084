/**
 * Every row of every table, for tests that assert "the database is unchanged": the tables are found by introspection,
 * so a table added later is compared too. Left out: what merely using the system changes — the audit log (reads of
 * personal data are audited), sessions (last seen), and an account's failed-login counter, lock and updated_at.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../src/context.js';

const SKIPPED_TABLES = new Set(['audit_log', 'sessions']);
const SKIPPED_COLUMNS: Record<string, readonly string[]> = { users: ['failed_logins', 'locked_until', 'updated_at'] };

export async function snapshotTables(ctx: Ctx): Promise<Record<string, string[]>> {
  let tables = await ctx.db.introspection.getTables();
  if (tables.some((t) => t.schema !== undefined)) {
    // PostgreSQL: only this test's schema (other test files run at the same time in schemas of their own).
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(ctx.db);
    tables = tables.filter((t) => t.schema === rows[0]?.s);
  }
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
