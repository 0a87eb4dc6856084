import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase, type Engine } from '../../../test/helpers/test-db.js';
import { failure } from '../../../test/helpers/errors.js';
import { asUser, makeCounty, makeUser } from '../../../test/factories.js';
import { fixedClock } from '../../shared/clock.js';
import { ledgerFigures } from '../figures/ledger-figures.js';
import { createFigureSet } from './create-figure-set.js';
import { deleteFigureSet } from './delete-figure-set.js';
import { getFigureSet } from './figure-set-records.js';
import { findFigureSets } from './find-figure-sets.js';
import { manualFigures } from './manual-figures.js';
import { manualIndicators } from './manual-indicators.js';
import { setFigureValue } from './set-figure-value.js';

const C = 'C';
const T1 = 'C.T1';
const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';

const DISCIPLINE = { orgCode: C, period: '2026', sourceDepartment: '县纪委监委' };

describe.each(ENGINES)('figure sets on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  it('enters a set with its values in one call, dated today by the caller, with the catalog’s units', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const s = await createFigureSet(ctx, {
      ...DISCIPLINE,
      enteredBy: '李四',
      note: '县纪委监委2026年工作报告',
      values: [
        { indicatorId: 'clues_disposed', value: 12 },
        { indicatorId: 'cases_filed', value: '5', unit: '件' },
        { indicatorId: 'cases_filed_yoy', value: -12.5 },
      ],
    });
    expect(s).toMatchObject({
      orgCode: C,
      period: { label: '2026', title: '2026年', start: '2026-01-01', end: '2026-12-31' },
      sourceDepartment: '县纪委监委',
      enteredBy: '李四',
      enteredOn: '2026-11-23',
      note: '县纪委监委2026年工作报告',
    });
    expect(s.values.map((v) => [v.indicatorId, v.label, v.value, v.unit])).toEqual([
      ['clues_disposed', '处置问题线索', 12, '件'],
      ['cases_filed', '立案', 5, '件'],
      ['cases_filed_yoy', '立案数同比增长', -12.5, '%'],
    ]);
    expect(await getFigureSet(ctx, s.id)).toEqual(s);
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'record_type', 'record_id', 'changes']).where('record_type', '=', 'figure_set').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.changes!)['values.cases_filed']).toEqual([null, 5]);

    // A signed-in user is named by the account; the system (command line) without a name by its own.
    const admin = await asUser(ctx, await makeUser(ctx, 'c-admin', ['org_admin'], C, { displayName: '王五' }));
    expect((await createFigureSet(admin, { ...DISCIPLINE, values: [{ indicatorId: 'cases_filed', value: 6 }] })).enteredBy).toBe('王五');
    expect((await failure(createFigureSet(admin, { ...DISCIPLINE, enteredBy: '赵六', values: [{ indicatorId: 'cases_filed', value: 6 }] }))).issues[0]).toMatchObject({ field: 'enteredBy' });
    expect((await createFigureSet(ctx, { ...DISCIPLINE, values: [{ indicatorId: 'cases_filed', value: 6 }] })).enteredBy).toBe('系统（命令行）');
  });

  it('refuses bad ids, ids computed from records, negative values, a unit other than the catalog’s, and a bad period — writing nothing', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 1);
    const bad = await failure(
      createFigureSet(ctx, {
        ...DISCIPLINE,
        period: '2026Q5',
        values: [
          { indicatorId: 'no_such_id', value: 1 },
          { indicatorId: 'trainings_held', value: 3 },
          { indicatorId: 'cases_filed', value: -1 },
          { indicatorId: 'clues_disposed', value: 4, unit: '个' },
          { indicatorId: 'cases_filed_yoy', value: -3 },
          { indicatorId: 'clues_disposed', value: 5 },
        ],
      }),
    );
    expect(bad.code).toBe('FIELD_INVALID');
    expect(bad.issues.map((i) => i.field)).toEqual([
      'period', 'values.0.indicatorId', 'values.1.indicatorId', 'values.2.value', 'values.3.unit', 'values.5.indicatorId',
    ]);
    expect(bad.issues[2]!.message).toContain('该指标由系统根据记录计算，不能手工填报');
    expect(bad.issues[2]!.message).toContain('trainings_held');
    expect(await ctx.db.selectFrom('figure_sets').select('id').execute()).toEqual([]);
    expect(await ctx.db.selectFrom('figure_values').select('id').execute()).toEqual([]);

    const missing = await failure(createFigureSet(ctx, { orgCode: C, period: '2026', values: [] } as never));
    expect(missing.issues.map((i) => [i.code, i.field])).toEqual([['FIELD_REQUIRED', 'sourceDepartment'], ['FIELD_INVALID', 'values']]);
    expect((await failure(createFigureSet(ctx, { ...DISCIPLINE, orgCode: 'NOPE', values: [{ indicatorId: 'cases_filed', value: 1 }] }))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(createFigureSet(ctx, { ...DISCIPLINE, values: [{ indicatorId: 'cases_filed', value: 'x' }] }))).issues[0]).toMatchObject({ field: 'values.0.value' });
  });

  it('corrects a value (audited before and after), adds one, and deletes a set (audited)', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 1);
    const s = await createFigureSet(ctx, { ...DISCIPLINE, values: [{ indicatorId: 'cases_filed', value: 5 }] });
    const fixed = await setFigureValue(ctx, s.id, 'cases_filed', { value: 7, note: '更正笔误' });
    expect(fixed.values).toMatchObject([{ indicatorId: 'cases_filed', value: 7, note: '更正笔误' }]);
    const added = await setFigureValue(ctx, s.id, 'clues_disposed', { value: '9' });
    expect(added.values.map((v) => [v.indicatorId, v.value])).toEqual([['cases_filed', 7], ['clues_disposed', 9]]);
    expect((await failure(setFigureValue(ctx, s.id, 'trainings_held', { value: 1 }))).issues[0]).toMatchObject({ field: 'indicatorId' });
    expect((await failure(setFigureValue(ctx, s.id, 'cases_filed', { value: -2 }))).issues[0]).toMatchObject({ field: 'value' });
    expect((await failure(setFigureValue(ctx, s.id, 'cases_filed', { value: 2, unit: '人' }))).issues[0]).toMatchObject({ field: 'unit' });
    expect((await failure(setFigureValue(ctx, 999_999, 'cases_filed', { value: 2 }))).code).toBe('FIGURE_SET_NOT_FOUND');

    const deleted = await deleteFigureSet(ctx, s.id);
    expect(deleted.values).toHaveLength(2);
    expect((await failure(getFigureSet(ctx, s.id))).code).toBe('FIGURE_SET_NOT_FOUND');
    expect(await ctx.db.selectFrom('figure_values').select('id').execute()).toEqual([]);
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'changes', 'note']).where('record_type', '=', 'figure_set').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update', 'delete']);
    expect(JSON.parse(audit[1]!.changes!)).toEqual({ 'values.cases_filed': [5, 7] });
    expect(audit[1]!.note).toBe('更正指标 cases_filed');
    expect(JSON.parse(audit[3]!.changes!)['values.clues_disposed']).toEqual([9, null]);
  });

  it('answers the figures of exactly the organization and period asked, the latest entry superseding earlier ones', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const later = { ...ctx, clock: fixedClock('2026-12-20') };
    const first = await createFigureSet(ctx, { ...DISCIPLINE, values: [{ indicatorId: 'cases_filed', value: 5 }, { indicatorId: 'clues_disposed', value: 12 }] });
    const second = await createFigureSet(later, { ...DISCIPLINE, sourceDepartment: '县纪委监委案件审理室', enteredBy: '张三', values: [{ indicatorId: 'cases_filed', value: 6 }] });
    // Entered earlier (by date) but created after: the later entry date still wins.
    await createFigureSet(ctx, { ...DISCIPLINE, values: [{ indicatorId: 'cases_filed', value: 99 }] });
    await createFigureSet(ctx, { ...DISCIPLINE, period: '2026H1', values: [{ indicatorId: 'cases_filed', value: 2 }] });
    await createFigureSet(ctx, { ...DISCIPLINE, orgCode: B1, values: [{ indicatorId: 'cases_filed', value: 1 }] });
    await createFigureSet(ctx, { orgCode: T1, period: '2026', sourceDepartment: '县统计局', values: [{ indicatorId: 'fixed_asset_investment', value: 3.25 }] });

    const f = await manualFigures(ctx, { orgCode: C, period: '2026' });
    expect(f.org).toEqual({ code: C, name: '中共测试县委员会' });
    expect(f.figures.map((x) => [x.id, x.value])).toEqual([['cases_filed', 6], ['clues_disposed', 12]]);
    const cases = f.figures.find((x) => x.id === 'cases_filed')!;
    expect(cases).toMatchObject({ label: '立案', unit: '件', evidence: { table: 'figure_values', ids: [second.values[0]!.id] } });
    expect(cases.computation).toMatch(/^手工填报：县纪委监委案件审理室，张三 于 2026-12-20 填报/);
    expect(cases.computation).toContain('同期另有2次较早填报，以最近一次为准');
    expect(f.figures[1]!.evidence.ids).toEqual([first.values[1]!.id]);
    // Not summed over the subtree; not another period's.
    expect((await manualFigures(ctx, { orgCode: B1, period: '2026' })).figures.map((x) => [x.id, x.value])).toEqual([['cases_filed', 1]]);
    expect((await manualFigures(ctx, { orgCode: T1, period: '2026' })).figures.map((x) => [x.id, x.value])).toEqual([['fixed_asset_investment', 3.25]]);
    expect((await manualFigures(ctx, { orgCode: C, period: '2026H1' })).figures.map((x) => x.value)).toEqual([2]);
    expect((await manualFigures(ctx, { orgCode: C, period: '2026Q1' })).figures).toEqual([]);
    // Without an organization: the root of the tree for the system, a user's own organization.
    expect((await manualFigures(ctx, { period: '2026' })).figures).toHaveLength(2);
    const b1 = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    expect((await manualFigures(b1, { period: '2026' })).figures.map((x) => x.value)).toEqual([1]);

    // In the ledgers' figures together, as ledger "manual".
    const all = await ledgerFigures(ctx, { orgCode: C, period: '2026', ledgers: ['manual'], evidence: true });
    expect(all.figures.map((x) => [x.ledger, x.ledgerLabel, x.id, x.value])).toEqual([['manual', '手工填报', 'cases_filed', 6], ['manual', '手工填报', 'clues_disposed', 12]]);
    const everything = await ledgerFigures(ctx, { orgCode: C, period: '2026' });
    expect(new Set(everything.figures.map((x) => x.id)).size).toBe(everything.figures.length);
  });

  it('lists sets by subtree, period, source and indicator, latest first', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const a = await createFigureSet(ctx, { ...DISCIPLINE, values: [{ indicatorId: 'cases_filed', value: 5 }] });
    const b = await createFigureSet(ctx, { ...DISCIPLINE, orgCode: B1, period: '2026Q2', values: [{ indicatorId: 'clues_disposed', value: 2 }] });
    const c = await createFigureSet(ctx, { orgCode: B2, period: '2025', sourceDepartment: '县委网信办', values: [{ indicatorId: 'online_opinion_items_monitored', value: 40 }] });
    const ids = async (q: Parameters<typeof findFigureSets>[1]) => (await findFigureSets(ctx, q)).items.map((s) => s.id);
    expect(await ids({})).toEqual([b.id, a.id, c.id]);
    expect(await ids({ org: T1 })).toEqual([b.id, c.id]);
    expect(await ids({ period: '2026' })).toEqual([b.id, a.id]);
    expect(await ids({ period: '2026Q2' })).toEqual([b.id]);
    expect(await ids({ source: '县委网信办' })).toEqual([c.id]);
    expect(await ids({ indicator: 'cases_filed' })).toEqual([a.id]);
    const page = await findFigureSets(ctx, { limit: 1 });
    expect(page.total).toBe(3);
    expect(page.items[0]!.values).toHaveLength(1);
    expect(manualIndicators().find((i) => i.id === 'cases_filed')).toMatchObject({ label: '立案', unit: '件', sourceRecord: 'discipline_case_aggregate' });
  });

  it('keeps to the caller’s scope: outside it "not found", readable but not writable 403', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const own = await createFigureSet(ctx, { ...DISCIPLINE, orgCode: B1, values: [{ indicatorId: 'cases_filed', value: 1 }] });
    const foreign = await createFigureSet(ctx, { ...DISCIPLINE, orgCode: B2, values: [{ indicatorId: 'cases_filed', value: 2 }] });
    const county = await createFigureSet(ctx, { ...DISCIPLINE, values: [{ indicatorId: 'cases_filed', value: 3 }] });
    const sec = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    const viewer = await asUser(ctx, await makeUser(ctx, 't1-viewer', ['viewer'], T1));
    const townAdmin = await asUser(ctx, await makeUser(ctx, 't1-admin', ['org_admin'], T1));

    expect((await findFigureSets(sec, {})).items.map((s) => s.id)).toEqual([own.id]);
    expect((await failure(getFigureSet(sec, foreign.id))).code).toBe('FIGURE_SET_NOT_FOUND');
    expect((await failure(getFigureSet(sec, county.id))).code).toBe('FIGURE_SET_NOT_FOUND');
    expect((await failure(setFigureValue(sec, foreign.id, 'cases_filed', { value: 9 }))).code).toBe('FIGURE_SET_NOT_FOUND');
    expect((await failure(deleteFigureSet(sec, foreign.id))).code).toBe('FIGURE_SET_NOT_FOUND');
    expect((await failure(createFigureSet(sec, { ...DISCIPLINE, orgCode: B2, values: [{ indicatorId: 'cases_filed', value: 1 }] }))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(createFigureSet(sec, { ...DISCIPLINE, orgCode: T1, values: [{ indicatorId: 'cases_filed', value: 1 }] }))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(manualFigures(sec, { orgCode: B2, period: '2026' }))).code).toBe('ORG_NOT_FOUND');
    expect((await setFigureValue(sec, own.id, 'cases_filed', { value: 4 })).values[0]!.value).toBe(4);

    expect((await findFigureSets(viewer, {})).items.map((s) => s.id).sort()).toEqual([own.id, foreign.id].sort());
    expect((await failure(setFigureValue(viewer, own.id, 'cases_filed', { value: 9 }))).code).toBe('PERMISSION_DENIED');
    expect((await failure(deleteFigureSet(viewer, own.id))).code).toBe('PERMISSION_DENIED');
    expect((await failure(createFigureSet(viewer, { ...DISCIPLINE, orgCode: B1, values: [{ indicatorId: 'cases_filed', value: 1 }] }))).code).toBe('PERMISSION_DENIED');
    expect((await failure(getFigureSet(viewer, county.id))).code).toBe('FIGURE_SET_NOT_FOUND');

    expect((await createFigureSet(townAdmin, { ...DISCIPLINE, orgCode: B2, values: [{ indicatorId: 'cases_filed', value: 1 }] })).orgCode).toBe(B2);
    expect((await deleteFigureSet(townAdmin, foreign.id)).id).toBe(foreign.id);
  });
});
