import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { AppError } from '../shared/errors.js';
import * as m0001 from './migrations/0001_core.js';

/** Migrations in order; names sort. Listed statically so the compiled program needs no file-system scan. */
const migrations: Record<string, Migration> = {
  '0001_core': m0001,
};

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new AppError('INTERNAL', `数据库升级失败（迁移 ${failed}）：${String(result.error)}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
