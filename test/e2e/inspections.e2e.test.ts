/**
 * Inspections and the rectification ledger as people reach them: `dangjian inspections|inspection|problems|problem …`
 * (the compiled program, both engines) on a small county imported from a workbook, and the /api/inspections and
 * /api/problems routes, with the superior's steps refused to the owner branch's own secretary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type Engine } from '../helpers/test-db.js';
import { createCliDatabase, importCounty, memberRow as member, runCli as run, type CliDatabase } from '../helpers/cli-db.js';
import { expectError, logIn, useApi } from '../helpers/http.js';
import { TEST_PASSWORD, makeCounty, makeUser } from '../factories.js';

const T1 = 'C.T1';
const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';

describe.each(ENGINES)('dangjian inspections and problems on %s', (engine: Engine) => {
  let db = '';
  let cli: CliDatabase | undefined;

  beforeAll(async () => {
    cli = await createCliDatabase(engine, 'inspections');
    db = cli.db;
    await importCounty(
      cli,
      {
        orgs: [
          { code: 'C', name: '中共测试县委员会', kind: '党委', sector: '机关', establishedOn: '1990-01-01' },
          { code: T1, name: '中共测试镇委员会', kind: '党委', sector: '农村', parentCode: 'C', establishedOn: '1990-01-01' },
          { code: B1, name: '中共测试镇一村支部委员会', kind: '党支部', sector: '农村', parentCode: T1, establishedOn: '2000-01-01' },
          { code: B2, name: '中共测试镇二村支部委员会', kind: '党支部', sector: '农村', parentCode: T1, establishedOn: '2000-01-01' },
        ],
        members: [member('一村甲', B1)],
      },
      [],
    );
  });

  afterAll(async () => {
    await cli?.drop();
  });

  it('records a round, registers its problems, takes them through the workflow and counts them', async () => {
    const added = await run(['--db', db, '--json', 'inspection', 'add', '--org', 'C', '--kind', '巡察', '--title', '县委第一轮巡察', '--start', '2026-03-01', '--end', '2026-04-30', '--targets', `${T1},${B1}`, '--units', '县医院:医院', '--clues', '3']);
    expect(added.code, added.stderr).toBe(0);
    const round = JSON.parse(added.stdout) as { id: number; targets: { unitKind: string }[] };
    expect(round.targets.map((t) => t.unitKind)).toEqual(['乡镇（街道）', '村', '医院']);
    const outside = await run(['--db', db, '--json', 'inspection', 'add', '--org', B1, '--kind', '巡察', '--title', 'x', '--start', '2026-03-01', '--end', '2026-04-30', '--targets', B2]);
    expect(outside.code).toBe(2);
    expect(JSON.parse(outside.stdout)).toMatchObject({ error: { code: 'FIELD_INVALID', issues: [{ field: 'targets.0.orgCode' }] } });
    const listed = await run(['--db', db, 'inspections', '--org', 'C']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('县委第一轮巡察');
    expect(listed.stdout).toContain('共1轮');

    const add = (extra: string[]) =>
      run(['--db', db, '--json', 'problem', 'add', '--org', B1, '--category', '三会一课', '--level', '组织层面', '--description', '三会一课记录不全', '--owner', '张书记', '--found-on', '2026-04-20', ...extra]);
    const first = await add(['--source', '巡察', '--inspection', String(round.id), '--deadline', '2026-06-30']);
    expect(first.code, first.stderr).toBe(0);
    const p = JSON.parse(first.stdout) as { id: number; status: string };
    expect(p.status).toBe('待整改');
    const late = await add(['--source', '查摆', '--deadline', '2026-05-31']);
    expect(late.code, late.stderr).toBe(0);
    const badDeadline = await add(['--source', '查摆', '--deadline', '2026-04-01']);
    expect(badDeadline.code).toBe(2);
    expect(badDeadline.stdout).toContain('DATE_ORDER_INVALID');

    const step = (action: string, on: string, extra: string[] = []) => run(['--db', db, 'problem', 'step', String(p.id), '--action', action, '--on', on, ...extra]);
    expect((await step('制定措施', '2026-05-01', ['--measures', '补齐记录\n建立台账'])).stdout).toContain('当前状态：整改中');
    expect((await step('报告进展', '2026-05-20', ['--note', '已补齐', '--evidence', '记录本照片'])).code).toBe(0);
    const wrong = await run(['--db', db, '--json', 'problem', 'step', String(p.id), '--action', '销号', '--on', '2026-05-21']);
    expect(wrong.code).toBe(4);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ error: { code: 'PROBLEM_TRANSITION_INVALID' } });
    expect(JSON.parse(wrong.stdout).error.message).toContain('当前状态为“整改中”');
    const back = await step('提请验收', '2026-05-19');
    expect(back.code).toBe(2);
    expect(back.stderr).toContain('办理日期');
    expect((await step('提请验收', '2026-06-20')).code).toBe(0);
    expect((await step('验收通过', '2026-06-25')).stdout).toContain('已验收待销号');
    expect((await step('销号', '2026-06-26')).stdout).toContain('当前状态：已销号');

    const shown = await run(['--db', db, 'problem', 'show', String(p.id)]);
    expect(shown.code, shown.stderr).toBe(0);
    for (const text of ['办理记录', '登记', '制定措施', '记录本照片', '整改中 → 待验收', '验收通过：2026-06-25', '销号：2026-06-26']) expect(shown.stdout).toContain(text);
    expect((await run(['--db', db, 'problem', 'show', '999999'])).code).toBe(3);

    const overdueRun = await run(['--db', db, '--json', 'problems', '--status', '逾期']);
    expect(overdueRun.code, overdueRun.stderr).toBe(0);
    const overdue = JSON.parse(overdueRun.stdout) as { total: number; items: { source: string }[] };
    expect(overdue).toMatchObject({ total: 1, items: [{ source: '查摆' }] });
    const text = await run(['--db', db, 'problems', '--org', T1, '--source', '巡察']);
    expect(text.stdout).toContain('共1个问题');
    expect((await run(['--db', db, 'problems', '--status', '完成'])).code).toBe(2);
    const detail = await run(['--db', db, 'inspection', 'show', String(round.id)]);
    expect(detail.stdout).toContain('问题1个：待整改0，整改中0，待验收0，已销号1；逾期0');

    const figures = JSON.parse((await run(['--db', db, '--json', 'inspections', 'figures', '--org', 'C', '--period', '2026'])).stdout) as { figures: { id: string; value: number }[] };
    const value = (id: string) => figures.figures.find((f) => f.id === id)!.value;
    expect([value('inspection_rounds'), value('inspection_units_covered'), value('inspection_villages_covered'), value('inspection_clues_transferred')]).toEqual([1, 3, 1, 3]);
    expect([value('inspection_problems_found'), value('inspection_problems_rectified'), value('inspection_rectification_rate'), value('problems_found'), value('problems_overdue')]).toEqual([1, 1, 100, 2, 1]);
    const figuresText = await run(['--db', db, 'inspections', 'figures', '--org', 'C', '--period', '2026']);
    expect(figuresText.stdout).toContain('巡察问题整改率');
    const breakdown = await run(['--db', db, 'problems', 'breakdown', '--period', '2026']);
    expect(breakdown.code, breakdown.stderr).toBe(0);
    expect(breakdown.stdout).toContain('按来源：巡察1，查摆1');
    expect(breakdown.stdout).toContain('合计2个，其中逾期未销号1个');
    const all = JSON.parse((await run(['--db', db, '--json', 'figures', '--org', 'C', '--period', '2026', '--ledger', 'inspections'])).stdout) as { figures: { ledger: string; id: string }[] };
    expect(all.figures.length).toBeGreaterThan(20);
    expect(all.figures.every((f) => f.ledger === 'inspections')).toBe(true);
  });
});

describe.each(ENGINES)('the inspections and problems API on %s', (engine: Engine) => {
  const api = useApi(engine);

  it('records rounds and problems, takes the workflow step by step, the superior alone accepting', async () => {
    await makeCounty(api.ctx, 2);
    await makeUser(api.ctx, 'b1-sec', ['secretary'], B1);
    await makeUser(api.ctx, 't1-admin', ['org_admin'], T1);
    const round = await api.request('POST', '/api/inspections', { orgCode: 'C', kind: '专项督查', title: '党建专项督查', startOn: '2026-03-01', endOn: '2026-03-31', targets: [{ orgCode: T1 }] });
    expect(round.statusCode, round.body).toBe(201);
    const r = round.json() as { id: number };
    expectError(await api.request('POST', '/api/inspections', { orgCode: 'C', kind: '巡视', title: 'x', startOn: '2026-03-01', endOn: '2026-03-31' }), 400, 'VALUE_NOT_ALLOWED', '类别');
    const targets = await api.request('POST', `/api/inspections/${r.id}/targets`, { targets: [{ unitName: '县第一中学', unitKind: '学校' }] });
    expect(targets.statusCode, targets.body).toBe(200);
    expectError(await api.request('POST', `/api/inspections/${r.id}/targets`, { targets: [{ orgCode: T1 }] }), 409, 'INSPECTION_TARGET_DUPLICATE');
    const patched = await api.request('PATCH', `/api/inspections/${r.id}`, { noticesIssued: 2 });
    expect(patched.json()).toMatchObject({ noticesIssued: 2, targets: [{ orgCode: T1 }, { unitName: '县第一中学' }] });
    expectError(await api.request('GET', '/api/inspections/2000000000'), 404, 'INSPECTION_NOT_FOUND');

    const created = await api.request('POST', '/api/problems', {
      orgCode: B1, source: '专项督查', inspectionId: r.id, category: '党费', level: '组织层面', description: '党费收缴不及时', ownerName: '张书记', foundOn: '2026-03-20', deadline: '2026-06-30',
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json() as { id: number };
    expectError(await api.request('POST', '/api/problems', { orgCode: B1, source: '巡察', inspectionId: r.id, category: '党费', level: '组织层面', description: 'x', ownerName: 'y', foundOn: '2026-03-20', deadline: '2026-06-30' }), 400, 'FIELD_INVALID', '巡察（督查）编号');

    const secretary = await logIn(api.app, 'b1-sec', TEST_PASSWORD);
    const town = await logIn(api.app, 't1-admin', TEST_PASSWORD);
    const stepAs = (headers: Record<string, string>, body: object) => api.app.inject({ method: 'POST', url: `/api/problems/${p.id}/steps`, headers, payload: body });
    expect((await stepAs(secretary, { action: '制定措施', on: '2026-03-25', measures: '按月收缴\n建立提醒' })).json()).toMatchObject({ status: '整改中', measuresCount: 2 });
    expect((await stepAs(secretary, { action: '提请验收', on: '2026-05-10', evidence: '收缴台账' })).statusCode).toBe(200);
    expectError(await stepAs(secretary, { action: '验收通过', on: '2026-05-12' }), 403, 'PERMISSION_DENIED', '上级');
    expectError(await stepAs(town, { action: '销号', on: '2026-05-12' }), 409, 'PROBLEM_TRANSITION_INVALID', '待验收');
    expectError(await stepAs(town, { action: '验收通过', on: '2026-12-01' }), 400, 'DATE_IN_FUTURE', '办理日期');
    const accepted = await stepAs(town, { action: '验收通过', on: '2026-05-12' });
    expect(accepted.json()).toMatchObject({ stage: '已验收待销号', acceptedBy: 't1-admin' });
    expect((await stepAs(town, { action: '销号', on: '2026-05-13' })).json()).toMatchObject({ status: '已销号', closedOn: '2026-05-13' });
    expectError(await api.request('PATCH', `/api/problems/${p.id}`, { deadline: '2026-07-31' }), 409, 'PROBLEM_CLOSED');

    const detail = await api.request('GET', `/api/problems/${p.id}`);
    expect((detail.json() as { events: { action: string; actor: string }[] }).events.map((e) => `${e.action} ${e.actor}`)).toEqual([
      '登记 test-admin', '制定措施 b1-sec', '提请验收 b1-sec', '验收通过 t1-admin', '销号 t1-admin',
    ]);
    const round2 = await api.request('GET', `/api/inspections/${r.id}`);
    expect(round2.json()).toMatchObject({ statusCounts: { 已销号: 1, total: 1 }, problems: [{ id: p.id }] });
    const list = await api.request('GET', `/api/problems?org=${T1}&status=${encodeURIComponent('已销号')}&inspection=${r.id}`);
    expect(list.json()).toMatchObject({ total: 1 });
    expect((await api.request('GET', '/api/inspections?kind=' + encodeURIComponent('专项督查'))).json()).toMatchObject({ total: 1 });

    const figures = await api.request('GET', '/api/inspections/figures?org=C&period=2026');
    expect(figures.statusCode, figures.body).toBe(200);
    const value = (id: string) => (figures.json() as { figures: { id: string; value: number }[] }).figures.find((f) => f.id === id)!.value;
    expect([value('supervision_checks'), value('supervision_notices_issued'), value('supervision_problems_found'), value('supervision_problems_rectified')]).toEqual([1, 2, 1, 1]);
    const breakdown = await api.request('GET', '/api/problems/breakdown?period=2026');
    expect(breakdown.json()).toMatchObject({ total: 1, rows: [{ source: '专项督查', category: '党费', status: '已销号', count: 1 }] });
    expectError(await api.request('GET', '/api/inspections/figures?period=2026Q5'), 400, 'FIELD_INVALID', '统计期');
  });
});
