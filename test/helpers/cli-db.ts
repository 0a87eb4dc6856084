/**
 * A database for tests that drive the compiled `dangjian` command: a SQLite file in a temporary directory, or a
 * fresh PostgreSQL schema (the `--db` value selects it). `drop()` removes whichever it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withSearchPath, type Engine } from './test-db.js';
import { TEST_PG_URL } from './pg-url.js';

export interface CliDatabase {
  /** A working directory for the test's files. */
  dir: string;
  /** The value of `--db`. */
  db: string;
  drop(): Promise<void>;
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function createCliDatabase(engine: Engine, name: string): Promise<CliDatabase> {
  const dir = mkdtempSync(join(tmpdir(), `dangjian-${name}-`));
  if (engine === 'sqlite') return { dir, db: join(dir, `${name}.db`), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  const schema = `${name}_${randomBytes(5).toString('hex')}`;
  await admin(`create schema ${schema}`);
  return {
    dir,
    db: withSearchPath(TEST_PG_URL, schema),
    drop: async () => {
      rmSync(dir, { recursive: true, force: true });
      await admin(`drop schema if exists ${schema} cascade`);
    },
  };
}
