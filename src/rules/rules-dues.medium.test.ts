import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../../test/helpers/test-db.js';
import { makeMember } from '../../test/factories.js';
import type { Ctx } from '../context.js';
import { evaluateRules } from './evaluate.js';
import { branch, checksOf, county, findingsOf } from './rules-fixtures.test.js';

const NOW = '2026-11-01T00:00:00.000Z';

async function base(ctx: Ctx, membershipId: number, orgId: number, fromMonth: string, category: string, baseFen: number | null): Promise<void> {
  await ctx.db.insertInto('dues_bases').values({ membership_id: membershipId, org_id: orgId, from_month: fromMonth, category, base_fen: baseFen, note: null, created_at: NOW, updated_at: NOW }).execute();
}

async function pay(ctx: Ctx, membershipId: number, orgId: number, months: string[], paidOn: (m: string) => string, dueFen = 2000): Promise<void> {
  for (const month of months) {
    await ctx.db.insertInto('dues_payments').values({ membership_id: membershipId, org_id: orgId, month, due_fen: dueFen, paid_fen: dueFen, paid_on: paidOn(month), note: null, created_at: NOW, updated_at: NOW }).execute();
  }
}

async function approve(ctx: Ctx, membershipId: number, orgId: number, kind: string, fromMonth: string, toMonth: string | null): Promise<void> {
  await ctx.db.insertInto('dues_approvals').values({ membership_id: membershipId, org_id: orgId, kind, from_month: fromMonth, to_month: toMonth, monthly_fen: null, reason: '生活困难', approved_by: '乡党委', approved_on: '2025-12-20', created_at: NOW, updated_at: NOW }).execute();
}

const range = (from: number, to: number, year = 2026) => Array.from({ length: to - from + 1 }, (_, i) => `${year}-${String(from + i).padStart(2, '0')}`);

