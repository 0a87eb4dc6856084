import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import { ENGINES, useTestDatabase, type Engine } from '../../../test/helpers/test-db.js';
import { failure } from '../../../test/helpers/errors.js';
import { snapshotTables } from '../../../test/helpers/db-snapshot.js';
import { asUser, makeCounty, makeMember, makeOrg, makeUser } from '../../../test/factories.js';
import { leaveMember } from '../members/leave-member.js';
import { duesFigures } from './dues-figures.js';
import { duesFigureSet } from './dues-figure-set.js';
import { duesLedger, memberDues } from './dues-ledger.js';
import { recordBranchPayments } from './record-branch-payments.js';
import { recordDuesApproval } from './record-dues-approval.js';
import { recordDuesPayment } from './record-dues-payment.js';
import { setDuesBase } from './set-dues-base.js';
import { countingCtx } from '../../../test/helpers/query-counter.js';
import { setRuleSetting } from '../../rules/settings.js';

// Today in these tests is 2026-11-23 (TEST_TODAY): 2026-11 is the current month.
const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';

async function paidMember(ctx: Ctx, base = 6000, fromMonth = '2026-01', org = B1) {
  const m = await makeMember(ctx, org);
  await setDuesBase(ctx, { memberId: m.id, fromMonth, category: '在职', base });
  return m;
}

