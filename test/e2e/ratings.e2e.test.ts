/**
 * Ratings, 软弱涣散 cases and designations as people reach them: `dangjian schemes`, `rating …`, `ratings …`,
 * `weak-org(s) …` and `designations …` (the compiled program, both engines) on a small county imported from a
 * workbook, and the /api/rating-schemes, /api/ratings, /api/weak-orgs and /api/designations routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type Engine } from '../helpers/test-db.js';
import { createCliDatabase, importCounty, memberRow as member, runCli as run, type CliDatabase } from '../helpers/cli-db.js';
import { expectError, logIn, useApi } from '../helpers/http.js';
import { TEST_PASSWORD, makeCounty, makeUser } from '../factories.js';

const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';
const SCORES = '党组织带头人=19,工作思路=9,工作制度=14,活动阵地=9,保障机制=9,工作业绩=18,群众评价=14';

describe.each(ENGINES)('dangjian ratings on %s', (engine: Engine) => {
  let db = '';
  let cli: CliDatabase | undefined;

  beforeAll(async () => {
    cli = await createCliDatabase(engine, 'ratings');
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
        members: [member('一村甲', B1), member('二村丙', B2)],
      },
      [],
    );
  });

  afterAll(async () => {
    await cli?.drop();
  });

  it('lists the schemes, assesses, decides and counts ratings', async () => {
    const schemes = await run(['--db', db, 'schemes']);
    expect(schemes.code, schemes.stderr).toBe(0);
    expect(schemes.stdout).toContain('central-2012');
    expect(schemes.stdout).toContain('five-star');
    const central = await run(['--db', db, 'schemes', 'central-2012']);
    expect(central.stdout).toContain('组厅字〔2012〕6号');
    expect(central.stdout).toContain('党组织带头人');

    const assessed = await run(['--db', db, '--json', 'rating', 'assess', '--org', B1, '--year', '2025', '--scheme', 'central-2012', '--scores', SCORES, '--satisfaction', '92']);
    expect(assessed.code, assessed.stderr).toBe(0);
    const r = JSON.parse(assessed.stdout) as { id: number; selfScore: number; selfGrade: string };
    expect(r).toMatchObject({ selfScore: 92, selfGrade: '好' });
    const low = await run(['--db', db, 'rating', 'assess', '--org', B2, '--year', '2025', '--scheme', 'central-2012', '--scores', SCORES, '--satisfaction', '80']);
    expect(low.code, low.stderr).toBe(0);
    expect(low.stdout).toContain('计算等次一般');
    expect(low.stdout).toContain('群众满意率80%低于90%');

    const bad = await run(['--db', db, '--json', 'rating', 'assess', '--org', B1, '--year', '2024', '--scheme', 'central-2012', '--scores', '党组织带头人=25']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error.message).toContain('超过该项分值20分');
    const dup = await run(['--db', db, '--json', 'rating', 'assess', '--org', B1, '--year', '2025', '--scheme', 'central-2012', '--scores', SCORES]);
    expect(dup.code).toBe(4);
    expect(JSON.parse(dup.stdout)).toMatchObject({ error: { code: 'RATING_DUPLICATE' } });

    const noNote = await run(['--db', db, '--json', 'rating', 'decide', String(r.id), '--grade', '较好']);
    expect(noNote.code).toBe(2);
    expect(JSON.parse(noNote.stdout)).toMatchObject({ error: { code: 'FIELD_REQUIRED' } });
    const decided = await run(['--db', db, 'rating', 'decide', String(r.id), '--on', '2026-02-01']);
    expect(decided.code, decided.stderr).toBe(0);
    expect(decided.stdout).toContain('好');
    expect((await run(['--db', db, 'rating', 'show', String(r.id)])).stdout).toContain('已评定（2026-02-01');

    const list = JSON.parse((await run(['--db', db, '--json', 'ratings', '--org', 'C.T1', '--year', '2025'])).stdout) as { total: number };
    expect(list.total).toBe(2);
    const figures = JSON.parse((await run(['--db', db, '--json', 'ratings', 'figures', '--org', B2, '--period', '2026'])).stdout) as { org: { code: string }; figures: { id: string; value: number }[] };
    expect(figures.org.code).toBe(B2);
    expect(figures.figures.find((f) => f.id === 'orgs_graded')!.value).toBe(0);
    const all = JSON.parse((await run(['--db', db, '--json', 'ratings', 'figures', '--period', '2026'])).stdout) as { figures: { id: string; value: number }[] };
    expect(all.figures.find((f) => f.id === 'orgs_graded')!.value).toBe(1);
    const breakdown = await run(['--db', db, 'ratings', 'breakdown', '--year', '2025']);
    expect(breakdown.code, breakdown.stderr).toBe(0);
    expect(breakdown.stdout).toContain('好1个');
    const together = JSON.parse((await run(['--db', db, '--json', 'figures', '--period', '2026', '--ledger', 'ratings'])).stdout) as { figures: { ledger: string; id: string }[] };
    expect(together.figures.some((f) => f.ledger === 'ratings' && f.id === 'weak_orgs_rectified')).toBe(true);
  });

  it('tracks a 软弱涣散 case and designations', async () => {
    const opened = await run(['--db', db, '--json', 'weak-org', 'open', '--org', B2, '--year', '2026', '--reason', 'secretary.vacant:书记空缺超过3个月', '--on', '2026-03-01']);
    expect(opened.code, opened.stderr).toBe(0);
    const c = JSON.parse(opened.stdout) as { id: number; status: string; reasons: unknown };
    expect(c).toMatchObject({ status: '待研判', reasons: [{ code: 'secretary.vacant', text: '书记空缺超过3个月' }] });
    const planned = await run(['--db', db, 'weak-org', 'plan', String(c.id), '--plan', '选优配强书记', '--leader', '镇党委副书记', '--deadline', '2026-09-30']);
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toContain('整顿中');
    const closed = await run(['--db', db, 'weak-org', 'close', String(c.id), '--on', '2026-09-20']);
    expect(closed.code, closed.stderr).toBe(0);
    const again = await run(['--db', db, '--json', 'weak-org', 'close', String(c.id)]);
    expect(again.code).toBe(4);
    expect(JSON.parse(again.stdout)).toMatchObject({ error: { code: 'WEAK_CASE_STEP_ORDER' } });
    const list = await run(['--db', db, 'weak-orgs', '--org', 'C', '--year', '2026']);
    expect(list.stdout).toContain('已销号');

    const added = await run(['--db', db, '--json', 'designations', 'add', '--org', B1, '--title', '党建示范村', '--kind', '党建示范村', '--action', '新建', '--level', '县级', '--on', '2026-06-01']);
    expect(added.code, added.stderr).toBe(0);
    const d = JSON.parse(added.stdout) as { id: number; action: string };
    expect(d.action).toBe('新建');
    const figures = JSON.parse((await run(['--db', db, '--json', 'ratings', 'figures', '--period', '2026'])).stdout) as { figures: { id: string; value: number }[] };
    const value = (id: string) => figures.figures.find((f) => f.id === id)!.value;
    expect([value('weak_orgs_flagged'), value('weak_orgs_rectified'), value('model_villages_new'), value('model_villages_built')]).toEqual([1, 1, 1, 1]);
    const revoked = await run(['--db', db, 'designations', 'revoke', String(d.id), '--on', '2026-10-01', '--reason', '复查不达标']);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect((await run(['--db', db, 'designations', '--org', B1])).stdout).toContain('已撤销（2026-10-01）');
  });
});

describe.each(ENGINES)('/api ratings on %s', (engine: Engine) => {
  const api = useApi(engine);

  it('assesses and decides over HTTP; only a superior decides and closes; bad input names the field', async () => {
    await makeCounty(api.ctx, 2);
    await makeUser(api.ctx, 'b1-secretary', ['secretary'], B1);
    await makeUser(api.ctx, 't1-admin', ['org_admin'], 'C.T1');
    const b1 = await logIn(api.app, 'b1-secretary', TEST_PASSWORD);
    const t1 = await logIn(api.app, 't1-admin', TEST_PASSWORD);
    const send = (headers: Record<string, string>, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
      api.app.inject({ method, url, headers, ...(payload && { payload }) });

    const schemes = await api.request('GET', '/api/rating-schemes');
    expect(schemes.statusCode).toBe(200);
    expect((schemes.json() as { items: { code: string }[] }).items.map((s) => s.code)).toEqual(['central-2012', 'five-star']);
    expect((await api.request('GET', '/api/rating-schemes/five-star')).json()).toMatchObject({ kind: '星级', config: { total: 110 } });
    expectError(await api.request('GET', '/api/rating-schemes/missing'), 404, 'RATING_SCHEME_NOT_FOUND');
    expectError(await send(t1, 'POST', '/api/rating-schemes', { code: 'x1', name: '新方案', kind: '星级', config: { total: 10, indicators: [{ key: 'a', name: '甲', max: 10 }], bands: [{ grade: '好', min: 5 }, { grade: '差', min: 0 }] } }), 403, 'PERMISSION_DENIED');
    expectError(await api.request('PUT', '/api/rating-schemes/central-2012', { name: '改' }), 409, 'RATING_SCHEME_BUILTIN');

    const body = { orgCode: B1, year: 2025, schemeCode: 'five-star', scores: { 班子建设: 15, 党员队伍: 14, 组织生活: 14, 制度落实: 10, 阵地建设: 9, 服务群众: 14, 发展成效: 13, 创新特色: 12 } };
    const created = await send(b1, 'POST', '/api/ratings', { ...body, items: ['innovation_project'] });
    expect(created.statusCode, created.body).toBe(201);
    const rating = created.json() as { id: number; selfScore: number; selfGrade: string };
    expect(rating).toMatchObject({ selfScore: 101, selfGrade: '五星' });
    expectError(await send(b1, 'POST', '/api/ratings', { ...body, year: 2024, scores: { 班子建设: 16 } }), 400, 'FIELD_INVALID', '各项得分');
    expectError(await send(b1, 'POST', '/api/ratings', { ...body, year: 2024, publicSatisfaction: 120 }), 400, 'FIELD_INVALID', '群众满意率');
    expectError(await send(b1, 'POST', '/api/ratings', { ...body, orgCode: B2 }), 404, 'ORG_NOT_FOUND');
    const patched = await send(b1, 'PATCH', `/api/ratings/${rating.id}`, { items: [] });
    expect(patched.json()).toMatchObject({ selfGrade: '四星' });
    expectError(await send(b1, 'POST', `/api/ratings/${rating.id}/decision`, {}), 403, 'PERMISSION_DENIED');
    const decided = await send(t1, 'POST', `/api/ratings/${rating.id}/decision`, { items: ['innovation_project'], decidedOn: '2026-02-01' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ finalGrade: '五星', decidedBy: 't1-admin', quotaWarnings: ['中共测试镇委员会范围内2025年评定为五星的1个，占已评定1个的100%，超过比例上限10%'] });
    expectError(await send(b1, 'PATCH', `/api/ratings/${rating.id}`, { memberScore: 90 }), 409, 'RATING_ALREADY_DECIDED');
    expectError(await api.request('GET', '/api/ratings/2000000000'), 404, 'RATING_NOT_FOUND', '评定记录');
    const page = await send(b1, 'GET', '/api/ratings?year=2025&scheme=five-star');
    expect(page.json()).toMatchObject({ total: 1, quotas: [{ grade: '五星', count: 1, exceeded: true }, { grade: '四星' }, { grade: '三星' }] });
    expect((await api.request('GET', '/api/ratings/breakdown?year=2025')).json()).toMatchObject({ schemes: [{ code: 'five-star', grades: [{ grade: '五星', count: 1 }] }] });
    expect((await api.request('GET', '/api/ratings/figures?period=2026')).statusCode).toBe(200);
    expectError(await api.request('GET', '/api/ratings/figures?period=2026Q5'), 400, 'FIELD_INVALID', '统计期');

    const opened = await send(b1, 'POST', '/api/weak-orgs', { orgCode: B1, year: 2026, source: '自查', reasons: [{ code: 'dues', text: '党费长期未收缴' }], flaggedOn: '2026-03-01' });
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json() as { id: number };
    expectError(await send(b1, 'POST', '/api/weak-orgs', { orgCode: B1, year: 2026, source: '自查', reasons: [] }), 400, 'FIELD_INVALID', '认定情形');
    expectError(await send(b1, 'POST', `/api/weak-orgs/${c.id}/steps`, { step: 'plan', plan: '整顿', leaderName: '张', deadline: '2026-09-30' }), 403, 'PERMISSION_DENIED');
    const planned = await send(t1, 'POST', `/api/weak-orgs/${c.id}/steps`, { step: 'plan', plan: '整顿', leaderName: '张', deadline: '2026-09-30' });
    expect(planned.json()).toMatchObject({ status: '整顿中' });
    expectError(await send(b1, 'POST', `/api/weak-orgs/${c.id}/steps`, { step: 'close' }), 403, 'PERMISSION_DENIED');
    expect((await send(t1, 'POST', `/api/weak-orgs/${c.id}/steps`, { step: 'close', closedOn: '2026-09-01' })).json()).toMatchObject({ status: '已销号', closedBy: 't1-admin' });
    expect((await send(b1, 'GET', `/api/weak-orgs/${c.id}`)).json()).toMatchObject({ status: '已销号' });
    expect((await send(b1, 'GET', '/api/weak-orgs?status=已销号'.replace('已销号', encodeURIComponent('已销号')))).json()).toMatchObject({ total: 1 });

    const d = await send(b1, 'POST', '/api/designations', { orgCode: B1, title: '县级示范党支部', kind: '示范党支部', action: '命名', level: '县级', designatedOn: '2026-05-01' });
    expect(d.statusCode, d.body).toBe(201);
    const dv = d.json() as { id: number };
    expectError(await send(b1, 'POST', '/api/designations', { orgCode: B1, title: '示范', kind: '示范党支部', action: '命名', level: '国家级', designatedOn: '2026-05-01' }), 400, 'VALUE_NOT_ALLOWED', '命名级别');
    expect((await send(b1, 'POST', `/api/designations/${dv.id}/revoke`, { revokedOn: '2026-06-01' })).json()).toMatchObject({ status: '已撤销' });
    expectError(await send(b1, 'POST', `/api/designations/${dv.id}/revoke`, { revokedOn: '2026-06-02' }), 409, 'DESIGNATION_ALREADY_REVOKED');
    expect((await send(b1, 'GET', '/api/designations?active=false')).json()).toMatchObject({ total: 1 });
  });
});
