/**
 * The `dangjian` command as a staffer runs it: the compiled program (bin/dangjian.js → dist/), on SQLite and on
 * PostgreSQL, with its exit codes and Chinese messages.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, withSearchPath, type Engine } from '../helpers/test-db.js';
import { TEST_PG_URL } from '../helpers/pg-url.js';
import { BIN, runCli as run, spawnCli } from '../helpers/cli-db.js';

describe('dangjian without a database', () => {
  it('answers --help in Chinese', () => {
    const r = spawnCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('用法');
    expect(r.stdout).toContain('命令');
    for (const c of ['migrate', 'demo', 'import', 'export', 'orgs', 'members', 'serve']) expect(r.stdout).toContain(c);
    const sub = spawnCli(['import', '--help']);
    expect(sub.stdout).toContain('--dry-run');
    expect(sub.stdout).toContain('只校验');
  });
  it('rejects an unknown option or command with a Chinese message and exit code 2', () => {
    const r = spawnCli(['orgs', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知选项');
    const c = spawnCli(['frobnicate']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('未知命令');
  });
  it('rejects a bad database URL in the environment, naming the variable', () => {
    const r = spawnCli(['orgs'], { DANGJIAN_DATABASE_URL: 'mysql://x' });
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('DANGJIAN_DATABASE_URL');
  });
});

describe.each(ENGINES)('dangjian on %s', (engine: Engine) => {
  const dir = mkdtempSync(join(tmpdir(), 'dangjian-cli-'));
  let db = '';
  let fresh = '';
  const schemas: string[] = [];

  beforeAll(async () => {
    if (engine === 'sqlite') {
      db = join(dir, 'cli.db');
      fresh = join(dir, 'fresh.db');
    } else {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      for (let i = 0; i < 2; i++) {
        const schema = `cli_${randomBytes(5).toString('hex')}`;
        await c.query(`create schema ${schema}`);
        schemas.push(schema);
      }
      await c.end();
      db = withSearchPath(TEST_PG_URL, schemas[0]!);
      fresh = withSearchPath(TEST_PG_URL, schemas[1]!);
    }
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (schemas.length) {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      for (const schema of schemas) await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    }
  });

  it('migrates, generates a demo county once, and shows the tree and members', async () => {
    expect((await run(['--db', db, 'migrate'])).code).toBe(0);
    const demo = await run(['--db', db, '--json', 'demo', '--members', '800', '--seed', '7']);
    expect(demo.code, demo.stderr).toBe(0);
    const again = await run(['--db', db, 'demo', '--members', '800']);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('DATABASE_NOT_EMPTY');

    const orgs = await run(['--db', db, '--json', 'orgs']);
    expect(orgs.code).toBe(0);
    const list = JSON.parse(orgs.stdout) as { code: string; depth: number; membersInSubtree: number }[];
    const root = list.find((o) => o.depth === 0)!;
    expect(root.membersInSubtree).toBeGreaterThan(700);
    const tree = await run(['--db', db, 'orgs', '--depth', '2']);
    expect(tree.stdout).toContain('党员');

    const members = await run(['--db', db, '--json', 'members', '--org', root.code, '--limit', '5']);
    expect(members.code).toBe(0);
    const page = JSON.parse(members.stdout) as { total: number; items: { id: number; idNumberMasked: string }[] };
    expect(page.total).toBe(root.membersInSubtree);
    expect(page.items[0]!.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const human = await run(['--db', db, 'members', '--org', root.code, '--limit', '3']);
    expect(human.stdout).toContain('公民身份号码');
    // The record number the dues commands take is in the first column.
    expect(human.stdout).toMatch(new RegExp(`^\\s*${page.items[0]!.id}\\s`, 'm'));
  });

  it('manages accounts and shows the audit log', async () => {
    const users = JSON.parse((await run(['--db', db, '--json', 'user', 'list'])).stdout) as { items: { username: string; roles: string[] }[] };
    expect(users.items.map((u) => u.username).sort()).toEqual(['branch', 'county', 'town', 'viewer']);
    const root = (JSON.parse((await run(['--db', db, '--json', 'orgs'])).stdout) as { code: string; depth: number }[]).find((o) => o.depth === 0)!;
    const add = await run(['--db', db, '--json', 'user', 'add', 'clerk', '--name', '张文书', '--org', root.code, '--role', 'viewer']);
    expect(add.code, add.stderr).toBe(0);
    const added = JSON.parse(add.stdout) as { user: { username: string; roles: string[] }; oneTimePassword: string };
    expect(added.user).toMatchObject({ username: 'clerk', roles: ['viewer'] });
    expect(added.oneTimePassword).toMatch(/^.{16}$/);
    expect((await run(['--db', db, 'user', 'roles', 'clerk', 'secretary'])).code).toBe(0);
    const bogus = await run(['--db', db, 'user', 'roles', 'clerk', 'bogus']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain('角色“bogus”无效');
    const dup = await run(['--db', db, 'user', 'add', 'clerk', '--name', '重复', '--org', root.code, '--role', 'viewer']);
    expect(dup.code).toBe(4);
    const weak = spawnCli(['--db', db, 'user', 'passwd', 'clerk', '--password-stdin'], {}, '123456\n');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('PASSWORD_TOO_WEAK');
    const audit = JSON.parse((await run(['--db', db, '--json', 'audit', '--record', 'user', '--limit', '50'])).stdout) as { total: number; items: { actorName: string; action: string }[] };
    expect(audit.total).toBeGreaterThanOrEqual(6);
    expect(audit.items[0]!.actorName).toMatch(/^命令行/);
    const file = join(dir, 'audit.xlsx');
    expect((await run(['--db', db, 'audit', '--export', file])).code).toBe(0);
    expect((await run(['--db', db, 'audit', '--from', 'yesterday'])).code).toBe(2);
  });

  it('exports and re-imports as an exact round trip', async () => {
    const file = join(dir, 'county.xlsx');
    const exp = await run(['--db', db, '--json', 'export', file]);
    expect(exp.code, exp.stderr).toBe(0);
    const counts = (JSON.parse(exp.stdout) as { counts: Record<string, number> }).counts;
    const dry = await run(['--db', fresh, '--json', 'import', file, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, counts });
    expect((await run(['--db', fresh, '--json', 'orgs'])).stdout.trim()).toBe('[]');
    const imp = await run(['--db', fresh, '--json', 'import', file]);
    expect(imp.code, imp.stderr).toBe(0);
    const file2 = join(dir, 'again.xlsx');
    const exp2 = await run(['--db', fresh, '--json', 'export', file2]);
    expect((JSON.parse(exp2.stdout) as { counts: unknown }).counts).toEqual(counts);
  });

  it('fails clearly, changing nothing, on bad input', async () => {
    const before = (await run(['--db', db, '--json', 'orgs'])).stdout;
    const notFound = await run(['--db', db, 'members', '--org', 'NO-SUCH-ORG']);
    expect(notFound.code).toBe(3);
    expect(notFound.stderr).toContain('组织代码“NO-SUCH-ORG”不存在');
    // Run in this process (runCli), the program answers exactly as it does as a process of its own.
    expect(spawnCli(['--db', db, 'members', '--org', 'NO-SUCH-ORG'])).toEqual(notFound);
    expect(spawnCli(['--db', db, '--json', 'orgs'])).toEqual({ code: 0, stdout: before, stderr: '' });
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'this is not a workbook');
    const bad = await run(['--db', db, 'import', junk]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('WORKBOOK_UNREADABLE');
    const missing = await run(['--db', db, 'import', join(dir, 'missing.xlsx')]);
    expect(missing.code).toBe(3);
    const badLimit = await run(['--db', db, 'members', '--org', 'C', '--limit', 'many']);
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toContain('--limit');
    const badMembers = await run(['--db', db, 'demo', '--members', '-5']);
    expect(badMembers.code).toBe(2);
    expect((await run(['--db', db, '--json', 'orgs'])).stdout).toBe(before);
  });

  it('serves the HTTP API and its OpenAPI document', async () => {
    const child = spawn(process.execPath, [BIN, '--db', db, 'serve', '--port', '0'], {
      env: { ...process.env, DANGJIAN_DATABASE_URL: '', DANGJIAN_LOG_LEVEL: 'silent' },
    });
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no address printed: ${out}`)), 60_000);
        child.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          const m = /(http:\/\/[\d.]+:\d+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
      });
      const health = await fetch(`${base}/api/health`);
      expect(await fetch(`${base}/api/members?org=C`).then((r) => r.status)).toBe(401);
      expect(health.status).toBe(200);
      const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toContain('/api/members');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
