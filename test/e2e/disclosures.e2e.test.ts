/**
 * Disclosures (三务公开), cadre events and the publicity ledger as people reach them: `dangjian disclosures …`,
 * `dangjian disclosure …`, `dangjian cadres …`, `dangjian cadre …` and `dangjian publicity …` (the compiled program,
 * both engines) on a small county imported from a workbook, and their /api routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type Engine } from '../helpers/test-db.js';
import { createCliDatabase, importCounty, memberRow as member, runCli as run, type CliDatabase } from '../helpers/cli-db.js';
import { expectError, useApi } from '../helpers/http.js';
import { makeCounty, makeMember } from '../factories.js';

const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';

describe.each(ENGINES)('dangjian disclosures, cadres and publicity on %s', (engine: Engine) => {
  let db = '';
  let cli: CliDatabase | undefined;
  let ids: Record<string, number> = {};

  beforeAll(async () => {
    cli = await createCliDatabase(engine, 'disclosures');
    db = cli.db;
    ids = await importCounty(
      cli,
      {
        orgs: [
          { code: 'C', name: '中共测试县委员会', kind: '党委', sector: '机关', establishedOn: '1990-01-01' },
          { code: 'C.T1', name: '中共测试镇委员会', kind: '党委', sector: '农村', parentCode: 'C', establishedOn: '1990-01-01' },
          { code: B1, name: '中共测试镇一村支部委员会', kind: '党支部', sector: '农村', parentCode: 'C.T1', establishedOn: '2000-01-01' },
          { code: B2, name: '中共测试镇二村支部委员会', kind: '党支部', sector: '农村', parentCode: 'C.T1', establishedOn: '2000-01-01' },
        ],
        members: [member('一村甲', B1), member('二村丙', B2)],
      },
      ['C'],
    );
  });

  afterAll(async () => {
    await cli?.drop();
  });

  it('installs the catalogue, takes a disclosure through its steps in order, and shows who is behind', async () => {
    const installed = await run(['--db', db, '--json', 'disclosures', 'install', '--org', 'C.T1']);
    expect(installed.code, installed.stderr).toBe(0);
    const items = (JSON.parse(installed.stdout) as { created: { id: number; name: string }[] }).created;
    const village = items.find((i) => i.name === '村务公开（一般事项）')!;
    const listed = await run(['--db', db, 'disclosures', 'items', '--org', B1]);
    expect(listed.stdout).toContain('村务公开（一般事项）');

    const added = await run(['--db', db, '--json', 'disclosure', 'add', '--org', B1, '--item', String(village.id), '--period', '2026Q1', '--content', '一季度村务', '--on', '2026-04-02']);
    expect(added.code, added.stderr).toBe(0);
    const id = String((JSON.parse(added.stdout) as { id: number }).id);
    const early = await run(['--db', db, 'disclosure', 'publish', id, '--on', '2026-04-05']);
    expect(early.code).toBe(4);
    expect(early.stderr).toContain('应先审核');
    expect((await run(['--db', db, 'disclosure', 'review', id, '--on', '2026-04-03', '--by', '村务监督委员会'])).code).toBe(0);
    expect((await run(['--db', db, 'disclosure', 'approve', id, '--on', '2026-04-04', '--by', '镇党委'])).code).toBe(0);
    const published = await run(['--db', db, 'disclosure', 'publish', id, '--on', '2026-04-05']);
    expect(published.code, published.stderr).toBe(0);
    expect(published.stdout).toContain('已公开');
    const bad = await run(['--db', db, 'disclosure', 'add', '--org', B1, '--item', String(village.id), '--period', '2026-03', '--content', 'x', '--on', '2026-04-02']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('公开期次');

    const list = await run(['--db', db, 'disclosures', '--org', B1]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('2026Q1');
    const status = await run(['--db', db, 'disclosures', 'status', '--org', 'C.T1']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('逾期');
    expect(status.stdout).toContain('中共测试镇二村支部委员会');
    const figures = JSON.parse((await run(['--db', db, '--json', 'disclosures', 'figures', '--org', 'C.T1', '--period', '2026'])).stdout) as { figures: { id: string; value: number }[] };
    expect(figures.figures.find((f) => f.id === 'disclosures_published')!.value).toBe(1);
    expect(figures.figures.find((f) => f.id === 'orgs_behind_disclosure')!.value).toBe(2);
  });

  it('records, lists, deletes and counts cadre events and publicity pieces', async () => {
    const e = await run(['--db', db, '--json', 'cadre', 'add', '--kind', '提拔', '--member', String(ids['一村甲']), '--on', '2026-03-01', '--frontline', '--batch', '第1次常委会']);
    expect(e.code, e.stderr).toBe(0);
    expect(JSON.parse(e.stdout)).toMatchObject({ personName: '一村甲', orgCode: B1, frontline: true });
    const recruited = await run(['--db', db, 'cadre', 'add', '--kind', '招录', '--subkind', '选调生', '--name', '李某', '--org', 'C', '--on', '2026-08-01']);
    expect(recruited.code, recruited.stderr).toBe(0);
    const wrong = await run(['--db', db, 'cadre', 'add', '--kind', '诫勉', '--name', '王某', '--org', 'C', '--on', '2026-08-01']);
    const wrongId = /记录 (\d+)/.exec(wrong.stdout)![1]!;
    expect((await run(['--db', db, 'cadre', 'delete', wrongId])).code).toBe(0);
    const cadres = await run(['--db', db, 'cadres', '--org', 'C']);
    expect(cadres.stdout).toContain('李某');
    expect(cadres.stdout).not.toContain('王某');
    const cf = JSON.parse((await run(['--db', db, '--json', 'cadres', 'figures', '--period', '2026'])).stdout) as { figures: { id: string; value: number }[] };
    expect(cf.figures.find((f) => f.id === 'civil_servants_recruited')!.value).toBe(1);
    expect(cf.figures.find((f) => f.id === 'cadre_promotions_grassroots_share')!.value).toBe(100);
    const badKind = await run(['--db', db, 'cadre', 'add', '--kind', '任命', '--name', '王某', '--org', 'C', '--on', '2026-08-01']);
    expect(badKind.code, badKind.stderr).toBe(2);

    const p = await run(['--db', db, 'publicity', 'add', '--org', B1, '--title', '村里的新变化', '--level', '中央', '--medium', '人民日报', '--form', '图文', '--on', '2026-05-01']);
    expect(p.code, p.stderr).toBe(0);
    expect((await run(['--db', db, 'publicity', 'add', '--org', B1, '--title', '转载视频', '--level', '自有平台', '--medium', '公众号', '--form', '视频', '--repost', '--on', '2026-05-02'])).code).toBe(0);
    expect((await run(['--db', db, 'publicity', '--org', B1])).stdout).toContain('人民日报');
    const pf = JSON.parse((await run(['--db', db, '--json', 'publicity', 'figures', '--period', '2026'])).stdout) as { figures: { id: string; value: number }[] };
    expect(pf.figures.find((f) => f.id === 'media_items_central')!.value).toBe(1);
    expect(pf.figures.find((f) => f.id === 'publicity_reposted_videos')!.value).toBe(1);
    const all = JSON.parse((await run(['--db', db, '--json', 'figures', '--period', '2026', '--ledger', 'disclosures,cadres,publicity'])).stdout) as { figures: { ledger: string }[] };
    expect(new Set(all.figures.map((f) => f.ledger))).toEqual(new Set(['disclosures', 'cadres', 'publicity']));
  });
});

describe.each(ENGINES)('/api disclosures, cadre events and publications on %s', (engine: Engine) => {
  const api = useApi(engine);

  it('serves the three ledgers with the stable error codes', async () => {
    await makeCounty(api.ctx, 2);
    const m = await makeMember(api.ctx, B1, { name: '甲' });
    const install = await api.request('POST', '/api/disclosure-items/install', { orgCode: 'C.T1' });
    expect(install.statusCode, install.body).toBe(200);
    const item = (install.json() as { created: { id: number; name: string }[] }).created.find((i) => i.name === '财务收支')!;
    const d = await api.request('POST', '/api/disclosures', { orgCode: B1, itemId: item.id, periodLabel: '2026Q2', content: '二季度财务', proposedOn: '2026-07-01' });
    expect(d.statusCode, d.body).toBe(201);
    const id = (d.json() as { id: number }).id;
    expectError(await api.request('POST', `/api/disclosures/${id}/steps`, { action: '审批', on: '2026-07-02', by: '镇党委' }), 409, 'DISCLOSURE_STEP_ORDER');
    expect((await api.request('POST', `/api/disclosures/${id}/steps`, { action: '审核', on: '2026-07-02', by: '民主理财小组' })).statusCode).toBe(200);
    expect((await api.request('GET', `/api/disclosures/${id}`)).json()).toMatchObject({ status: '待审批' });
    expectError(await api.request('POST', '/api/disclosures', { orgCode: B1, itemId: item.id, periodLabel: '2026Q2', content: 'x', proposedOn: '2026-07-01' }), 409, 'DISCLOSURE_DUPLICATE');
    expectError(await api.request('GET', '/api/disclosures/999999'), 404, 'DISCLOSURE_NOT_FOUND');
    expect((await api.request('GET', '/api/disclosures/status?org=C.T1&behindOnly=true')).statusCode).toBe(200);
    expect((await api.request('GET', '/api/disclosures/figures?org=C&period=2026')).statusCode).toBe(200);
    expect((await api.request('GET', '/api/disclosure-items?org=C.T1.B1')).json()).toMatchObject({ items: expect.any(Array) });
    expect((await api.request('POST', '/api/disclosure-items', { orgCode: B1, category: '党务', name: '党费收缴', cadence: '每半年' })).statusCode).toBe(201);

    const c = await api.request('POST', '/api/cadre-events', { memberId: m.id, kind: '后备干部', subkind: '村级后备干部', happenedOn: '2026-03-01' });
    expect(c.statusCode, c.body).toBe(201);
    expect((await api.request('GET', '/api/cadre-events?org=C')).json()).toMatchObject({ total: 1 });
    expectError(await api.request('POST', '/api/cadre-events', { kind: '调整', happenedOn: '2026-03-01' }), 400, 'FIELD_REQUIRED');
    expect((await api.request('DELETE', `/api/cadre-events/${(c.json() as { id: number }).id}`)).statusCode).toBe(200);
    expectError(await api.request('DELETE', '/api/cadre-events/999999'), 404, 'CADRE_EVENT_NOT_FOUND');
    expect((await api.request('GET', '/api/cadre-events/figures?period=2026')).statusCode).toBe(200);

    const p = await api.request('POST', '/api/publications', { orgCode: B1, title: '稿件', mediumLevel: '省级', mediumName: '省报', form: '专版', publishedOn: '2026-05-01' });
    expect(p.statusCode, p.body).toBe(201);
    expect((await api.request('GET', '/api/publications?mediumLevel=省级')).json()).toMatchObject({ total: 1 });
    expectError(await api.request('POST', '/api/publications', { orgCode: B1, title: '稿件', mediumLevel: '国家级', mediumName: '省报', form: '专版', publishedOn: '2026-05-01' }), 400, 'VALUE_NOT_ALLOWED');
    const pf = (await api.request('GET', '/api/publications/figures?org=C&period=2026')).json() as { figures: { id: string; value: number }[] };
    expect(pf.figures.find((f) => f.id === 'special_pages_published')!.value).toBe(1);
    expectError(await api.request('DELETE', '/api/publications/999999'), 404, 'PUBLICATION_NOT_FOUND');
  });
});
