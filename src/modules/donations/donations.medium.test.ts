import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import { ENGINES, useTestDatabase, type Engine } from '../../../test/helpers/test-db.js';
import { failure } from '../../../test/helpers/errors.js';
import { snapshotTables } from '../../../test/helpers/db-snapshot.js';
import { countingCtx } from '../../../test/helpers/query-counter.js';
import { asUser, makeCounty, makeMember, makeUser } from '../../../test/factories.js';
import { leaveMember } from '../members/leave-member.js';
import { deleteDonation } from './delete-donation.js';
import { donationFigures } from './donation-figures.js';
import { donationCampaigns, findDonations } from './find-donations.js';
import { recordDonationBatch } from './record-donation-batch.js';
import { recordDonation } from './record-donation.js';
import type { DonationBatchInput, DonationInput } from './donations.schema.js';

// Today in these tests is 2026-11-23 (TEST_TODAY).
const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';
const FLOOD = '抗洪救灾特殊党费';

describe.each(ENGINES)('donations on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  it('records a donation in 元 (kept in fen), lists and totals donations, and lists the campaigns', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const a = await makeMember(ctx, B1, { name: '甲党员' });
    const b = await makeMember(ctx, B1);
    const c = await makeMember(ctx, B2);
    const d1 = await recordDonation(ctx, { memberId: a.id, campaign: FLOOD, donatedOn: '2026-07-10', amount: '100.5', note: '自愿' });
    expect(d1).toEqual({
      id: d1.id,
      memberId: a.id,
      name: '甲党员',
      orgCode: B1,
      orgName: '测试村1党支部',
      campaign: FLOOD,
      donatedOn: '2026-07-10',
      amountFen: 10050,
      amount: '100.50',
      note: '自愿',
    });
    const d2 = await recordDonation(ctx, { memberId: b.id, campaign: FLOOD, donatedOn: '2026-07-11', amount: 20 });
    const d3 = await recordDonation(ctx, { memberId: c.id, campaign: FLOOD, donatedOn: '2026-07-12', amount: 0.01 });
    const d4 = await recordDonation(ctx, { memberId: a.id, campaign: '助学捐款', donatedOn: '2026-09-01', amount: '50' });

    const all = await findDonations(ctx, {});
    expect([all.total, all.totalFen, all.totalAmount, all.items.map((d) => d.id)]).toEqual([4, 17051, '170.51', [d4.id, d3.id, d2.id, d1.id]]);
    const flood = await findDonations(ctx, { org: B1, campaign: FLOOD });
    expect([flood.total, flood.totalAmount, flood.items.map((d) => d.id)]).toEqual([2, '120.50', [d2.id, d1.id]]);
    expect((await findDonations(ctx, { from: '2026-07-11', to: '2026-07-31' })).items.map((d) => d.id)).toEqual([d3.id, d2.id]);
    expect((await findDonations(ctx, { limit: 1, offset: 1 })).items.map((d) => d.id)).toEqual([d3.id]);

    expect((await donationCampaigns(ctx)).items).toEqual([
      { campaign: '助学捐款', donors: 1, donations: 1, totalFen: 5000, total: '50.00', firstOn: '2026-09-01', lastOn: '2026-09-01' },
      { campaign: FLOOD, donors: 3, donations: 3, totalFen: 12051, total: '120.51', firstOn: '2026-07-10', lastOn: '2026-07-12' },
    ]);
    expect((await donationCampaigns(ctx, { org: B2 })).items).toEqual([
      { campaign: FLOOD, donors: 1, donations: 1, totalFen: 1, total: '0.01', firstOn: '2026-07-12', lastOn: '2026-07-12' },
    ]);
    expect((await donationCampaigns(ctx, { to: '2026-08-31' })).items.map((x) => x.campaign)).toEqual([FLOOD]);

    const secretary = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    expect((await findDonations(secretary, {})).items.map((d) => d.id)).toEqual([d4.id, d2.id, d1.id]);
    expect((await donationCampaigns(secretary)).items.find((x) => x.campaign === FLOOD)!.donors).toBe(2);
    expect((await failure(findDonations(secretary, { org: B2 }))).code).toBe('ORG_NOT_FOUND');

    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'record_id', 'changes']).where('record_type', '=', 'donation').orderBy('id').execute();
    expect(audit.map((r) => `${r.action} ${r.record_id}`)).toEqual([d1, d2, d3, d4].map((d) => `create ${d.id}`));
    expect(JSON.parse(audit[0]!.changes!)).toMatchObject({ amount: [null, '100.50'], campaign: [null, FLOOD] });
  });

  it('refuses bad donations, naming the field, and writes nothing', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const a = await makeMember(ctx, B1, { joinedOn: '2026-03-01', status: '预备党员', confirmedOn: null });
    const c = await makeMember(ctx, B2);
    const gone = await makeMember(ctx, B1);
    await leaveMember(ctx, gone.id, { reason: '死亡', leftOn: '2026-06-01' });
    const secretary = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    const viewer = await asUser(ctx, await makeUser(ctx, 'b1-view', ['viewer'], B1));
    const ok: DonationInput = { memberId: a.id, campaign: FLOOD, donatedOn: '2026-07-10', amount: '10' };
    const before = await snapshotTables(ctx);
    const cases: [Ctx, DonationInput, string, string][] = [
      [ctx, { ...ok, amount: '12.345' }, 'FIELD_INVALID', 'amount'],
      [ctx, { ...ok, amount: 12.345 }, 'FIELD_INVALID', 'amount'],
      [ctx, { ...ok, amount: '0' }, 'FIELD_INVALID', 'amount'],
      [ctx, { ...ok, amount: '0.00' }, 'FIELD_INVALID', 'amount'],
      [ctx, { ...ok, amount: -5 }, 'FIELD_INVALID', 'amount'],
      [ctx, { ...ok, amount: '十元' }, 'FIELD_INVALID', 'amount'],
      [ctx, { ...ok, amount: undefined as unknown as string }, 'FIELD_REQUIRED', 'amount'],
      [ctx, { ...ok, campaign: ' ' }, 'FIELD_INVALID', 'campaign'],
      [ctx, { ...ok, donatedOn: '2026-11-24' }, 'DATE_IN_FUTURE', 'donatedOn'],
      [ctx, { ...ok, donatedOn: '2026-13-01' }, 'FIELD_INVALID', 'donatedOn'],
      [ctx, { ...ok, donatedOn: '2026-02-28' }, 'DATE_ORDER_INVALID', 'donatedOn'],
      [ctx, { ...ok, memberId: gone.id, donatedOn: '2026-06-01' }, 'DATE_ORDER_INVALID', 'donatedOn'],
      [ctx, { ...ok, memberId: 999_999 }, 'MEMBER_NOT_FOUND', 'memberId'],
      [secretary, { ...ok, memberId: c.id }, 'MEMBER_NOT_FOUND', 'memberId'],
      [viewer, ok, 'PERMISSION_DENIED', 'orgCode'],
    ];
    for (const [who, input, code, field] of cases) {
      const e = await failure(recordDonation(who, input));
      expect({ code: e.code, fields: e.issues.map((i) => i.field) }, e.message).toEqual({ code, fields: expect.arrayContaining([field]) });
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const missing = await failure(recordDonation(secretary, { ...ok, memberId: 999_999 }));
    const foreign = await failure(recordDonation(secretary, { ...ok, memberId: c.id }));
    expect(foreign.message.replace(String(c.id), '#')).toBe(missing.message.replace('999999', '#'));
    expect(await snapshotTables(ctx)).toEqual(before);
    // A member who left donated before leaving: recorded.
    expect((await recordDonation(ctx, { ...ok, memberId: gone.id, donatedOn: '2026-05-31' })).amount).toBe('10.00');
  });

  it('records a batch for an organization all or nothing, and deletes a donation with an audit entry', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const a = await makeMember(ctx, B1);
    const b = await makeMember(ctx, B1);
    const c = await makeMember(ctx, B2);
    const batch: DonationBatchInput = { orgCode: B1, campaign: FLOOD, donatedOn: '2026-07-01', items: [{ memberId: a.id, amount: '100' }, { memberId: b.id, amount: 50.5, note: '代交' }] };
    const secretary = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    const viewer = await asUser(ctx, await makeUser(ctx, 'b1-view', ['viewer'], B1));
    const townAdmin = await asUser(ctx, await makeUser(ctx, 't1-admin', ['org_admin'], 'C.T1'));

    const before = await snapshotTables(ctx);
    const cases: [Ctx, DonationBatchInput, string, string][] = [
      [ctx, { ...batch, items: [...batch.items, { memberId: c.id, amount: '1' }] }, 'MEMBER_NOT_FOUND', 'items.2.memberId'],
      [ctx, { ...batch, items: [...batch.items, { memberId: a.id, amount: '1' }] }, 'FIELD_INVALID', 'items.2.memberId'],
      [ctx, { ...batch, items: [{ memberId: a.id, amount: '1.001' }] }, 'FIELD_INVALID', 'items.0.amount'],
      [ctx, { ...batch, items: [] }, 'FIELD_INVALID', 'items'],
      [ctx, { ...batch, donatedOn: '2027-01-01' }, 'DATE_IN_FUTURE', 'donatedOn'],
      [ctx, { ...batch, orgCode: 'NOPE' }, 'ORG_NOT_FOUND', 'orgCode'],
      [secretary, { ...batch, orgCode: 'C.T1' }, 'ORG_NOT_FOUND', 'orgCode'],
      [viewer, batch, 'PERMISSION_DENIED', 'orgCode'],
    ];
    for (const [who, input, code, field] of cases) {
      const e = await failure(recordDonationBatch(who, input));
      expect({ code: e.code, fields: e.issues.map((i) => i.field) }, e.message).toEqual({ code, fields: expect.arrayContaining([field]) });
    }
    expect(await snapshotTables(ctx)).toEqual(before);

    const done = await recordDonationBatch(secretary, batch);
    expect(done).toMatchObject({ orgCode: B1, campaign: FLOOD, total: '150.50', totalFen: 15050 });
    expect(done.items.map((d) => [d.memberId, d.amount, d.note])).toEqual([[a.id, '100.00', null], [b.id, '50.50', '代交']]);
    // An organization administrator of the township records across its branches in one call.
    const town = await recordDonationBatch(townAdmin, { orgCode: 'C.T1', campaign: FLOOD, donatedOn: '2026-07-02', items: [{ memberId: a.id, amount: '1' }, { memberId: c.id, amount: '2' }] });
    expect(town.items.map((d) => d.orgCode)).toEqual([B1, B2]);

    const other = town.items[1]!;
    const removable = done.items[0]!;
    for (const [who, id, code] of [[secretary, other.id, 'DONATION_NOT_FOUND'], [viewer, removable.id, 'PERMISSION_DENIED'], [ctx, 2_000_000_000, 'DONATION_NOT_FOUND']] as const) {
      expect((await failure(deleteDonation(who, id))).code).toBe(code);
    }
    expect(await deleteDonation(secretary, removable.id)).toEqual(removable);
    expect((await failure(deleteDonation(secretary, removable.id))).code).toBe('DONATION_NOT_FOUND');
    expect((await findDonations(ctx, {})).total).toBe(3);
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'record_id', 'changes', 'note']).where('record_type', '=', 'donation').orderBy('id').execute();
    expect(audit.map((r) => r.action)).toEqual(['create', 'create', 'create', 'create', 'delete']);
    expect(audit[0]!.note).toBe(`按组织统一登记（${B1}）`);
    expect(audit[4]).toMatchObject({ record_id: String(removable.id) });
    expect(JSON.parse(audit[4]!.changes!)).toMatchObject({ amount: ['100.00', null], memberId: [a.id, null] });
  });

  it('computes donors, the donation rate over the members on the roll at the period end, and the amount, as counted by hand', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 3);
    const a = await makeMember(ctx, B1);
    const b = await makeMember(ctx, B1);
    await makeMember(ctx, B1, { joinedOn: '2026-09-01', status: '预备党员', confirmedOn: null }); // c: on the roll from September
    const d = await makeMember(ctx, B1);
    await makeMember(ctx, B1); // f: never donates
    const e = await makeMember(ctx, B2);
    const give = (memberId: number, campaign: string, donatedOn: string, amount: string) => recordDonation(ctx, { memberId, campaign, donatedOn, amount });
    const x1 = await give(a.id, FLOOD, '2026-03-01', '100');
    const x2 = await give(a.id, '助学捐款', '2026-07-01', '50.50');
    const x3 = await give(b.id, FLOOD, '2026-03-01', '20');
    const x4 = await give(d.id, FLOOD, '2026-03-02', '10');
    await give(e.id, FLOOD, '2026-03-03', '30');
    await leaveMember(ctx, d.id, { reason: '死亡', leftOn: '2026-05-01' });

    const values = async (period: string, orgCode?: string, campaign?: string) => {
      const set = await donationFigures(ctx, { period, ...(orgCode && { orgCode }), ...(campaign && { campaign }) });
      return Object.fromEntries(set.figures.map((f) => [f.id, f.value]));
    };
    // B1 in 2026: donors a, b, d; on the roll on 2026-12-31: a, b, c, f (d left in May).
    expect(await values('2026', B1)).toEqual({ member_donors: 3, member_donation_rate: 75, member_donation_amount: 180.5 });
    expect(await values('2026', B1, FLOOD)).toEqual({ member_donors: 3, member_donation_rate: 75, member_donation_amount: 130 });
    expect(await values('2026', B1, '助学捐款')).toEqual({ member_donors: 1, member_donation_rate: 25, member_donation_amount: 50.5 });
    // The first quarter: on the roll on 2026-03-31 are a, b, d and f (c joins in September).
    expect(await values('2026Q1', B1)).toEqual({ member_donors: 3, member_donation_rate: 75, member_donation_amount: 130 });
    // The county: donors a, b, d, e; on the roll at the year's end a, b, c, f, e.
    expect(await values('2026')).toEqual({ member_donors: 4, member_donation_rate: 80, member_donation_amount: 210.5 });
    expect(await values('2026', B2)).toEqual({ member_donors: 1, member_donation_rate: 100, member_donation_amount: 30 });
    // No donations in 2025 (a, b, d, f, e on the roll): 0%; a branch without members: no rate at all.
    expect(await values('2025')).toEqual({ member_donors: 0, member_donation_rate: 0, member_donation_amount: 0 });
    expect(await values('2026', 'C.T1.B3')).toEqual({ member_donors: 0, member_donation_rate: null, member_donation_amount: 0 });
    // One decimal: 2 donors of 3 on the roll.
    await makeMember(ctx, B2);
    await give(e.id, '助学捐款', '2026-04-01', '1');
    const f2 = await makeMember(ctx, B2);
    await give(f2.id, '助学捐款', '2026-04-01', '1');
    expect((await values('2026', B2)).member_donation_rate).toBe(66.7);
    expect((await values('2026', B2, '助学捐款')).member_donation_rate).toBe(66.7);
    expect((await values('2026', B2, FLOOD)).member_donation_rate).toBe(33.3);

    const set = await donationFigures(ctx, { period: '2026', orgCode: B1 });
    expect(set.org).toEqual({ code: B1, name: '测试村1党支部' });
    expect(set.figures.map((f) => [f.id, f.unit])).toEqual([['member_donors', '人'], ['member_donation_rate', '%'], ['member_donation_amount', '元']]);
    expect(set.figures[0]!.evidence).toEqual({ table: 'donations', ids: [x1.id, x2.id, x3.id, x4.id] });
    expect(set.figures[1]!.computation).toContain('2026-12-31');

    const secretary = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    expect(Object.fromEntries((await donationFigures(secretary, { period: '2026' })).figures.map((f) => [f.id, f.value]))).toEqual({
      member_donors: 3,
      member_donation_rate: 75,
      member_donation_amount: 180.5,
    });
    expect((await failure(donationFigures(secretary, { period: '2026', orgCode: B2 }))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(donationFigures(ctx, { period: '26' }))).code).toBe('FIELD_INVALID');
  });

  it('computes the figures in a fixed number of queries, however many donations there are', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const counted = async () => {
      const c = countingCtx(ctx);
      await donationFigures(c.ctx, { period: '2026', orgCode: 'C' });
      return c.queries();
    };
    const empty = await counted();
    for (let i = 0; i < 6; i++) {
      const m = await makeMember(ctx, i % 2 ? B1 : B2);
      await recordDonation(ctx, { memberId: m.id, campaign: FLOOD, donatedOn: '2026-07-01', amount: '10' });
    }
    expect(await counted()).toBe(empty);
    expect(empty).toBeLessThanOrEqual(3);
  });
});
