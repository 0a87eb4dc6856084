import cliProgress from 'cli-progress';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { systemClock } from '../shared/clock.js';
import { AppError, exitCodeOf, type FieldIssue } from '../shared/errors.js';
import { indexMatchesVault, type IdNumberVault } from '../shared/id-vault.js';
import type { Ctx } from '../context.js';
import { userInfo } from 'node:os';
import type { Actor } from '../modules/access/actor.js';

export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

export interface Session {
  config: Config;
  handle: DatabaseHandle;
  ctx: Ctx;
  migrated: string[];
}

/** Opens the database the options and environment name, and brings its schema up to date (migrations run at start). */
export async function openSession(opts: GlobalOptions, overrides: { port?: string | number | undefined } = {}): Promise<Session> {
  const config = loadConfig(process.env, { db: opts.db, port: overrides.port });
  const handle = openDatabase(config.database);
  try {
    const migrated = await migrateToLatest(handle.db);
    await assertVaultMatchesData(handle, config.idNumberVault);
    return { config, handle, ctx: { db: handle.db, clock: systemClock, actor: cliActor(), vault: config.idNumberVault }, migrated };
  } catch (err) {
    await handle.close();
    throw connectionError(err, handle.location);
  }
}

function connectionError(err: unknown, location: string): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '3D000' || code === '28P01' || code === '28000') {
    return new AppError('CONFIG_INVALID', `无法连接数据库 ${location}：${(err as Error).message}`);
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_NOTADB') {
    return new AppError('CONFIG_INVALID', `无法打开数据库文件 ${location}：${(err as Error).message}`);
  }
  return err;
}

export async function withSession<T>(opts: GlobalOptions, fn: (s: Session) => Promise<T>, overrides: { port?: string | number } = {}): Promise<T> {
  const session = await openSession(opts, overrides);
  try {
    return await fn(session);
  } finally {
    await session.handle.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function println(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function whereOf(i: FieldIssue): string {
  const parts: string[] = [];
  if (i.sheet) parts.push(`工作表“${i.sheet}”`);
  if (i.row !== undefined) parts.push(`第${i.row}行`);
  if (i.column) parts.push(`“${i.column}”列`);
  return parts.length ? `${parts.join(' ')}：` : '';
}

/** Prints an error for people (stderr, Chinese) or for programs (--json) and returns the exit code. */
export function reportError(err: unknown, json: boolean): number {
  if (err instanceof AppError) {
    if (json) {
      printJson({ error: { code: err.code, message: err.message, issues: err.issues } });
    } else {
      process.stderr.write(`错误 [${err.code}]：${err.message}\n`);
      const shown = err.issues.length > 1 || err.issues[0]?.sheet ? err.issues.slice(0, 200) : [];
      for (const i of shown) process.stderr.write(`  - ${whereOf(i)}${i.message} [${i.code}]\n`);
      if (err.issues.length > shown.length && shown.length > 0) {
        process.stderr.write(`  ……另有${err.issues.length - shown.length}处错误未列出（用 --json 查看全部）\n`);
      }
    }
    return exitCodeOf(err.kind);
  }
  const message = err instanceof Error ? err.message : String(err);
  if (json) printJson({ error: { code: 'INTERNAL', message: `内部错误：${message}`, issues: [] } });
  else process.stderr.write(`内部错误：${message}\n`);
  return 1;
}

/** A progress bar on the terminal (stderr) for long jobs; silent when not a terminal or in --json mode. */
export function progressReporter(json: boolean): { update: (done: number, total: number, phase: string) => void; stop: () => void } {
  if (json || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {percentage}% | {value}/{total}', stream: process.stderr, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let currentPhase = '';
  return {
    update(done, total, phase) {
      if (!started || phase !== currentPhase) {
        if (started) bar.stop();
        bar.start(Math.max(total, 1), done, { phase });
        started = true;
        currentPhase = phase;
      } else {
        bar.setTotal(Math.max(total, 1));
        bar.update(done, { phase });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** Whoever can run the command line on the database holds everything; the audit log names the operating-system user. */
function cliActor(): Actor {
  let who = 'unknown';
  try {
    who = userInfo().username;
  } catch {
    // no passwd entry (some containers): keep 'unknown'
  }
  return { kind: 'system', name: `命令行（${who}）` };
}

/** A database is encrypted throughout or not at all: refuse to mix, naming the variable. */
async function assertVaultMatchesData(handle: DatabaseHandle, vault: IdNumberVault): Promise<void> {
  const row = await handle.db.selectFrom('people').select('id_number_index').limit(1).executeTakeFirst();
  if (!row || indexMatchesVault(vault, row.id_number_index)) return;
  throw new AppError(
    'CONFIG_INVALID',
    vault.encrypted
      ? '数据库中的公民身份号码未加密，但设置了 DANGJIAN_ID_NUMBER_KEY：加密须在导入数据之前启用'
      : '数据库中的公民身份号码已加密，请设置加密时所用的 DANGJIAN_ID_NUMBER_KEY',
  );
}
