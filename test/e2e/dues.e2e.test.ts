/**
 * Party dues as people reach them: `dangjian dues …` (the compiled program, both engines) on a small county imported
 * from a workbook, and the /api/dues and /api/members/{id}/dues routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type Engine } from '../helpers/test-db.js';
import { createCliDatabase, importCounty, memberRow, runCli as run, type CliDatabase } from '../helpers/cli-db.js';
import { expectError, useApi } from '../helpers/http.js';
import { makeCounty, makeMember } from '../factories.js';

const B1 = 'C.T1.B1';

describe.each(ENGINES)('dangjian dues on %s', (engine: Engine) => {
  let db = '';
  let cli: CliDatabase | undefined;
  let ids: Record<string, number> = {};

  beforeAll(async () => {
    cli = await createCliDatabase(engine, 'dues');
    db = cli.db;
    ids = await importCounty(
      cli,
      {
        orgs: [
          { code: 'C', name: '中共测试县委员会', kind: '党委', sector: '机关', establishedOn: '1990-01-01' },
          { code: 'C.T1', name: '中共测试镇委员会', kind: '党委', sector: '农村', parentCode: 'C', establishedOn: '1990-01-01' },
          { code: B1, name: '中共测试镇一村支部委员会', kind: '党支部', sector: '农村', parentCode: 'C.T1', establishedOn: '2000-01-01' },
        ],
        members: [memberRow('一村甲', B1), memberRow('一村乙', B1), memberRow('一村丙', B1)],
      },
      [B1],
    );
  });

  afterAll(async () => {
    await cli?.drop();
  });

  it('sets bases, records payments for a member and for the branch, and prints the ledger and the figures', async () => {
    const base = await run(['--db', db, 'dues', 'base', String(ids['一村甲']), '--from-month', '2026-01', '--category', '在职', '--base', '6000']);
    expect(base.code, base.stderr).toBe(0);
    expect(base.stdout).toContain('90.00');
    expect((await run(['--db', db, 'dues', 'base', String(ids['一村乙']), '--from-month', '2026-01', '--category', '学生'])).code).toBe(0);

    const pay = await run(['--db', db, '--json', 'dues', 'pay', String(ids['一村甲']), '--months', '2026-01,2026-02', '--paid-on', '2026-02-10']);
    expect(pay.code, pay.stderr).toBe(0);
    expect(JSON.parse(pay.stdout)).toMatchObject({ total: '180.00', items: [{ month: '2026-01', status: '补交' }, { month: '2026-02', status: '已交' }] });
    const again = await run(['--db', db, '--json', 'dues', 'pay', String(ids['一村甲']), '--months', '2026-02', '--paid-on', '2026-02-11']);
    expect(again.code).toBe(4);
    expect(JSON.parse(again.stdout)).toMatchObject({ error: { code: 'DUES_ALREADY_PAID', issues: [{ field: 'months' }] } });

    const branch = await run(['--db', db, 'dues', 'pay-branch', '--org', B1, '--month', '2026-03', '--paid-on', '2026-03-15']);
    expect(branch.code, branch.stderr).toBe(0);
    expect(branch.stdout).toContain('2名已登记，合计90.20元');
    expect(branch.stdout).toContain('一村丙');
    expect(branch.stdout).toContain('未核定党费基数');

    const ledger = JSON.parse((await run(['--db', db, '--json', 'dues', 'ledger', '--org', B1, '--from', '2026-01', '--to', '2026-03'])).stdout) as {
      total: number;
      items: { name: string; months: { status: string }[] }[];
    };
    expect(ledger.total).toBe(3);
    expect(ledger.items.find((r) => r.name === '一村甲')!.months.map((m) => m.status)).toEqual(['补交', '已交', '已交']);
    const text = await run(['--db', db, 'dues', 'ledger', '--org', B1, '--from', '2026-01', '--to', '2026-03']);
    expect(text.stdout).toContain('编号');
    expect(text.stdout).toContain('01补交 02已交 03已交');

    const figures = JSON.parse((await run(['--db', db, '--json', 'dues', 'figures', '--org', B1, '--from', '2026-01', '--to', '2026-03'])).stdout) as Record<string, unknown>;
    expect(figures).toMatchObject({ dueMonths: 6, paidMonths: 4, paymentRate: 0.6667, membersInArrears: 0, membersWithoutBase: 1 });
    expect((await run(['--db', db, 'dues', 'figures', '--org', B1, '--from', '2026-01', '--to', '2026-03'])).stdout).toContain('交纳率：66.7%');
  });

  it('refuses bad input with the right exit code, naming the option', async () => {
    const missing = await run(['--db', db, 'dues', 'base', String(ids['一村丙']), '--from-month', '2026-01', '--category', '在职']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('党费基数');
    // 减交 needs the reduced monthly amount; nothing is recorded without it.
    const noMonthly = await run(['--db', db, 'dues', 'approve', String(ids['一村甲']), '--kind', '减交', '--from-month', '2026-06', '--reason', '生活困难', '--approved-on', '2026-05-20']);
    expect(noMonthly.code).toBe(2);
    expect(noMonthly.stderr).toMatch(/--monthly|每月/);
    const approve = await run(['--db', db, 'dues', 'approve', String(ids['一村乙']), '--kind', '免交', '--from-month', '2026-06', '--reason', '重病住院', '--approved-by', '中共测试镇委员会', '--approved-on', '2026-05-20']);
    expect(approve.code, approve.stderr).toBe(0);
    expect(approve.stdout).toContain('已登记：免交，2026-06起');
    const badMonth = await run(['--db', db, 'dues', 'ledger', '--from', '2026-13']);
    expect(badMonth.code).toBe(2);
    expect(badMonth.stderr).toContain('--from');
    const noBase = await run(['--db', db, '--json', 'dues', 'pay', String(ids['一村丙']), '--months', '2026-01', '--paid-on', '2026-02-10']);
    expect(noBase.code).toBe(2);
    expect(JSON.parse(noBase.stdout)).toMatchObject({ error: { code: 'DUES_BASE_MISSING' } });
    expect((await run(['--db', db, 'dues', 'pay', '999999', '--months', '2026-01', '--paid-on', '2026-02-10'])).code).toBe(3);
    expect((await run(['--db', db, 'dues', 'pay-branch', '--org', 'NOPE', '--month', '2026-01', '--paid-on', '2026-02-10'])).code).toBe(3);
  });
});

describe.each(ENGINES)('the dues API on %s', (engine: Engine) => {
  const api = useApi(engine);

  it('records bases, approvals and payments, and reads the ledger, a member and the figures', async () => {
    await makeCounty(api.ctx, 1);
    const a = await makeMember(api.ctx, B1);
    const b = await makeMember(api.ctx, B1);
    const base = await api.request('POST', `/api/members/${a.id}/dues/bases`, { fromMonth: '2026-01', category: '在职', base: 6000 });
    expect(base.statusCode, base.body).toBe(200);
    expect(base.json()).toMatchObject({ bases: [{ fromMonth: '2026-01', base: '6000.00', monthly: '90.00' }] });
    expect((await api.request('POST', `/api/members/${b.id}/dues/bases`, { fromMonth: '2026-01', category: '离退休', base: '5200' })).statusCode).toBe(200);
    const approval = await api.request('POST', `/api/members/${b.id}/dues/approvals`, {
      kind: '减交', fromMonth: '2026-02', toMonth: '2026-12', monthly: '20', reason: '家庭困难', approvedBy: '中共测试镇委员会', approvedOn: '2026-01-20',
    });
    expect(approval.statusCode, approval.body).toBe(201);

    const pay = await api.request('POST', `/api/members/${a.id}/dues/payments`, { months: ['2026-01'], paidOn: '2026-01-08' });
    expect(pay.statusCode, pay.body).toBe(201);
    expectError(await api.request('POST', `/api/members/${a.id}/dues/payments`, { months: '2026-01', paidOn: '2026-01-09' }), 409, 'DUES_ALREADY_PAID');
    expectError(await api.request('POST', `/api/members/${a.id}/dues/bases`, { fromMonth: '2026-01', category: '在职' }), 400, 'FIELD_REQUIRED', '党费基数');
    expectError(await api.request('POST', `/api/members/${a.id}/dues/payments`, { months: ['2026-1'], paidOn: '2026-01-09' }), 400, 'FIELD_INVALID', '交纳月份');

    const branch = await api.request('POST', '/api/dues/branch-payments', { orgCode: B1, month: '2026-02', paidOn: '2026-02-05' });
    expect(branch.statusCode, branch.body).toBe(200);
    expect(branch.json()).toMatchObject({ total: '110.00', skipped: [] });

    const ledger = await api.request('GET', `/api/dues?org=${B1}&from=2026-01&to=2026-03&limit=1`);
    expect(ledger.statusCode, ledger.body).toBe(200);
    expect(ledger.json()).toMatchObject({ from: '2026-01', to: '2026-03', total: 2, items: [{ memberId: a.id, months: [{ status: '已交' }, { status: '已交' }, { status: '未交' }] }] });
    const one = await api.request('GET', `/api/members/${b.id}/dues?from=2026-01&to=2026-02`);
    expect(one.json()).toMatchObject({ category: '离退休', base: '5200.00', months: [{ due: '52.00', status: '未交' }, { due: '20.00', status: '已交' }] });
    const figures = await api.request('GET', `/api/dues/figures?org=${B1}&from=2026-01&to=2026-06`);
    expect(figures.statusCode, figures.body).toBe(200);
    // Arrears end at `to`: March to June unpaid for both (b's January is cut off by February's payment).
    expect(figures.json()).toMatchObject({
      dueMonths: 12,
      paidMonths: 3,
      membersInArrears: 2,
      evidence: { inArrears: [{ memberId: a.id, months: ['2026-03', '2026-04', '2026-05', '2026-06'] }, { memberId: b.id, months: ['2026-03', '2026-04', '2026-05', '2026-06'] }] },
    });
    expectError(await api.request('GET', '/api/dues?org=NOPE'), 404, 'ORG_NOT_FOUND', 'NOPE');
    expectError(await api.request('GET', '/api/dues?from=2026-05&to=2026-01'), 400, 'DATE_ORDER_INVALID');

    const audit = await api.request('GET', '/api/audit?record=dues_payment');
    expect(audit.statusCode).toBe(200);
  });
});
