/**
 * The 软弱涣散 suggestions as people reach them: GET /api/weak-orgs/suggestions and POST …/open (both engines), and
 * `dangjian weak-suggest` (the compiled program).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type Engine } from '../helpers/test-db.js';
import { createCliDatabase, importCounty, memberRow, runCli as run, type CliDatabase } from '../helpers/cli-db.js';
import { expectError, useApi } from '../helpers/http.js';
import { makeCounty, makeMember } from '../factories.js';

describe.each(ENGINES)('the weak-org suggestions API on %s', (engine: Engine) => {
  const api = useApi(engine);

  it('lists the branches with reasons and opens a case from a suggestion', async () => {
    await makeCounty(api.ctx, 2);
    await makeMember(api.ctx, 'C.T1.B1');
    const res = await api.request('GET', '/api/weak-orgs/suggestions?org=C.T1&year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { branches: number; share: { text: string }; items: { org: string; reasons: { code: string; text: string }[] }[] };
    expect(body.branches).toBe(2);
    expect(body.share.text).toContain('5%–10%');
    expect(body.items.map((i) => i.org).sort()).toEqual(['C.T1.B1', 'C.T1.B2']);
    expect(body.items[0]!.reasons.map((r) => r.code)).toContain('no-candidate');

    const opened = await api.request('POST', '/api/weak-orgs/suggestions/open', { orgCode: 'C.T1.B1', year: 2026 });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ orgCode: 'C.T1.B1', year: 2026, source: '数据提示', status: '待研判' });
    expectError(await api.request('POST', '/api/weak-orgs/suggestions/open', { orgCode: 'C.T1.B1', year: 2026 }), 409, 'WEAK_CASE_EXISTS');
    expectError(await api.request('POST', '/api/weak-orgs/suggestions/open', { orgCode: 'C.T1', year: 2026 }), 400, 'FIELD_INVALID');
    expectError(await api.request('GET', '/api/weak-orgs/suggestions?org=C.T1&year=abc'), 400, 'FIELD_INVALID', '年度');
    expectError(await api.request('GET', '/api/weak-orgs/suggestions?org=NOPE&year=2026'), 404, 'ORG_NOT_FOUND');
  });
});

describe.each(ENGINES)('dangjian weak-suggest on %s', (engine: Engine) => {
  let cli: CliDatabase | undefined;

  beforeAll(async () => {
    cli = await createCliDatabase(engine, 'weaksuggest');
    await importCounty(
      cli,
      {
        orgs: [
          { code: 'C', name: '中共测试县委员会', kind: '党委', sector: '机关', establishedOn: '1990-01-01' },
          { code: 'C.T1', name: '中共测试镇委员会', kind: '党委', sector: '农村', parentCode: 'C', establishedOn: '1990-01-01' },
          { code: 'C.T1.B1', name: '中共测试镇一村支部委员会', kind: '党支部', sector: '农村', parentCode: 'C.T1', establishedOn: '2000-01-01' },
        ],
        members: [memberRow('一村甲', 'C.T1.B1')],
      },
      ['C.T1.B1'],
    );
  });

  afterAll(async () => {
    await cli?.drop();
  });

  it('prints the suggestions, opens a case with --open, and refuses a bad year', async () => {
    const db = cli!.db;
    const text = await run(['--db', db, 'weak-suggest', '--year', '2026', '--org', 'C.T1', '--detail']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('软弱涣散数据提示');
    expect(text.stdout).toContain('C.T1.B1');
    expect(text.stdout).toContain('连续两年未确定发展对象');
    const json = JSON.parse((await run(['--db', db, '--json', 'weak-suggest', '--year', '2026'])).stdout) as { items: { org: string }[] };
    expect(json.items.map((i) => i.org)).toEqual(['C.T1.B1']);
    const open = await run(['--db', db, 'weak-suggest', '--year', '2026', '--open', 'C.T1.B1']);
    expect(open.code, open.stderr).toBe(0);
    expect(open.stdout).toContain('列入2026年软弱涣散排查');
    const bad = await run(['--db', db, 'weak-suggest', '--year', 'soon']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr + bad.stdout).toContain('--year');
  });
});
