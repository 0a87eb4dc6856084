/**
 * `npm run bench`: measured side by side in one run, on SQLite and PostgreSQL.
 *   1. demo generation rate (members per second);
 *   2. import of a BENCH_IMPORT_MEMBERS-member workbook (default 100000) as a ratio to parsing the same workbook alone,
 *      with peak memory;
 *   3. the county's subtree member count through our service, as a ratio to the bare SQL on the raw driver;
 *   4. rule evaluation for the demo county (every rule, a month and a year), as a ratio to the bare SQL that reads
 *      the same facts (bench/rules-bare.ts);
 *   5. every computed indicator of the demo county (a year and a half year) through the indicator registry, as a ratio
 *      to the bare grouped SQL computing the same numbers, in all and by family, with the numbers checked equal
 *      (bench/indicators-bare.ts); and the whole annual report's generation (which also runs the rule engine).
 * Sizes: BENCH_DEMO_MEMBERS (default 25000), BENCH_IMPORT_MEMBERS (default 100000); BENCH_INDICATOR_ROUNDS (default 5).
 * BENCH_ONLY=import,rules,indicators (any of them, comma-separated) runs only those parts after the demo's generation
 * (import covers 2 and 3). No figure here is asserted.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { systemClock } from '../src/shared/clock.js';
import type { Ctx } from '../src/context.js';
import { SYSTEM_ACTOR } from '../src/modules/access/actor.js';
import { plainVault } from '../src/shared/id-vault.js';
import { generateDemo } from '../src/modules/demo/generate-demo.js';
import { exportWorkbook } from '../src/modules/workbook/export-workbook.js';
import { importWorkbook, parseWorkbook } from '../src/modules/workbook/import-workbook.js';
import { countMembers } from '../src/modules/members/find-members.js';
import { getOrgRow, listSubtree } from '../src/modules/orgs/find-orgs.js';
import { subtreeUpperBound } from '../src/modules/orgs/tree.js';
import { evaluateRules } from '../src/rules/evaluate.js';
import { parsePeriod, type Period } from '../src/shared/period.js';
import { addMonths } from '../src/shared/dates.js';
import { pgFacts, sqliteFacts, type BareFacts } from './rules-bare.js';
import { INDICATOR_PERIODS, pgBare, printIndicators, printReport, sqliteBare, type BareDb } from './indicators-bare.js';

const PG_URL = process.env.DANGJIAN_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DEMO_MEMBERS = Number(process.env.BENCH_DEMO_MEMBERS ?? 25_000);
const IMPORT_MEMBERS = Number(process.env.BENCH_IMPORT_MEMBERS ?? 100_000);
const INDICATOR_ROUNDS = Number(process.env.BENCH_INDICATOR_ROUNDS ?? 5);
const ONLY = new Set((process.env.BENCH_ONLY ?? '').split(',').map((x) => x.trim()).filter(Boolean));
const runs = (part: 'import' | 'rules' | 'indicators') => ONLY.size === 0 || ONLY.has(part);
const dir = mkdtempSync(join(tmpdir(), 'dangjian-bench-'));
const schemas: string[] = [];

type Engine = 'sqlite' | 'postgres';

interface Target {
  handle: DatabaseHandle;
  ctx: Ctx;
  raw: RawCounter;
  facts: () => BareFacts;
  bare: () => BareDb;
  /** The PostgreSQL schema (null on SQLite). */
  schema: string | null;
}

async function fresh(engine: Engine, name: string): Promise<Target> {
  let handle: DatabaseHandle;
  let makeRaw: () => RawCounter;
  let facts: () => BareFacts;
  let bare: () => BareDb;
  let schemaName: string | null = null;
  if (engine === 'sqlite') {
    const file = join(dir, `${name}.db`);
    handle = openDatabase({ engine: 'sqlite', file });
    makeRaw = () => sqliteCounter(file);
    facts = () => sqliteFacts(file);
    bare = () => sqliteBare(file);
  } else {
    const schema = `bench_${name}_${randomBytes(4).toString('hex')}`;
    await admin(`create schema ${schema}`);
    schemas.push(schema);
    handle = openDatabase({ engine: 'postgres', url: PG_URL, schema });
    makeRaw = () => pgCounter(schema);
    facts = () => pgFacts(PG_URL, schema);
    bare = () => pgBare(PG_URL, schema);
    schemaName = schema;
  }
  await migrateToLatest(handle.db);
  return { handle, ctx: { db: handle.db, clock: systemClock, actor: SYSTEM_ACTOR, vault: plainVault }, raw: makeRaw(), facts, bare, schema: schemaName };
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(sql);
  await c.end();
}

