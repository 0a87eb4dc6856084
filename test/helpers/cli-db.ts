/**
 * A database for tests that drive the compiled `dangjian` command: a SQLite file in a temporary directory, or a
 * fresh PostgreSQL schema (the `--db` value selects it). `drop()` removes whichever it was. Also the command itself
 * (`runCli` in this process, `spawnCli` as a process of its own) and a small county imported into such a database from a workbook (`importCounty`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import Database from 'better-sqlite3';
import { withSearchPath, type Engine } from './test-db.js';
import { TEST_PG_URL } from './pg-url.js';
import { workbookBuffer, type WorkbookRecords } from './workbook.js';
import { idNumberFor } from '../factories.js';

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

/** The compiled program (bin/dangjian.js → dist/). */
export const BIN = join(process.cwd(), 'bin', 'dangjian.js');
/** What bin/dangjian.js runs. */
const COMPILED = join(process.cwd(), 'dist', 'cli', 'main.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `dangjian args…` as its own process (the bin script, a fresh Node), with DANGJIAN_DATABASE_URL cleared unless
 * `env` sets it, and `input` on its standard input. For what only a process shows: the bin script, the exit status,
 * standard input, a server. Each call costs a Node start and the loading of the program; most tests use `runCli`.
 */
export function spawnCli(args: string[], env: Record<string, string> = {}, input?: string): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DANGJIAN_DATABASE_URL: '', ...env },
    timeout: 170_000,
    ...(input !== undefined && { input }),
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

type Main = (argv: string[]) => Promise<number>;
let compiledMain: Promise<Main> | undefined;
let busy = false;

/**
 * Runs `dangjian args…` to completion in this process: the compiled program's `main` (what bin/dangjian.js calls
 * and turns into the exit status), its standard output and error captured, DANGJIAN_DATABASE_URL cleared unless `env`
 * sets it. The same program and the same answers as `spawnCli`, without a Node start and a module load per call.
 * One command at a time (it borrows the process's streams and environment while it runs).
 */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  if (busy) throw new Error('runCli: another command is still running (await each call)');
  busy = true;
  try {
    compiledMain ??= import(pathToFileURL(COMPILED).href).then((m: { main: Main }) => m.main);
    const main = await compiledMain;
    return await withCapturedProcess({ DANGJIAN_DATABASE_URL: '', ...env }, () => main([process.execPath, BIN, ...args]));
  } finally {
    busy = false;
  }
}

type Write = typeof process.stdout.write;

/** Runs `fn` with `env` set, stdout and stderr captured (and not terminals, as when piped), then puts all back. */
async function withCapturedProcess(env: Record<string, string>, fn: () => Promise<number>): Promise<CliResult> {
  const savedEnv = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const streams = [process.stdout, process.stderr] as const;
  const saved = streams.map((s) => ({ write: s.write, tty: Object.getOwnPropertyDescriptor(s, 'isTTY'), errorListeners: s.listeners('error') }));
  const captured: [string[], string[]] = [[], []];
  const capture =
    (into: string[]): Write =>
    ((chunk: string | Uint8Array, encoding?: BufferEncoding | ((err?: Error | null) => void), cb?: (err?: Error | null) => void): boolean => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = typeof encoding === 'function' ? encoding : cb;
      if (done) process.nextTick(done);
      return true;
    }) as Write;
  Object.assign(process.env, env);
  streams.forEach((s, i) => {
    s.write = capture(captured[i as 0 | 1]);
    Object.defineProperty(s, 'isTTY', { value: false, configurable: true, writable: true });
  });
  try {
    const code = await fn();
    return { code, stdout: captured[0].join(''), stderr: captured[1].join('') };
  } finally {
    streams.forEach((s, i) => {
      const was = saved[i]!;
      s.write = was.write;
      if (was.tty) Object.defineProperty(s, 'isTTY', was.tty);
      else delete (s as { isTTY?: boolean }).isTTY;
      // main() guards stdout against a closed pipe; that guard is for a real process, not this one.
      for (const l of s.listeners('error')) if (!was.errorListeners.includes(l)) s.off('error', l as (err: Error) => void);
    });
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** A 正式党员 of `orgCode` for the members sheet: born 1975-04-01, joined 2005-07-01, confirmed 2006-07-01. */
export function memberRow(name: string, orgCode: string): Record<string, unknown> {
  return { name, idNumber: idNumberFor('1975-04-01'), orgCode, status: '正式党员', joinedOn: '2005-07-01', confirmedOn: '2006-07-01' };
}

/**
 * Writes `records` to county.xlsx in `cli.dir`, imports it with the command, and returns name → record id of the
 * members of each of `memberOrgs` (as `members --json --org` lists them).
 */
export async function importCounty(cli: CliDatabase, records: WorkbookRecords, memberOrgs: string[]): Promise<Record<string, number>> {
  const file = join(cli.dir, 'county.xlsx');
  writeFileSync(file, await workbookBuffer(records));
  const imported = await runCli(['--db', cli.db, 'import', file]);
  if (imported.code !== 0) throw new Error(`import exited ${imported.code}: ${imported.stderr}`);
  const ids: Record<string, number> = {};
  for (const org of memberOrgs) {
    const listed = await runCli(['--db', cli.db, '--json', 'members', '--org', org]);
    if (listed.code !== 0) throw new Error(`members --org ${org} exited ${listed.code}: ${listed.stderr}`);
    const list = JSON.parse(listed.stdout) as { items: { id: number; name: string }[] };
    for (const m of list.items) ids[m.name] = m.id;
  }
  return ids;
}

/**
 * Rows of a plain SQL query on the command's database (read only), for a test to count what it created independently
 * of the command under test — e.g. the ids of the meetings an import wrote.
 */
export async function cliRows(cli: CliDatabase, query: string): Promise<Record<string, unknown>[]> {
  if (!/^postgres(ql)?:/.test(cli.db)) {
    const conn = new Database(cli.db, { readonly: true });
    try {
      return conn.prepare(query).all() as Record<string, unknown>[];
    } finally {
      conn.close();
    }
  }
  const c = new pg.Client({ connectionString: cli.db });
  await c.connect();
  try {
    return (await c.query(query)).rows as Record<string, unknown>[];
  } finally {
    await c.end();
  }
}