/** 中组发〔2008〕3号 and 党章第九条 (domain-rules §4); today is 2026-11-23, so October is the last month over. */
describe.each(ENGINES)('rules: party dues on %s', (engine) => {
  const t = useTestDatabase(engine);

  it('warns from 3 consecutive unpaid months and makes 6 a case for the branch meeting; members with no base are not judged', async () => {
    await county(t.ctx);
    const b = await branch(t.ctx, 'C.T1.B1');
    const five = await makeMember(t.ctx, 'C.T1.B1', { name: '五月未交' });
    const six = await makeMember(t.ctx, 'C.T1.B1', { name: '半年未交' });
    const onTime = await makeMember(t.ctx, 'C.T1.B1', { name: '按月交纳' });
    await makeMember(t.ctx, 'C.T1.B1', { name: '未核定基数' });
    for (const m of [five, six, onTime]) await base(t.ctx, m.id, b.id, '2026-01', '在职', 400_000);
    await pay(t.ctx, five.id, b.id, range(1, 5), (m) => `${m}-15`, 4000);
    await pay(t.ctx, six.id, b.id, range(1, 4), (m) => `${m}-15`, 4000);
    await pay(t.ctx, onTime.id, b.id, range(1, 11), (m) => `${m}-15`, 4000);

    const e = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2026-11' });
    const found = findingsOf(e, { rule: 'members.dues-arrears' });
    expect(found.map((f) => [f.person, f.status, f.severity])).toEqual([
      ['半年未交', 'violation', 'block'],
      ['五月未交', 'upcoming', 'warn'],
    ]);
    expect(found[0]!.message).toContain('2026-05至2026-10连续6个月未交纳党费（应交240.00元）');
    expect(found[0]!.message).toContain('支部大会');
    expect(found[0]!.evidence.facts).toMatchObject({ 未交月份: '2026-10、2026-09、2026-08、2026-07、2026-06、2026-05', 应交合计元: '240.00' });
    expect(found[1]!.message).toContain('连续5个月');
    expect(checksOf(e, 'members.dues-arrears', b.id)).toEqual({ met: 2, failed: 1, pending: 0 });

    // As things stood at the end of June, nobody was three months behind.
    const june = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2026-06' });
    expect(findingsOf(june, { rule: 'members.dues-arrears' })).toEqual([]);
  });

  it('counts an unpaid run only as far back as the payments it read (a year), and says so: N个月以上', async () => {
    await county(t.ctx);
    const b = await branch(t.ctx, 'C.T1.B1');
    const never = await makeMember(t.ctx, 'C.T1.B1', { name: '从未交纳' });
    await base(t.ctx, never.id, b.id, '2024-01', '在职', 200_000);
    const e = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2026-11' });
    const [found] = findingsOf(e, { rule: 'members.dues-arrears' });
    expect(found).toMatchObject({ person: '从未交纳', status: 'violation' });
    expect(found!.message).toContain('2025-12至2026-10连续11个月以上未交纳党费');
  });

  it('an approved exemption breaks the run; a quarterly arrangement is not behind before the quarter ends', async () => {
    await county(t.ctx);
    const b = await branch(t.ctx, 'C.T1.B1');
    const exempt = await makeMember(t.ctx, 'C.T1.B1', { name: '免交党员' });
    const quarterly = await makeMember(t.ctx, 'C.T1.B1', { name: '按季交纳' });
    await base(t.ctx, exempt.id, b.id, '2026-01', '农民', null);
    await approve(t.ctx, exempt.id, b.id, '免交', '2026-06', null);
    await pay(t.ctx, exempt.id, b.id, range(1, 5), (m) => `${m}-20`, 50);
    await base(t.ctx, quarterly.id, b.id, '2026-01', '离退休', 300_000);
    await approve(t.ctx, quarterly.id, b.id, '按季交纳', '2026-01', null);
    await pay(t.ctx, quarterly.id, b.id, range(1, 9), (m) => (m <= '2026-06' ? '2026-06-28' : '2026-09-28'), 1500);

    const e = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2026-11' });
    expect(findingsOf(e, { rule: 'members.dues-arrears' })).toEqual([]);
  });

  it('flags a back-payment that reaches more than 6 months back, in the period it was paid', async () => {
    await county(t.ctx);
    const b = await branch(t.ctx, 'C.T1.B1');
    const m = await makeMember(t.ctx, 'C.T1.B1', { name: '补交党员' });
    await base(t.ctx, m.id, b.id, '2026-01', '在职', 200_000);
    await pay(t.ctx, m.id, b.id, ['2026-02'], () => '2026-10-15', 1000);
    await pay(t.ctx, m.id, b.id, ['2026-05'], () => '2026-10-15', 1000);
    const e = await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2026-10' });
    const found = findingsOf(e, { rule: 'members.dues-backpay' });
    expect(found.map((f) => [f.person, f.status, f.period])).toEqual([['补交党员', 'overdue', '2026-10']]);
    expect(found[0]!.message).toBe('补交党员：2026-10-15补交2026-02的党费，已超过6个月');
    // One check per member who paid in the period, not per payment.
    expect(checksOf(e, 'members.dues-backpay', b.id)).toEqual({ met: 0, failed: 1, pending: 0 });
    expect(findingsOf(await evaluateRules(t.ctx, { orgCode: 'C.T1.B1', period: '2026-09' }), { rule: 'members.dues-backpay' })).toEqual([]);
  });

  it('a temporary branch collects no dues, so its members are not judged', async () => {
    await county(t.ctx);
    const tmp = await branch(t.ctx, 'C.T1.TMP', { kind: '临时党支部' });
    const m = await makeMember(t.ctx, 'C.T1.TMP', { name: '临时支部党员' });
    await base(t.ctx, m.id, tmp.id, '2025-01', '在职', 400_000);
    const e = await evaluateRules(t.ctx, { orgCode: 'C.T1.TMP', period: '2026-11' });
    expect(findingsOf(e, { rule: 'members.dues-arrears' })).toEqual([]);
    expect(checksOf(e, 'members.dues-arrears', tmp.id)).toEqual({ met: 0, failed: 0, pending: 0 });
  });
});