describe.each(ENGINES)('dues ledger on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  it('charges a farmer the amount the province set (the rule setting dues.farmerFen), 0.50元 until it is set', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 1);
    const m = await makeMember(ctx, B1);
    await setDuesBase(ctx, { memberId: m.id, fromMonth: '2026-01', category: '农民' });
    expect((await memberDues(ctx, m.id, { from: '2026-01', to: '2026-01' })).months[0]!.due).toBe('0.50');
    await setRuleSetting(ctx, 'dues.farmerFen', 100);
    expect((await memberDues(ctx, m.id, { from: '2026-01', to: '2026-01' })).months[0]!.due).toBe('1.00');
    const paid = await recordDuesPayment(ctx, { memberId: m.id, months: '2026-02', paidOn: '2026-02-10' });
    expect(paid.items[0]).toMatchObject({ due: '1.00', paid: '1.00' });
  });

  it('charges one flat rate on the whole base: a 6000元 base pays 90.00元, and a new base applies from its month', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const m = await paidMember(ctx, 6000);
    const first = await recordDuesPayment(ctx, { memberId: m.id, months: '2026-01', paidOn: '2026-01-10' });
    expect(first.items).toEqual([{ month: '2026-01', status: '已交', dueFen: 9000, due: '90.00', paidFen: 9000, paid: '90.00', paidOn: '2026-01-10' }]);
    expect(first.total).toBe('90.00');

    // A raise paid from July (第十条): 12000元 → 2% of the whole = 240.00元; a second record for July corrects it.
    await setDuesBase(ctx, { memberId: m.id, fromMonth: '2026-07', category: '在职', base: '12000' });
    const corrected = await setDuesBase(ctx, { memberId: m.id, fromMonth: '2026-07', category: '在职', base: 11000.5 });
    expect(corrected.bases.map((b) => [b.fromMonth, b.base, b.monthly])).toEqual([
      ['2026-01', '6000.00', '90.00'],
      ['2026-07', '11000.50', '220.01'],
    ]);
    const row = await memberDues(ctx, m.id, { from: '2026-05', to: '2026-08' });
    expect(row.months.map((c) => [c.month, c.due])).toEqual([['2026-05', '90.00'], ['2026-06', '90.00'], ['2026-07', '220.01'], ['2026-08', '220.01']]);
    expect(row).toMatchObject({ category: '在职', base: '11000.50' });
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'record_type']).where('record_type', 'like', 'dues_%').orderBy('id').execute();
    expect(audit.map((a) => `${a.action} ${a.record_type}`)).toEqual(['create dues_base', 'create dues_payment', 'create dues_base', 'update dues_base']);

    // Fixed amounts (第六条): students 0.20元, farmers 0.50元 by default.
    const student = await makeMember(ctx, B1);
    await setDuesBase(ctx, { memberId: student.id, fromMonth: '2026-01', category: '学生' });
    const farmer = await makeMember(ctx, B1);
    await setDuesBase(ctx, { memberId: farmer.id, fromMonth: '2026-01', category: '农民', base: null });
    expect((await memberDues(ctx, student.id, { from: '2026-03', to: '2026-03' })).months[0]!.due).toBe('0.20');
    expect((await memberDues(ctx, farmer.id, { from: '2026-03', to: '2026-03' })).months[0]!.due).toBe('0.50');
  });

  it('applies an approved 减交 and 免交, and lets a quarterly payer pay within the quarter', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 1);
    const m = await paidMember(ctx, 4000);
    await recordDuesApproval(ctx, { memberId: m.id, kind: '减交', fromMonth: '2026-03', toMonth: '2026-04', monthly: '10', reason: '家庭困难', approvedBy: '中共测试镇委员会', approvedOn: '2026-02-20' });
    const exempt = await recordDuesApproval(ctx, { memberId: m.id, kind: '免交', fromMonth: '2026-05', toMonth: '2026-06', reason: '重病', approvedBy: '中共测试镇委员会', approvedOn: '2026-04-20' });
    expect(exempt).toMatchObject({ kind: '免交', monthly: null, approvedBy: '中共测试镇委员会' });
    const quarterly = await recordDuesApproval(ctx, { memberId: m.id, kind: '按季交纳', fromMonth: '2026-07', reason: '外出务工', approvedOn: '2026-06-25' });
    expect(quarterly.approvedBy).toBe('测试村1党支部');
    await recordDuesPayment(ctx, { memberId: m.id, months: ['2026-07', '2026-08', '2026-09'], paidOn: '2026-09-05' });
    const row = await memberDues(ctx, m.id, { from: '2026-02', to: '2026-09' });
    expect(row.months.map((c) => `${c.month} ${c.due} ${c.status}`)).toEqual([
      '2026-02 40.00 未交',
      '2026-03 10.00 未交',
      '2026-04 10.00 未交',
      '2026-05 0.00 免交',
      '2026-06 0.00 免交',
      '2026-07 40.00 已交',
      '2026-08 40.00 已交',
      '2026-09 40.00 已交',
    ]);
    const paid = await recordDuesPayment(ctx, { memberId: m.id, months: ['2026-03', '2026-04'], paidOn: '2026-11-01' });
    expect(paid.items.map((c) => `${c.month} ${c.paid} ${c.status}`)).toEqual(['2026-03 10.00 补交', '2026-04 10.00 补交']);
    expect(paid.lateMonths).toEqual(['2026-03', '2026-04']);
  });

  it('refuses bad bases, approvals and payments, naming the field and writing nothing', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 1);
    await makeOrg(ctx, { code: 'C.T1.L1', name: '测试临时党支部', kind: '临时党支部', parentCode: 'C.T1', establishedOn: '2020-01-01' });
    const m = await makeMember(ctx, B1, { status: '预备党员', joinedOn: '2026-05-10', confirmedOn: null });
    const temp = await makeMember(ctx, 'C.T1.L1');
    const gone = await makeMember(ctx, B1);
    await leaveMember(ctx, gone.id, { reason: '死亡', leftOn: '2026-06-01' });
    const before = await snapshotTables(ctx);

    const cases: [() => Promise<unknown>, string, string][] = [
      [() => setDuesBase(ctx, { memberId: m.id, fromMonth: '2026-05', category: '在职' }), 'FIELD_REQUIRED', 'base'],
      [() => setDuesBase(ctx, { memberId: m.id, fromMonth: '2026-05', category: '在职', base: '0' }), 'DUES_BASE_INVALID', 'base'],
      [() => setDuesBase(ctx, { memberId: m.id, fromMonth: '2026-05', category: '学生', base: 500 }), 'DUES_BASE_INVALID', 'base'],
      [() => setDuesBase(ctx, { memberId: m.id, fromMonth: '2026-05', category: '在职', base: '12.345' }), 'FIELD_INVALID', 'base'],
      [() => setDuesBase(ctx, { memberId: m.id, fromMonth: '2026-05', category: '个体' as '在职', base: 100 }), 'VALUE_NOT_ALLOWED', 'category'],
      [() => setDuesBase(ctx, { memberId: m.id, fromMonth: '2026-13', category: '在职', base: 100 }), 'FIELD_INVALID', 'fromMonth'],
      // A probationary member pays from the branch meeting that admitted him (D29): not before May.
      [() => setDuesBase(ctx, { memberId: m.id, fromMonth: '2026-04', category: '在职', base: 100 }), 'DUES_MONTH_INVALID', 'fromMonth'],
      [() => setDuesBase(ctx, { memberId: m.id, fromMonth: '2027-01', category: '在职', base: 100 }), 'DUES_MONTH_INVALID', 'fromMonth'],
      [() => setDuesBase(ctx, { memberId: temp.id, fromMonth: '2026-05', category: '在职', base: 100 }), 'DUES_NOT_COLLECTED', 'memberId'],
      [() => setDuesBase(ctx, { memberId: gone.id, fromMonth: '2026-05', category: '在职', base: 100 }), 'MEMBER_ALREADY_LEFT', 'memberId'],
      [() => setDuesBase(ctx, { memberId: 999_999, fromMonth: '2026-05', category: '在职', base: 100 }), 'MEMBER_NOT_FOUND', 'id'],
      [() => recordDuesApproval(ctx, { memberId: m.id, kind: '免交', fromMonth: '2026-06', reason: '困难', approvedOn: '2026-06-01' }), 'FIELD_REQUIRED', 'approvedBy'],
      [() => recordDuesApproval(ctx, { memberId: m.id, kind: '减交', fromMonth: '2026-06', reason: '困难', approvedBy: '镇党委', approvedOn: '2026-06-01' }), 'FIELD_REQUIRED', 'monthly'],
      [() => recordDuesApproval(ctx, { memberId: m.id, kind: '免交', fromMonth: '2026-06', toMonth: '2026-05', reason: '困难', approvedBy: '镇党委', approvedOn: '2026-06-01' }), 'DATE_ORDER_INVALID', 'toMonth'],
      [() => recordDuesApproval(ctx, { memberId: m.id, kind: '免交', fromMonth: '2026-06', reason: '困难', approvedBy: '镇党委', approvedOn: '2026-12-01' }), 'DATE_IN_FUTURE', 'approvedOn'],
      [() => recordDuesPayment(ctx, { memberId: m.id, months: '2026-06', paidOn: '2026-06-05' }), 'DUES_BASE_MISSING', 'months'],
      [() => recordDuesPayment(ctx, { memberId: m.id, months: ['2026-04'], paidOn: '2026-06-05' }), 'DUES_MONTH_INVALID', 'months'],
      [() => recordDuesPayment(ctx, { memberId: m.id, months: ['2026-06'], paidOn: '2026-12-05' }), 'DATE_IN_FUTURE', 'paidOn'],
      [() => recordDuesPayment(ctx, { memberId: m.id, months: [], paidOn: '2026-06-05' }), 'FIELD_INVALID', 'months'],
      [() => recordBranchPayments(ctx, { orgCode: B1, month: '2026-06', paidOn: '2026-12-01' }), 'DATE_IN_FUTURE', 'paidOn'],
      [() => recordBranchPayments(ctx, { orgCode: 'C.T1.L1', month: '2026-06', paidOn: '2026-06-01' }), 'DUES_NOT_COLLECTED', 'orgCode'],
      [() => recordBranchPayments(ctx, { orgCode: B1, month: '2026-06', paidOn: '2026-06-01', memberIds: [999_999] }), 'MEMBER_NOT_FOUND', 'memberIds'],
    ];
    for (const [p, code, field] of cases) {
      const e = await failure(p);
      expect({ code: e.code, fields: e.issues.map((i) => i.field) }, e.message).toEqual({ code, fields: expect.arrayContaining([field]) });
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await snapshotTables(ctx)).toEqual(before);

    // With a base: 减交 must be lower than the normal due; paying a month twice is a conflict, and a batch with one
    // paid month writes none of its months.
    await setDuesBase(ctx, { memberId: m.id, fromMonth: '2026-05', category: '在职', base: 3000 });
    const high = await failure(recordDuesApproval(ctx, { memberId: m.id, kind: '减交', fromMonth: '2026-06', monthly: 15, reason: '困难', approvedBy: '镇党委', approvedOn: '2026-06-01' }));
    expect([high.code, high.issues[0]!.field, high.message]).toEqual(['DUES_AMOUNT_INVALID', 'monthly', expect.stringContaining('15.00')]);
    const low = await failure(recordDuesPayment(ctx, { memberId: m.id, months: '2026-05', paidOn: '2026-05-20', amount: '10' }));
    expect([low.code, low.issues[0]!.field]).toEqual(['DUES_AMOUNT_INVALID', 'amount']);
    await recordDuesPayment(ctx, { memberId: m.id, months: '2026-06', paidOn: '2026-06-20' });
    const afterOne = await snapshotTables(ctx);
    const twice = await failure(recordDuesPayment(ctx, { memberId: m.id, months: ['2026-05', '2026-06', '2026-07'], paidOn: '2026-07-20' }));
    expect([twice.code, twice.kind, twice.issues.map((i) => i.field)]).toEqual(['DUES_ALREADY_PAID', 'conflict', ['months']]);
    expect(twice.message).toContain('2026-06');
    expect(await snapshotTables(ctx)).toEqual(afterOne);
  });

  it('marks a branch paid for a month: only members with a base, skipping the paid and the unassessed', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const a = await paidMember(ctx, 6000);
    const b = await paidMember(ctx, 2000);
    const c = await makeMember(ctx, B1);
    const d = await paidMember(ctx, 6000);
    const other = await paidMember(ctx, 6000, '2026-01', B2);
    await recordDuesPayment(ctx, { memberId: d.id, months: '2026-10', paidOn: '2026-10-02' });
    const result = await recordBranchPayments(ctx, { orgCode: B1, month: '2026-10', paidOn: '2026-10-15' });
    expect(result.paid.map((p) => [p.memberId, p.amount])).toEqual([[a.id, '90.00'], [b.id, '10.00']]);
    expect(result.skipped).toEqual([
      { memberId: c.id, name: c.name, reason: '未核定党费基数' },
      { memberId: d.id, name: d.name, reason: '已于2026-10-02交纳' },
    ]);
    expect(result.total).toBe('100.00');
    expect((await memberDues(ctx, other.id, { from: '2026-10', to: '2026-10' })).months[0]!.status).toBe('未交');

    // Listed members only.
    const listed = await recordBranchPayments(ctx, { orgCode: B1, month: '2026-11', paidOn: '2026-11-20', memberIds: [b.id] });
    expect(listed.paid.map((p) => p.memberId)).toEqual([b.id]);
    expect((await memberDues(ctx, a.id, { from: '2026-11', to: '2026-11' })).months[0]!.status).toBe('未交');
  });

  it('shows each month of the ledger as 已交, 补交, 预交, 未交, 免交, 未核定 or 未到期', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 1);
    const m = await paidMember(ctx, 6000, '2026-08');
    await recordDuesApproval(ctx, { memberId: m.id, kind: '免交', fromMonth: '2026-10', toMonth: '2026-10', reason: '重病', approvedBy: '镇党委', approvedOn: '2026-09-30' });
    await recordDuesPayment(ctx, { memberId: m.id, months: '2026-08', paidOn: '2026-09-03' });
    await recordDuesPayment(ctx, { memberId: m.id, months: ['2026-11', '2026-12'], paidOn: '2026-10-28' });
    const other = await makeMember(ctx, B1, { joinedOn: '2026-09-15', status: '预备党员', confirmedOn: null });
    const ledger = await duesLedger(ctx, { orgCode: B1, from: '2026-07', to: '2027-01' });
    expect(ledger.total).toBe(2);
    const row = ledger.items.find((r) => r.memberId === m.id)!;
    expect(row.months.map((c) => `${c.month} ${c.status}`)).toEqual([
      '2026-07 未核定',
      '2026-08 补交',
      '2026-09 未交',
      '2026-10 免交',
      '2026-11 预交',
      '2026-12 预交',
      '2027-01 未到期',
    ]);
    expect(row).toMatchObject({ name: m.name, orgCode: B1, category: '在职', base: '6000.00', paidFen: 27000, unpaidMonths: 1 });
    // A probationary member appears from the month of the branch meeting that admitted him.
    expect(ledger.items.find((r) => r.memberId === other.id)!.months.map((c) => c.month)[0]).toBe('2026-09');
    await recordDuesPayment(ctx, { memberId: m.id, months: '2026-09', paidOn: '2026-09-30' });
    expect((await memberDues(ctx, m.id, { from: '2026-09', to: '2026-09' })).months[0]!.status).toBe('已交');
  });

  it('figures the payment rate and the members three months or more in arrears, with the evidence', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const months = ['2026-08', '2026-09', '2026-10', '2026-11'];
    const a = await paidMember(ctx, 6000);
    await recordDuesPayment(ctx, { memberId: a.id, months, paidOn: '2026-08-05' });
    const b = await paidMember(ctx, 6000);
    await recordDuesPayment(ctx, { memberId: b.id, months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07'], paidOn: '2026-07-05' });
    const c = await paidMember(ctx, 6000);
    await recordDuesApproval(ctx, { memberId: c.id, kind: '免交', fromMonth: '2026-06', reason: '重病', approvedBy: '镇党委', approvedOn: '2026-05-20' });
    const d = await makeMember(ctx, B1);
    const e = await paidMember(ctx, 3000);
    await recordDuesPayment(ctx, { memberId: e.id, months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'], paidOn: '2026-08-05' });
    await paidMember(ctx, 6000, '2026-01', B2); // another branch: not in B1's figures

    const f = await duesFigures(ctx, { orgCode: B1, from: '2026-08', to: '2026-11' });
    // Due member-months: a 4 (paid), b 4, e 4 (August paid); c exempt, d unassessed.
    expect(f).toMatchObject({
      org: B1,
      through: '2026-11',
      memberCount: 5,
      dueMonths: 12,
      paidMonths: 5,
      paymentRate: 0.4167,
      dueFen: 8 * 9000 + 4 * 1500,
      paidFen: 4 * 9000 + 1500,
      membersInArrears: 1,
      membersWithoutBase: 1,
    });
    // b: August to October unpaid (November is not over yet); e only September and October.
    expect(f.evidence.inArrears).toEqual([{ memberId: b.id, name: b.name, orgCode: B1, months: ['2026-08', '2026-09', '2026-10'] }]);
    expect(f.evidence.withoutBase.map((w) => [w.memberId, w.months.length])).toEqual([[d.id, 4]]);
    const county = await duesFigures(ctx, { orgCode: 'C', from: '2026-08', to: '2026-11' });
    expect(county.memberCount).toBe(6);
    expect(county.membersInArrears).toBe(2);

    // The same figures under catalog-style ids for the reports, each with the members behind it. 2026H2 adds July:
    // due for a, b (90 元 each) and e (15 元); b and e paid it; c is exempt from June, d has no base.
    const set = await duesFigureSet(ctx, { orgCode: B1, period: '2026H2' });
    const fig = (id: string) => set.figures.find((x) => x.id === id)!;
    expect(set.org).toEqual({ code: B1, name: expect.any(String) });
    expect(fig('dues_payment_rate').value).toBe(Math.round(((5 + 2) / (12 + 3)) * 1000) / 10);
    expect(fig('dues_due_total').value).toBe((10 * 9000 + 5 * 1500) / 100);
    expect(fig('dues_due_total').evidence).toEqual({ table: 'memberships', ids: [a.id, b.id, e.id] });
    expect(fig('dues_paid_total').evidence.ids).toEqual([a.id, b.id, e.id]);
    expect(fig('dues_members_in_arrears')).toMatchObject({ value: 1, evidence: { ids: [b.id] } });
    expect(fig('dues_members_without_base')).toMatchObject({ value: 1, evidence: { ids: [d.id] } });
  });

  it('answers a secretary of another branch "not found", and a viewer "permission denied"', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const m = await paidMember(ctx, 6000);
    const secretary = await asUser(ctx, await makeUser(ctx, 'b2-sec', ['secretary'], B2));
    const viewer = await asUser(ctx, await makeUser(ctx, 'c-viewer', ['viewer'], 'C'));
    const codes = async (p: Promise<unknown>) => (await failure(p)).code;
    expect(await codes(memberDues(secretary, m.id))).toBe('MEMBER_NOT_FOUND');
    expect(await codes(setDuesBase(secretary, { memberId: m.id, fromMonth: '2026-05', category: '在职', base: 100 }))).toBe('MEMBER_NOT_FOUND');
    expect(await codes(recordDuesPayment(secretary, { memberId: m.id, months: '2026-05', paidOn: '2026-05-05' }))).toBe('MEMBER_NOT_FOUND');
    expect(await codes(recordDuesApproval(secretary, { memberId: m.id, kind: '按季交纳', fromMonth: '2026-05', reason: '外出', approvedOn: '2026-05-01' }))).toBe('MEMBER_NOT_FOUND');
    expect(await codes(duesLedger(secretary, { orgCode: B1 }))).toBe('ORG_NOT_FOUND');
    expect(await codes(duesFigures(secretary, { orgCode: B1 }))).toBe('ORG_NOT_FOUND');
    expect(await codes(recordBranchPayments(secretary, { orgCode: B1, month: '2026-05', paidOn: '2026-05-05' }))).toBe('ORG_NOT_FOUND');
    expect(await codes(recordBranchPayments(secretary, { orgCode: B2, month: '2026-05', paidOn: '2026-05-05', memberIds: [m.id] }))).toBe('MEMBER_NOT_FOUND');
    // Without an organization, the secretary's ledger is his own branch: B1's member is not in it.
    expect((await duesLedger(secretary, {})).items).toEqual([]);
    expect(await codes(recordDuesPayment(viewer, { memberId: m.id, months: '2026-05', paidOn: '2026-05-05' }))).toBe('PERMISSION_DENIED');
    expect((await duesLedger(viewer, { orgCode: B1 })).total).toBe(1);
  });

  it('reads the ledger and the figures in the same number of queries for 5 members and for 50', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const counted = async (n: number, org: string) => {
      const ids: number[] = [];
      for (let i = 0; i < n; i++) ids.push((await paidMember(ctx, 3000 + i * 100, '2026-01', org)).id);
      for (const id of ids.slice(0, Math.ceil(n / 2))) await recordDuesPayment(ctx, { memberId: id, months: ['2026-01', '2026-02'], paidOn: '2026-02-01' });
      await recordDuesApproval(ctx, { memberId: ids[0]!, kind: '按季交纳', fromMonth: '2026-04', reason: '外出', approvedOn: '2026-03-01' });
      const c = countingCtx(ctx);
      const ledger = await duesLedger(c.ctx, { orgCode: org, from: '2026-01', to: '2026-06', limit: 100 });
      expect(ledger.items).toHaveLength(n);
      const ledgerQueries = c.queries();
      c.reset();
      await duesFigures(c.ctx, { orgCode: org, from: '2026-01', to: '2026-06' });
      return [ledgerQueries, c.queries()];
    };
    const small = await counted(5, B1);
    const large = await counted(50, B2);
    expect(large).toEqual(small);
    expect(small[0]).toBeLessThanOrEqual(7);
  });
});
