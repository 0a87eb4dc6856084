/**
 * Every database test runs on both engines (STYLE §8): a fresh in-memory SQLite database, and a fresh PostgreSQL
 * schema on the server named by DANGJIAN_TEST_DATABASE_URL (default: the local server, trust auth).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { afterEach, beforeEach } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { fixedClock, type Clock } from '../../src/shared/clock.js';
import type { Ctx } from '../../src/context.js';
import { SYSTEM_ACTOR } from '../../src/modules/access/actor.js';
import { plainVault, type IdNumberVault } from '../../src/shared/id-vault.js';

export const ENGINES = ['sqlite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

export { TEST_PG_URL } from './pg-url.js';
import { TEST_PG_URL } from './pg-url.js';

/** "Today" in tests, fixed so that dates in fixtures never drift into the future. */
export const TEST_TODAY = '2026-11-23';

export interface TestDatabase extends DatabaseHandle {
  ctx: Ctx;
  /** For PostgreSQL, the schema this test owns; a URL that selects it, for the CLI and the server. */
  url: string;
}

export async function createTestDatabase(
  engine: Engine,
  clock: Clock = fixedClock(TEST_TODAY),
  vault: IdNumberVault = plainVault,
): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const handle = openDatabase({ engine: 'sqlite', file: ':memory:' });
    await migrateToLatest(handle.db);
    return { ...handle, ctx: { db: handle.db, clock, actor: SYSTEM_ACTOR, vault }, url: ':memory:' };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase({ engine: 'postgres', url: TEST_PG_URL, schema });
  try {
    await migrateToLatest(handle.db);
  } catch (err) {
    // Leave nothing behind on the shared server when the schema cannot be set up.
    await handle.close();
    const c = new pg.Client({ connectionString: TEST_PG_URL });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
    throw err;
  }
  const url = withSearchPath(TEST_PG_URL, schema);
  return {
    ...handle,
    ctx: { db: handle.db, clock, actor: SYSTEM_ACTOR, vault },
    url,
    close: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

/**
 * Empties a test database as if it had just been created: every row of every table gone (the migrations' own
 * bookkeeping kept), identity counters back at 1. Much cheaper than creating and migrating another PostgreSQL schema
 * (45 tables of DDL), for harnesses that want a fresh database per test on one migrated schema.
 */
export async function emptyTestDatabase(handle: TestDatabase): Promise<void> {
  const db = handle.db;
  if (handle.engine === 'sqlite') {
    const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_migration%'`.execute(db);
    await sql`pragma foreign_keys = off`.execute(db);
    try {
      for (const { name } of rows) await sql`delete from ${sql.table(name)}`.execute(db);
      const seq = await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_sequence'`.execute(db);
      if (Number(seq.rows[0]?.n) > 0) await sql`delete from sqlite_sequence`.execute(db);
    } finally {
      await sql`pragma foreign_keys = on`.execute(db);
    }
    return;
  }
  // One statement: rows deleted with foreign-key triggers off (for this transaction: a superuser's
  // session_replication_role), sequences restarted. TRUNCATE does the same but makes new files for every table and
  // index: seconds, where this takes a blink.
  await sql
    .raw(
      `do $$
      declare r record;
      begin
        perform set_config('session_replication_role', 'replica', true);
        for r in select tablename from pg_tables where schemaname = current_schema() and tablename not like 'kysely_migration%' loop
          execute format('delete from %I', r.tablename);
        end loop;
        for r in select sequencename from pg_sequences where schemaname = current_schema() loop
          execute format('alter sequence %I restart', r.sequencename);
        end loop;
      end $$`,
    )
    .execute(db);
}

/** A postgres URL whose connections use the given schema (libpq `options`), for child processes. */
export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** Inside a describe: a fresh database of the engine before each test, closed after it. */
export function useTestDatabase(engine: Engine, clock?: Clock, vault?: IdNumberVault): { readonly ctx: Ctx; readonly handle: TestDatabase } {
  let current: TestDatabase | undefined;
  beforeEach(async () => {
    current = await createTestDatabase(engine, clock, vault);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get ctx() {
      if (!current) throw new Error('no test database');
      return current.ctx;
    },
    get handle() {
      if (!current) throw new Error('no test database');
      return current;
    },
  };
}
