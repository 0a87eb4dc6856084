/**
 * Hand-entered figure sets as people reach them: `dangjian figure-set …`, `dangjian figure-sets`, `dangjian indicators
 * manual` (the compiled program, both engines) on a small county imported from a workbook, and the /api/figure-sets
 * and /api/indicators/manual routes, with the figures in /api/figures as ledger "manual".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type Engine } from '../helpers/test-db.js';
import { createCliDatabase, importCounty, memberRow as member, runCli as run, type CliDatabase } from '../helpers/cli-db.js';
import { expectError, useApi } from '../helpers/http.js';
import { makeCounty } from '../factories.js';
import { INDICATOR_CATALOG } from '../../src/indicators/catalog-data.js';
import { COMPUTED_INDICATORS } from '../../src/indicators/computed-ids.js';

/** Entered by hand: another department's figures (108 in the catalog) and the catalog's ids no family computes yet. */
const HAND_ENTERED = INDICATOR_CATALOG.filter(
  (e) => ['manual', 'discipline_case_aggregate'].includes(e.source_record) || !COMPUTED_INDICATORS.some((c) => c.id === e.id),
).length;

const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';

interface SetJson {
  id: number;
  orgCode: string;
  enteredBy: string;
  enteredOn: string;
  values: { indicatorId: string; value: number; unit: string }[];
}

