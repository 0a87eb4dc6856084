/**
 * After a bulk write (the demo county, a workbook import) PostgreSQL's planner still holds the statistics of the
 * empty tables and picks nested loops over a thousand organizations it believes are seven. ANALYZE refreshes them
 * (seconds, once); SQLite plans well without statistics, so nothing is done there.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export async function refreshStatistics(db: Kysely<Database>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`analyze`.execute(db);
}
