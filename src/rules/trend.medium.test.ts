import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../../test/helpers/test-db.js';
import { expectError, useApi } from '../../test/helpers/http.js';
import { asUser, makeUser } from '../../test/factories.js';
import { failure } from '../../test/helpers/errors.js';
import { generateDemo } from '../modules/demo/generate-demo.js';
import { buildNotice } from './notice.js';
import { trendQuery } from './rules.schema.js';
import { complianceTrend } from './trend.js';
import { addMembers, branch, county, meet } from './rules-fixtures.test.js';

/** The compliance trend of the dashboard (GET /api/checks/trend); today is 2026-11-23. */
describe.each(ENGINES)('rules: compliance trend on %s', (engine) => {
  const t = useTestDatabase(engine);

  /** A point is the summary of that month's notice, number for number (without its rows and findings). */
  async function expectNoticeSummaries(orgCode: string, points: Awaited<ReturnType<typeof complianceTrend>>['points']): Promise<void> {
    for (const p of points) {
      const { summary } = await buildNotice(t.ctx, { orgCode, period: p.period });
      expect(p, p.period).toEqual({ period: p.period, overall: summary.overall, families: summary.families, byStatus: summary.byStatus, organizations: summary.organizations });
    }
  }

  it('gives each month the summary of its monitoring notice, for the county and a township', async () => {
    const demo = await generateDemo(t.ctx, { members: 400, seed: 5, fromYear: 2025 });
    const trend = await complianceTrend(t.ctx, { orgCode: demo.countyCode, months: 6, to: '2026-10' });
    expect(trend.org).toEqual({ code: demo.countyCode, name: demo.countyName });
    expect(trend.points.map((p) => p.period)).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    await expectNoticeSummaries(demo.countyCode, trend.points);
    // Real numbers, not empty months: every month has checks judged, and some organization is not green.
    for (const p of trend.points) {
      expect(p.overall.met).toBeGreaterThan(0);
      expect(p.overall.rate).not.toBeNull();
      expect(p.organizations).toBeGreaterThan(10);
    }
    expect(trend.points.some((p) => p.byStatus.red + p.byStatus.yellow > 0)).toBe(true);

    // A township, by default up to this month (the clock's: November, still running, judged up to today).
    const town = (await t.ctx.db.selectFrom('organizations').select('code').where('depth', '=', 1).where('kind', '=', '党委').orderBy('path').executeTakeFirstOrThrow()).code;
    const recent = await complianceTrend(t.ctx, { orgCode: town, months: 3 });
    expect(recent.org.code).toBe(town);
    expect(recent.points.map((p) => p.period)).toEqual(['2026-09', '2026-10', '2026-11']);
    await expectNoticeSummaries(town, recent.points);
  });

  it('spans the turn of a year and leaves a month not yet begun empty', async () => {
    await county(t.ctx);
    const b = await branch(t.ctx, 'C.T1.B1');
    await addMembers(t.ctx, b.id, 3);
    await meet(t.ctx, 'C.T1.B1', '主题党日', '2026-01-08', { expected: 3 });
    const trend = await complianceTrend(t.ctx, { orgCode: 'C.T1', months: 2, to: '2026-01' });
    expect(trend.points.map((p) => p.period)).toEqual(['2025-12', '2026-01']);
    expect(trend.points[1]!.families['org-life']).toMatchObject({ met: 1, failed: 0 });
    // December owes the quarter's, the half's and the year's meetings too: none held.
    expect(trend.points[0]!.families['org-life']).toMatchObject({ met: 0 });
    expect(trend.points[0]!.families['org-life'].failed).toBeGreaterThan(0);
    await expectNoticeSummaries('C.T1', trend.points);
    const future = await complianceTrend(t.ctx, { orgCode: 'C.T1', months: 1, to: '2027-01' });
    expect(future.points).toEqual([
      expect.objectContaining({ period: '2027-01', overall: { met: 0, failed: 0, rate: null }, byStatus: { green: 0, yellow: 0, red: 0 }, organizations: 2 }),
    ]);
  });

  it('is scoped like the notice: an organization outside the caller\'s scope is not found', async () => {
    await county(t.ctx);
    for (const code of ['C.T1.B1', 'C.T1.B2']) await addMembers(t.ctx, (await branch(t.ctx, code)).id, 3);
    const ctx = await asUser(t.ctx, await makeUser(t.ctx, 'secretary1', ['secretary'], 'C.T1.B1'));
    for (const orgCode of ['C.T1.B2', 'C.T1', 'NOPE']) {
      const e = await failure(complianceTrend(ctx, { orgCode, months: 2, to: '2026-10' }));
      expect(e.code).toBe('ORG_NOT_FOUND');
      expect(e.issues).toEqual([expect.objectContaining({ code: 'ORG_NOT_FOUND', field: 'org' })]);
    }
    const own = await complianceTrend(ctx, { months: 2, to: '2026-10' });
    expect(own.org.code).toBe('C.T1.B1');
    expect(own.points.map((p) => p.organizations)).toEqual([1, 1]);
  });

  it('refuses a bad month count or month in the service, naming the field', async () => {
    await county(t.ctx);
    for (const [opts, field] of [
      [{ months: 0 }, 'months'],
      [{ months: 13 }, 'months'],
      [{ months: 2.5 }, 'months'],
      [{ to: '2026Q1' }, 'to'],
      [{ to: '2026-13' }, 'to'],
    ] as const) {
      const e = await failure(complianceTrend(t.ctx, { orgCode: 'C', ...opts }));
      expect(e.code).toBe('FIELD_INVALID');
      expect(e.issues).toEqual([expect.objectContaining({ field })]);
    }
  });
});

describe('rules: the trend query', () => {
  it('defaults to six months up to this month and refuses what is not a month count or a month', () => {
    expect(trendQuery.parse({})).toEqual({ months: 6 });
    expect(trendQuery.parse({ org: 'C', months: '12', to: '2026-05' })).toEqual({ org: 'C', months: 12, to: '2026-05' });
    for (const [query, field] of [
      [{ months: '0' }, 'months'],
      [{ months: '13' }, 'months'],
      [{ months: '2.5' }, 'months'],
      [{ months: 'six' }, 'months'],
      [{ to: '2026-13' }, 'to'],
      [{ to: '2026-5' }, 'to'],
      [{ to: '1900-01' }, 'to'],
      [{ to: '2026Q1' }, 'to'],
    ] as const) {
      const r = trendQuery.safeParse(query);
      expect(r.success, JSON.stringify(query)).toBe(false);
      expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual([field]);
      expect(r.error!.issues[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe.each(ENGINES)('GET /api/checks/trend on %s', (engine) => {
  const api = useApi(engine);

  it('answers the points and refuses bad input with 400 naming the field', async () => {
    await county(api.ctx);
    await addMembers(api.ctx, (await branch(api.ctx, 'C.T1.B1')).id, 3);
    const res = await api.request('GET', '/api/checks/trend?org=C.T1&months=2&to=2026-10');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { org: { code: string }; points: { period: string; organizations: number }[] };
    expect(body.org.code).toBe('C.T1');
    expect(body.points.map((p) => [p.period, p.organizations])).toEqual([['2026-09', 2], ['2026-10', 2]]);
    expectError(await api.request('GET', '/api/checks/trend?org=C.T1&months=13'), 400, 'FIELD_INVALID', '月数');
    expectError(await api.request('GET', '/api/checks/trend?org=C.T1&to=2026-13'), 400, 'FIELD_INVALID', '截止月份');
    expectError(await api.request('GET', '/api/checks/trend?org=NOPE'), 404, 'ORG_NOT_FOUND');
  });
});
