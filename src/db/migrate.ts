import { Migrator, PostgresAdapter, sql, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { AppError } from '../shared/errors.js';
import * as m0001 from './migrations/0001_core.js';
import * as m0002 from './migrations/0002_access.js';
import * as m0003 from './migrations/0003_rules.js';
import * as m0004 from './migrations/0004_dues.js';
import * as m0005 from './migrations/0005_member_work.js';
import * as m0006 from './migrations/0006_supervision.js';

/** Migrations in order; names sort. Listed statically so the compiled program needs no file-system scan. */
const migrations: Record<string, Migration> = {
  '0001_core': m0001,
  '0002_access': m0002,
  '0003_rules': m0003,
  '0004_dues': m0004,
  '0005_member_work': m0005,
  '0006_supervision': m0006,
};

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const schema = await postgresSchema(db);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema && { migrationTableSchema: schema }),
  });
  let result: MigrationResultSet = await migrator.migrateToLatest();
  // Kysely's migrator lists the tables of every schema in the database before it starts; another deployment (or test)
  // dropping its own schema at that moment makes the listing fail with "schema … does not exist". Nothing was
  // migrated then: try again, a few times.
  for (let attempt = 1; attempt < 4 && result.error && isOtherSchemaGone(result.error, schema); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    result = await migrator.migrateToLatest();
  }
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new AppError('INTERNAL', `数据库升级失败（迁移 ${failed}）：${String(result.error)}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

function isOtherSchemaGone(error: unknown, own: string | undefined): boolean {
  const m = /schema "([^"]+)" does not exist/.exec(String(error));
  return !!m && m[1] !== own;
}

/**
 * On PostgreSQL, the schema the connection works in. Kysely's migrator looks for its own tables in every schema of
 * the database: without this, a database holding another schema already migrated (another deployment, a test
 * running in parallel) makes it skip creating them here and then fail ("kysely_migration_lock" does not exist).
 * SQLite has no current_schema(), and needs no pinning.
 */
async function postgresSchema(db: Kysely<any>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? undefined;
}