describe.each(ENGINES)('dangjian figure sets on %s', (engine: Engine) => {
  let db = '';
  let cli: CliDatabase | undefined;

  beforeAll(async () => {
    cli = await createCliDatabase(engine, 'figsets');
    db = cli.db;
    await importCounty(
      cli,
      {
        orgs: [
          { code: 'C', name: '中共测试县委员会', kind: '党委', sector: '机关', establishedOn: '1990-01-01' },
          { code: 'C.T1', name: '中共测试镇委员会', kind: '党委', sector: '农村', parentCode: 'C', establishedOn: '1990-01-01' },
          { code: B1, name: '中共测试镇一村支部委员会', kind: '党支部', sector: '农村', parentCode: 'C.T1', establishedOn: '2000-01-01' },
          { code: B2, name: '中共测试镇二村支部委员会', kind: '党支部', sector: '农村', parentCode: 'C.T1', establishedOn: '2000-01-01' },
        ],
        members: [member('一村甲', B1)],
      },
      [],
    );
  });

  afterAll(async () => {
    await cli?.drop();
  });

  it('enters, lists, shows, corrects and deletes figure sets, and answers their figures', async () => {
    const manual = await run(['--db', db, 'indicators', 'manual']);
    expect(manual.code, manual.stderr).toBe(0);
    expect(manual.stdout).toContain('clues_disposed');
    expect(manual.stdout).toContain('处置问题线索');
    expect(manual.stdout).toContain(`共${HAND_ENTERED}项`);

    const add = await run(['--db', db, '--json', 'figure-set', 'add', '--org', 'C', '--period', '2026', '--source', '县纪委监委', '--values', 'clues_disposed=12,cases_filed=5', '--by', '李四', '--note', '年度汇总']);
    expect(add.code, add.stderr).toBe(0);
    const set = JSON.parse(add.stdout) as SetJson;
    expect(set).toMatchObject({ orgCode: 'C', enteredBy: '李四', values: [{ indicatorId: 'clues_disposed', value: 12, unit: '件' }, { indicatorId: 'cases_filed', value: 5, unit: '件' }] });
    const text = await run(['--db', db, 'figure-set', 'add', '--org', B1, '--period', '2026Q2', '--source', '县委网信办', '--values', 'online_opinion_items_monitored=40']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('已填报');
    expect(text.stdout).toContain('监看网络舆情信息');

    const list = await run(['--db', db, 'figure-sets', '--org', 'C', '--period', '2026']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('县纪委监委');
    expect(list.stdout).toContain('县委网信办');
    expect(list.stdout).toContain('共2份');
    expect(JSON.parse((await run(['--db', db, '--json', 'figure-sets', '--org', B1])).stdout)).toMatchObject({ total: 1 });

    const fixed = await run(['--db', db, 'figure-set', 'set', String(set.id), 'cases_filed', '6']);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stdout).toContain('立案（cases_filed）为 6件');
    const negative = await run(['--db', db, '--json', 'figure-set', 'set', String(set.id), 'cases_filed_yoy', '-3.5']);
    expect(negative.code, negative.stderr).toBe(0);
    expect((JSON.parse(negative.stdout) as SetJson).values.find((v) => v.indicatorId === 'cases_filed_yoy')).toMatchObject({ value: -3.5, unit: '%' });
    const show = await run(['--db', db, 'figure-set', 'show', String(set.id)]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('李四');
    expect(show.stdout).toContain('年度汇总');

    const figures = JSON.parse((await run(['--db', db, '--json', 'figure-set', 'figures', '--org', 'C', '--period', '2026'])).stdout) as { figures: { id: string; value: number; computation: string }[] };
    expect(figures.figures.map((f) => [f.id, f.value])).toEqual([['cases_filed', 6], ['cases_filed_yoy', -3.5], ['clues_disposed', 12]]);
    expect(figures.figures[0]!.computation).toMatch(/^手工填报：县纪委监委，李四 于 \d{4}-\d{2}-\d{2} 填报/);
    const all = await run(['--db', db, 'figures', '--org', 'C', '--period', '2026', '--ledger', 'manual']);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toContain('手工填报');
    expect(all.stdout).toContain('clues_disposed');

    const deleted = await run(['--db', db, 'figure-set', 'delete', String(set.id)]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toContain('已删除填报表');
    expect((await run(['--db', db, 'figure-set', 'show', String(set.id)])).code).toBe(3);
  });

  it('refuses bad figure sets with the right exit code, naming the problem', async () => {
    const computed = await run(['--db', db, '--json', 'figure-set', 'add', '--org', 'C', '--period', '2026', '--source', '县纪委监委', '--values', 'trainings_held=3']);
    expect(computed.code).toBe(2);
    expect(JSON.parse(computed.stdout)).toMatchObject({ error: { code: 'FIELD_INVALID', issues: [{ field: 'values.0.indicatorId' }] } });
    expect(JSON.parse(computed.stdout).error.message).toContain('该指标由系统根据记录计算，不能手工填报');
    const negative = await run(['--db', db, 'figure-set', 'add', '--org', 'C', '--period', '2026', '--source', '县纪委监委', '--values', 'cases_filed=-1']);
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain('不能为负数');
    const malformed = await run(['--db', db, 'figure-set', 'add', '--org', 'C', '--period', '2026', '--source', '县纪委监委', '--values', 'cases_filed']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--values');
    expect((await run(['--db', db, 'figure-set', 'add', '--org', 'NOPE', '--period', '2026', '--source', '县纪委监委', '--values', 'cases_filed=1'])).code).toBe(3);
    const period = await run(['--db', db, 'figure-set', 'add', '--org', 'C', '--period', '2026Q9', '--source', '县纪委监委', '--values', 'cases_filed=1']);
    expect(period.code).toBe(2);
    expect(period.stderr).toContain('统计期');
    expect((await run(['--db', db, 'figure-set', 'set', '999999', 'cases_filed', '1'])).code).toBe(3);
  });
});

describe.each(ENGINES)('the figure sets API on %s', (engine: Engine) => {
  const api = useApi(engine);

  it('enters, reads, corrects, deletes and counts figure sets', async () => {
    await makeCounty(api.ctx, 2);
    const body = { orgCode: 'C', period: '2026', sourceDepartment: '县纪委监委', values: [{ indicatorId: 'cases_filed', value: 5 }, { indicatorId: 'cases_filed_yoy', value: -8.5 }] };
    const created = await api.request('POST', '/api/figure-sets', body);
    expect(created.statusCode, created.body).toBe(201);
    const set = created.json() as SetJson;
    expect(set).toMatchObject({ orgCode: 'C', enteredBy: '测试管理员', enteredOn: '2026-11-23' });

    expectError(await api.request('POST', '/api/figure-sets', { ...body, values: [{ indicatorId: 'trainings_held', value: 1 }] }), 400, 'FIELD_INVALID', '不能手工填报');
    expectError(await api.request('POST', '/api/figure-sets', { ...body, values: [{ indicatorId: 'cases_filed', value: -1 }] }), 400, 'FIELD_INVALID', '不能为负数');
    expectError(await api.request('POST', '/api/figure-sets', { ...body, values: [{ indicatorId: 'cases_filed', value: 1, unit: '人' }] }), 400, 'FIELD_INVALID', '单位应为“件”');
    expectError(await api.request('POST', '/api/figure-sets', { ...body, sourceDepartment: undefined }), 400, 'FIELD_REQUIRED', '数据来源单位');
    expectError(await api.request('POST', '/api/figure-sets', { ...body, orgCode: 'NOPE' }), 404, 'ORG_NOT_FOUND');

    expect((await api.request('GET', `/api/figure-sets/${set.id}`)).json()).toMatchObject({ id: set.id, sourceDepartment: '县纪委监委' });
    expectError(await api.request('GET', '/api/figure-sets/2000000000'), 404, 'FIGURE_SET_NOT_FOUND', '填报表');
    const fixed = await api.request('PUT', `/api/figure-sets/${set.id}/values/cases_filed`, { value: 7 });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((fixed.json() as SetJson).values[0]).toMatchObject({ indicatorId: 'cases_filed', value: 7 });
    expectError(await api.request('PUT', `/api/figure-sets/${set.id}/values/trainings_held`, { value: 7 }), 400, 'FIELD_INVALID', '不能手工填报');

    const list = await api.request('GET', `/api/figure-sets?org=C&period=2026&source=${encodeURIComponent('县纪委监委')}&indicator=cases_filed`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: set.id }] });
    const manual = await api.request('GET', '/api/indicators/manual');
    expect(manual.statusCode, manual.body).toBe(200);
    expect((manual.json() as { items: { id: string }[] }).items).toHaveLength(HAND_ENTERED);

    const figures = await api.request('GET', '/api/figure-sets/figures?org=C&period=2026');
    expect(figures.statusCode, figures.body).toBe(200);
    expect((figures.json() as { figures: { id: string; value: number }[] }).figures.map((f) => [f.id, f.value])).toEqual([['cases_filed', 7], ['cases_filed_yoy', -8.5]]);
    const together = await api.request('GET', '/api/figures?org=C&period=2026&ledger=manual');
    expect(together.statusCode, together.body).toBe(200);
    expect((together.json() as { figures: { ledger: string; id: string }[] }).figures.map((f) => [f.ledger, f.id])).toEqual([['manual', 'cases_filed'], ['manual', 'cases_filed_yoy']]);
    expectError(await api.request('GET', '/api/figure-sets/figures?period=2026Q5'), 400, 'FIELD_INVALID', '统计期');

    const removed = await api.request('DELETE', `/api/figure-sets/${set.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expectError(await api.request('DELETE', `/api/figure-sets/${set.id}`), 404, 'FIGURE_SET_NOT_FOUND');
    const audit = await api.request('GET', '/api/audit?record=figure_set');
    expect(audit.statusCode).toBe(200);
  });
});