/** Peak resident memory while `fn` runs, sampled every 20 ms. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number; peakMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  try {
    const value = await fn();
    return { value, seconds: (performance.now() - t0) / 1000, peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

interface RawCounter {
  count(path: string): Promise<number>;
  close(): Promise<void>;
}

const BARE_SQL =
  'select count(*) as n from memberships m join organizations o on o.id = m.org_id where o.path >= $1 and o.path < $2 and m.left_on is null';

function sqliteCounter(file: string): RawCounter {
  const db = new SQLite(file, { readonly: false });
  const stmt = db.prepare(BARE_SQL.replace('$1', '?').replace('$2', '?'));
  return {
    count: async (path) => Number((stmt.get(path, subtreeUpperBound(path)) as { n: number }).n),
    close: async () => {
      db.close();
    },
  };
}

function pgCounter(schema: string): RawCounter {
  const pool = new pg.Pool({ connectionString: PG_URL, max: 1, options: `-c search_path=${schema}` });
  return {
    count: async (path) => Number((await pool.query<{ n: string }>(BARE_SQL, [path, subtreeUpperBound(path)])).rows[0]!.n),
    close: () => pool.end(),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Alternates our service and the bare SQL, so both see the same cache and load. */
async function compareCount(ctx: Ctx, raw: RawCounter, rootCode: string, rounds = 60): Promise<{ ours: number; bare: number; n: number }> {
  const root = await getOrgRow(ctx, rootCode);
  const ours: number[] = [];
  const bare: number[] = [];
  let n = 0;
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    n = await countMembers(ctx, rootCode);
    ours.push(performance.now() - t);
    t = performance.now();
    const m = await raw.count(root.path);
    bare.push(performance.now() - t);
    if (m !== n) throw new Error(`counts differ: ${n} vs ${m}`);
  }
  return { ours: median(ours.slice(5)), bare: median(bare.slice(5)), n };
}

const fmt = (x: number, d = 2) => x.toFixed(d);

async function main(): Promise<void> {
  console.log(`党建工作平台 基准测试  (node ${process.version}; 演示县 ${DEMO_MEMBERS} 名党员; 导入 ${IMPORT_MEMBERS} 名党员)`);
  console.log('');
  console.log('1. 演示县生成速度');
  const demos = {} as Record<Engine, Target>;
  for (const engine of ['sqlite', 'postgres'] as const) {
    const t = (demos[engine] = await fresh(engine, 'demo'));
    const r = await measured(() => generateDemo(t.ctx, { members: DEMO_MEMBERS, seed: 1 }));
    console.log(`   ${engine.padEnd(8)} ${DEMO_MEMBERS} 名党员 用时 ${fmt(r.seconds)} 秒 = ${Math.round(DEMO_MEMBERS / r.seconds)} 名/秒，峰值内存 ${Math.round(r.peakMb)} MB`);
  }

  if (runs('import')) await importParts();
  if (runs('rules')) await rulesPart(demos);
  if (runs('indicators')) await indicatorsPart(demos);
  for (const engine of ['sqlite', 'postgres'] as const) {
    await demos[engine].raw.close();
    await demos[engine].handle.close();
  }
}

async function importParts(): Promise<void> {
  console.log('');
  console.log(`2. 导入 ${IMPORT_MEMBERS} 名党员的工作簿（与单纯解析同一文件相比）`);
  const source = await fresh('sqlite', 'source');
  await generateDemo(source.ctx, { members: IMPORT_MEMBERS, seed: 2 });
  const file = join(dir, 'county.xlsx');
  const exported = await measured(() => exportWorkbook(source.ctx, { file }));
  const counts = exported.value;
  const rootCode = (await listSubtree(source.ctx))[0]!.code;
  await source.raw.close();
  await source.handle.close();
  console.log(`   工作簿 ${Math.round(statSync(file).size / 2 ** 20)} MB：组织${counts.orgs}、党员${counts.members}、发展党员${counts.development}、组织生活${counts.meetings}（导出用时 ${fmt(exported.seconds)} 秒）`);
  const parsed = await measured(() => parseWorkbook({ file }));
  console.log(`   单纯解析          ${fmt(parsed.seconds)} 秒，峰值内存 ${Math.round(parsed.peakMb)} MB`);
  const targets = {} as Record<Engine, Target>;
  for (const engine of ['sqlite', 'postgres'] as const) {
    const t = await fresh(engine, 'import');
    targets[engine] = t;
    const r = await measured(() => importWorkbook(t.ctx, { file }));
    console.log(
      `   导入 ${engine.padEnd(8)}     ${fmt(r.seconds)} 秒 = 解析的 ${fmt(r.seconds / parsed.seconds)} 倍，${Math.round(counts.members / r.seconds)} 名党员/秒，峰值内存 ${Math.round(r.peakMb)} MB`,
    );
  }

  console.log('');
  console.log(`3. 全县（${rootCode} 及其下级）党员数：本系统服务 与 裸 SQL（同一驱动直接执行）`);
  for (const engine of ['sqlite', 'postgres'] as const) {
    const t = targets[engine];
    const r = await compareCount(t.ctx, t.raw, rootCode);
    console.log(`   ${engine.padEnd(8)} ${r.n} 名：服务 ${fmt(r.ours, 3)} ms，裸 SQL ${fmt(r.bare, 3)} ms，比值 ${fmt(r.ours / r.bare)}`);
    await t.raw.close();
    await t.handle.close();
  }
}

