/**
 * Honors and voluntary donations as people reach them: `dangjian honors …` and `dangjian donations …` (the compiled
 * program, both engines) on a small county imported from a workbook, and the /api/honors, /api/donations and
 * /api/members/{id}/honors routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type Engine } from '../helpers/test-db.js';
import { createCliDatabase, importCounty, memberRow as member, runCli as run, type CliDatabase } from '../helpers/cli-db.js';
import { expectError, useApi } from '../helpers/http.js';
import { makeCounty, makeMember } from '../factories.js';

const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';

describe.each(ENGINES)('dangjian honors and donations on %s', (engine: Engine) => {
  let db = '';
  let cli: CliDatabase | undefined;
  let ids: Record<string, number> = {};

  beforeAll(async () => {
    cli = await createCliDatabase(engine, 'honors');
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
        members: [member('一村甲', B1), member('一村乙', B1), member('二村丙', B2)],
      },
      ['C'],
    );
  });

  afterAll(async () => {
    await cli?.drop();
  });

  it('records, lists, revokes and counts honors', async () => {
    const common = ['--level', '县级', '--by', '中共测试县委员会', '--on', '2026-06-28'];
    const toMember = await run(['--db', db, '--json', 'honors', 'add', '--kind', '表彰', '--recipient-kind', '个人', '--member', String(ids['一村甲']), '--title', '优秀共产党员', ...common]);
    expect(toMember.code, toMember.stderr).toBe(0);
    const honor = JSON.parse(toMember.stdout) as { id: number };
    expect(JSON.parse(toMember.stdout)).toMatchObject({ recipientName: '一村甲', orgCode: B1, status: '有效' });
    const worker = await run(['--db', db, 'honors', 'add', '--kind', '表彰', '--recipient-kind', '个人', '--member', String(ids['二村丙']), '--title', '优秀党务工作者', ...common]);
    expect(worker.code, worker.stderr).toBe(0);
    expect(worker.stdout).toContain('已登记荣誉记录');
    expect(worker.stdout).toContain('二村丙');
    const toOrg = await run(['--db', db, 'honors', 'add', '--kind', '表彰', '--recipient-kind', '集体', '--org-recipient', B1, '--title', '先进基层党组织', ...common]);
    expect(toOrg.code, toOrg.stderr).toBe(0);
    const household = await run(['--db', db, 'honors', 'add', '--kind', '选树', '--recipient-kind', '家庭', '--name', '王某家庭', '--org', B2, '--title', '最美家庭', ...common]);
    expect(household.code, household.stderr).toBe(0);

    const list = JSON.parse((await run(['--db', db, '--json', 'honors', 'list', '--org', B1, '--kind', '表彰'])).stdout) as { total: number; items: { title: string }[] };
    expect(list.total).toBe(2);
    expect(list.items.map((h) => h.title).sort()).toEqual(['优秀共产党员', '先进基层党组织'].sort());
    const text = await run(['--db', db, 'honors', 'list', '--title', '党务']);
    expect(text.stdout).toContain('授予对象');
    expect(text.stdout).toContain('优秀党务工作者');
    expect(text.stdout).toContain('共1条');

    const revoked = await run(['--db', db, 'honors', 'revoke', String(honor.id), '--on', '2026-08-01', '--reason', '受到党纪处分']);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain('已撤销');
    const again = await run(['--db', db, '--json', 'honors', 'revoke', String(honor.id), '--on', '2026-08-02']);
    expect(again.code).toBe(4);
    expect(JSON.parse(again.stdout)).toMatchObject({ error: { code: 'HONOR_ALREADY_REVOKED' } });
    expect((await run(['--db', db, 'honors', 'show', String(honor.id)])).stdout).toContain('已撤销（2026-08-01）');

    const figures = JSON.parse((await run(['--db', db, '--json', 'honors', 'figures', '--org', 'C', '--period', '2026'])).stdout) as { figures: { id: string; value: number }[] };
    const value = (id: string) => figures.figures.find((f) => f.id === id)!.value;
    expect([value('honors_members'), value('honors_party_workers'), value('honors_orgs'), value('model_households_selected'), value('honors_held')]).toEqual([1, 1, 1, 1, 1]);
    // The first half as it stood on 2026-06-30: the revocation in August is later, so 一村甲 still counts.
    const half = JSON.parse((await run(['--db', db, '--json', 'honors', 'figures', '--org', 'C', '--period', '2026H1'])).stdout) as { figures: { id: string; value: number }[] };
    expect(half.figures.find((f) => f.id === 'honors_members')!.value).toBe(2);
    const figuresText = await run(['--db', db, 'honors', 'figures', '--org', 'C', '--period', '2026']);
    expect(figuresText.code, figuresText.stderr).toBe(0);
    expect(figuresText.stdout).toContain('受表彰个人');
    expect(figuresText.stdout).toContain('honors_members');
    const breakdown = await run(['--db', db, 'honors', 'breakdown', '--org', 'C', '--period', '2026']);
    expect(breakdown.code, breakdown.stderr).toBe(0);
    expect(breakdown.stdout).toContain('按类别：表彰2，选树1');
    expect(breakdown.stdout).toContain('另有1条期末前已撤销');
  });

  it('refuses bad honors with the right exit code, naming the option', async () => {
    const common = ['--recipient-kind', '个人', '--member', String(ids['一村乙']), '--title', '优秀共产党员', '--level', '县级', '--by', '县委'];
    const badKind = await run(['--db', db, 'honors', 'add', '--kind', '奖励', ...common, '--on', '2026-06-28']);
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toContain('--kind');
    const future = await run(['--db', db, '--json', 'honors', 'add', '--kind', '表彰', ...common, '--on', '2099-01-01']);
    expect(future.code).toBe(2);
    expect(JSON.parse(future.stdout)).toMatchObject({ error: { code: 'DATE_IN_FUTURE', issues: [{ field: 'awardedOn' }] } });
    expect((await run(['--db', db, 'honors', 'add', '--kind', '表彰', '--recipient-kind', '个人', '--member', '999999', '--title', 'x', '--level', '县级', '--by', '县委', '--on', '2026-06-28'])).code).toBe(3);
    expect((await run(['--db', db, 'honors', 'revoke', '999999', '--on', '2026-06-28'])).code).toBe(3);
    const period = await run(['--db', db, 'honors', 'figures', '--period', '2026Q9']);
    expect(period.code).toBe(2);
    expect(period.stderr).toContain('统计期');
  });

  it('records, lists, counts and deletes donations', async () => {
    const add = (name: string, amount: string, campaign = '抗洪救灾特殊党费', on = '2026-07-10') =>
      run(['--db', db, '--json', 'donations', 'add', String(ids[name]), '--campaign', campaign, '--amount', amount, '--on', on]);
    const first = await add('一村甲', '100.5');
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ name: '一村甲', amount: '100.50', amountFen: 10050 });
    expect((await add('二村丙', '20')).code).toBe(0);
    const spare = JSON.parse((await add('一村甲', '1', '助学捐款', '2026-09-01')).stdout) as { id: number };

    const bad = await run(['--db', db, 'donations', 'add', String(ids['一村乙']), '--campaign', '抗洪', '--amount', '1.234', '--on', '2026-07-10']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--amount');
    expect((await run(['--db', db, 'donations', 'add', String(ids['一村乙']), '--campaign', '抗洪', '--amount', '0', '--on', '2026-07-10'])).code).toBe(2);
    expect((await run(['--db', db, 'donations', 'add', '999999', '--campaign', '抗洪', '--amount', '1', '--on', '2026-07-10'])).code).toBe(3);

    const deleted = await run(['--db', db, 'donations', 'delete', String(spare.id)]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toContain('已删除捐款记录');
    expect((await run(['--db', db, 'donations', 'delete', String(spare.id)])).code).toBe(3);

    const list = await run(['--db', db, 'donations', 'list', '--org', 'C']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('共2笔，合计120.50元');
    const figures = JSON.parse((await run(['--db', db, '--json', 'donations', 'figures', '--org', B1, '--period', '2026'])).stdout) as { figures: { id: string; value: number }[] };
    expect(Object.fromEntries(figures.figures.map((f) => [f.id, f.value]))).toEqual({ member_donors: 1, member_donation_rate: 50, member_donation_amount: 100.5 });
    const text = await run(['--db', db, 'donations', 'figures', '--org', 'C', '--period', '2026', '--campaign', '抗洪救灾特殊党费']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('党员捐款率');
    expect(text.stdout).toContain('66.7');
    const campaigns = await run(['--db', db, 'donations', 'campaigns']);
    expect(campaigns.stdout).toContain('抗洪救灾特殊党费');
    expect(campaigns.stdout).toContain('120.50');
  });
});

describe.each(ENGINES)('the honors and donations API on %s', (engine: Engine) => {
  const api = useApi(engine);

  it('records, reads, corrects, revokes and counts honors', async () => {
    await makeCounty(api.ctx, 2);
    const a = await makeMember(api.ctx, B1);
    const body = { kind: '表彰', recipientKind: '个人', memberId: a.id, title: '优秀共产党员', level: '县级', awardedBy: '中共测试县委员会', awardedOn: '2026-06-28' };
    const created = await api.request('POST', '/api/honors', body);
    expect(created.statusCode, created.body).toBe(201);
    const honor = created.json() as { id: number };
    expect(created.json()).toMatchObject({ memberId: a.id, recipientName: a.name, orgCode: B1, status: '有效' });
    const org = await api.request('POST', '/api/honors', { kind: '推荐', recipientKind: '集体', recipientOrgCode: B2, title: '先进基层党组织', level: '省级', awardedBy: '中共测试县委员会', awardedOn: '2026-05-01' });
    expect(org.statusCode, org.body).toBe(201);

    expectError(await api.request('POST', '/api/honors', { ...body, kind: '奖励' }), 400, 'VALUE_NOT_ALLOWED', '荣誉类别');
    expectError(await api.request('POST', '/api/honors', { ...body, level: '国家级' }), 400, 'VALUE_NOT_ALLOWED', '荣誉级别');
    expectError(await api.request('POST', '/api/honors', { ...body, awardedOn: '2026-12-01' }), 400, 'DATE_IN_FUTURE', '授予日期');
    expectError(await api.request('POST', '/api/honors', { ...body, memberId: 2_000_000_000 }), 404, 'MEMBER_NOT_FOUND');
    expectError(await api.request('POST', '/api/honors', { ...body, memberId: undefined }), 400, 'FIELD_REQUIRED', '党员记录编号');
    expectError(await api.request('POST', '/api/honors', { ...body, prize: 1 }), 400, 'FIELD_INVALID');

    expect((await api.request('GET', `/api/honors/${honor.id}`)).json()).toMatchObject({ id: honor.id, title: '优秀共产党员' });
    expectError(await api.request('GET', '/api/honors/2000000000'), 404, 'HONOR_NOT_FOUND', '荣誉记录');
    const patched = await api.request('PATCH', `/api/honors/${honor.id}`, { title: '优秀党务工作者' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ title: '优秀党务工作者' });

    const list = await api.request('GET', `/api/honors?org=C.T1&recipientKind=${encodeURIComponent('个人')}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: honor.id }] });
    const mine = await api.request('GET', `/api/members/${a.id}/honors`);
    expect(mine.json()).toMatchObject({ items: [{ id: honor.id }] });

    const figures = await api.request('GET', '/api/honors/figures?org=C&period=2026');
    expect(figures.statusCode, figures.body).toBe(200);
    const value = (id: string) => (figures.json() as { figures: { id: string; value: number }[] }).figures.find((f) => f.id === id)!.value;
    expect([value('honors_members'), value('honors_party_workers'), value('honor_nominations_collective')]).toEqual([1, 1, 1]);
    const breakdown = await api.request('GET', '/api/honors/breakdown?period=2026');
    expect(breakdown.json()).toMatchObject({ total: 2, byKind: [{ kind: '表彰', count: 1 }, { kind: '推荐', count: 1 }] });
    expectError(await api.request('GET', '/api/honors/figures?period=2026Q5'), 400, 'FIELD_INVALID', '统计期');
    expectError(await api.request('GET', '/api/honors/figures'), 400, 'FIELD_REQUIRED', '统计期');

    const revoked = await api.request('POST', `/api/honors/${honor.id}/revoke`, { revokedOn: '2026-08-01', reason: '受到党纪处分' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ status: '已撤销', revokedOn: '2026-08-01' });
    expectError(await api.request('POST', `/api/honors/${honor.id}/revoke`, { revokedOn: '2026-08-02' }), 409, 'HONOR_ALREADY_REVOKED', '已于2026-08-01撤销');
    const after = await api.request('GET', '/api/honors/figures?org=C&period=2026');
    expect((after.json() as { figures: { id: string; value: number }[] }).figures.find((f) => f.id === 'honors_members')!.value).toBe(0);
  });

  it('records single and batch donations, lists, counts and deletes them', async () => {
    await makeCounty(api.ctx, 2);
    const a = await makeMember(api.ctx, B1);
    const b = await makeMember(api.ctx, B1);
    const c = await makeMember(api.ctx, B2);
    const one = await api.request('POST', '/api/donations', { memberId: c.id, campaign: '抗洪救灾特殊党费', donatedOn: '2026-07-10', amount: 30.5 });
    expect(one.statusCode, one.body).toBe(201);
    expect(one.json()).toMatchObject({ amount: '30.50', amountFen: 3050, orgCode: B2 });
    const batch = await api.request('POST', '/api/donations/batch', {
      orgCode: B1,
      campaign: '抗洪救灾特殊党费',
      donatedOn: '2026-07-11',
      items: [{ memberId: a.id, amount: '100' }, { memberId: b.id, amount: '50.25' }],
    });
    expect(batch.statusCode, batch.body).toBe(201);
    expect(batch.json()).toMatchObject({ total: '150.25', items: [{ memberId: a.id }, { memberId: b.id }] });

    expectError(await api.request('POST', '/api/donations', { memberId: a.id, campaign: 'x', donatedOn: '2026-07-10', amount: '1.234' }), 400, 'FIELD_INVALID', '捐款金额');
    expectError(await api.request('POST', '/api/donations', { memberId: a.id, campaign: 'x', donatedOn: '2026-07-10', amount: 0 }), 400, 'FIELD_INVALID', '应大于0');
    expectError(await api.request('POST', '/api/donations', { memberId: a.id, campaign: 'x', donatedOn: '2026-07-10' }), 400, 'FIELD_REQUIRED', '捐款金额');
    expectError(
      await api.request('POST', '/api/donations/batch', { orgCode: B1, campaign: 'x', donatedOn: '2026-07-10', items: [{ memberId: c.id, amount: '1' }] }),
      404,
      'MEMBER_NOT_FOUND',
    );

    const list = await api.request('GET', `/api/donations?org=${B1}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ total: 2, totalAmount: '150.25' });
    const figures = await api.request('GET', `/api/donations/figures?org=C&period=2026&campaign=${encodeURIComponent('抗洪救灾特殊党费')}`);
    expect(figures.statusCode, figures.body).toBe(200);
    expect((figures.json() as { figures: { id: string; value: number }[] }).figures.map((f) => [f.id, f.value])).toEqual([
      ['member_donors', 3],
      ['member_donation_rate', 100],
      ['member_donation_amount', 180.75],
    ]);
    const campaigns = await api.request('GET', '/api/donations/campaigns');
    expect(campaigns.json()).toMatchObject({ items: [{ campaign: '抗洪救灾特殊党费', donors: 3, donations: 3, total: '180.75' }] });

    const removed = await api.request('DELETE', `/api/donations/${(one.json() as { id: number }).id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expectError(await api.request('DELETE', `/api/donations/${(one.json() as { id: number }).id}`), 404, 'DONATION_NOT_FOUND', '捐款记录');
    const audit = await api.request('GET', '/api/audit?record=donation');
    expect(audit.statusCode).toBe(200);
  });
});