async function rulesPart(demos: Record<Engine, Target>): Promise<void> {
  const today = systemClock.today();
  const lastMonth = parsePeriod(addMonths(today, -1).slice(0, 7));
  const year = parsePeriod(today.slice(0, 4));
  console.log('');
  console.log(`4. 规则检查（演示县全部规则）：本系统 与 裸 SQL 读取同样的事实数据`);
  for (const engine of ['sqlite', 'postgres'] as const) {
    const t = demos[engine];
    const bare = t.facts();
    for (const period of [lastMonth, year]) {
      const r = await compareRules(t.ctx, bare, period);
      console.log(
        `   ${engine.padEnd(8)} ${period.label.padEnd(7)} 组织${r.orgs}、党员${r.members}、会议${r.meetings}、发展记录${r.development}，检查${r.checks}项、发现问题${r.findings}条：` +
          `本系统 ${fmt(r.ours, 0)} ms，裸 SQL ${fmt(r.bare, 0)} ms，比值 ${fmt(r.ours / r.bare)}`,
      );
    }
    await bare.close();
  }
}

async function indicatorsPart(demos: Record<Engine, Target>): Promise<void> {
  console.log('');
  console.log(`5. 指标计算（演示县全部计算指标）：本系统指标注册表 与 计算同样数值的裸分组 SQL（预热1轮后测${INDICATOR_ROUNDS}轮）`);
  console.log('   PostgreSQL 先对演示库执行 ANALYZE（刚生成的库没有统计信息，两边的查询计划都会失真）');
  for (const engine of ['sqlite', 'postgres'] as const) {
    const t = demos[engine];
    if (t.schema !== null) await admin(`set search_path = ${t.schema}; analyze`);
    const rootCode = (await listSubtree(t.ctx))[0]!.code;
    const bare = t.bare();
    for (const period of INDICATOR_PERIODS) await printIndicators(engine, t.ctx, bare, rootCode, period, INDICATOR_ROUNDS);
    await bare.close();
  }
  console.log('   生成整份年度报告（annual）的用时，另列：其中包括规则引擎为“存在问题”草稿所做的全部规则检查，以及同比所需的上年指标');
  for (const engine of ['sqlite', 'postgres'] as const) {
    const t = demos[engine];
    await printReport(engine, t.ctx, (await listSubtree(t.ctx))[0]!.code, INDICATOR_PERIODS[0]!, Math.max(1, Math.floor(INDICATOR_ROUNDS / 2)));
  }
}

/** Alternates the rule engine and the bare fact queries; checks both read the same number of rows. */
async function compareRules(ctx: Ctx, bare: BareFacts, period: Period, rounds = 7) {
  const ours: number[] = [];
  const raw: number[] = [];
  let last: Awaited<ReturnType<typeof evaluateRules>> | null = null;
  for (let i = 0; i < rounds; i++) {
    let t0 = performance.now();
    last = await evaluateRules(ctx, { period });
    ours.push(performance.now() - t0);
    const f = last.facts;
    const params = [f.root.path, subtreeUpperBound(f.root.path), f.asOf, f.meetingsFrom, period.end, f.lookbackFrom, f.lookbackFrom.slice(0, 7), period.start];
    t0 = performance.now();
    const rows = await bare.run(params);
    raw.push(performance.now() - t0);
    const mine = { orgs: f.orgs.length, meetings: f.meetings.length, development: f.development.length, members: f.members.length };
    for (const [k, n] of Object.entries(mine)) if (rows[k] !== n) throw new Error(`${k}: engine read ${n} rows, bare SQL ${rows[k]}`);
  }
  const f = last!.facts;
  return {
    ours: median(ours.slice(1)), bare: median(raw.slice(1)), orgs: f.orgs.length, members: f.members.length, meetings: f.meetings.length,
    development: f.development.length, checks: last!.checks.length, findings: last!.findings.length,
  };
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const s of schemas) await admin(`drop schema if exists ${s} cascade`).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });
