import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase, type Engine } from '../../../test/helpers/test-db.js';
import { failure } from '../../../test/helpers/errors.js';
import { asUser, makeCounty, makeMember, makeUser } from '../../../test/factories.js';
import { recordDonation } from '../donations/record-donation.js';
import { createFigureSet } from '../figure-sets/create-figure-set.js';
import { recordHonor } from '../honors/record-honor.js';
import { createServiceRecord } from '../service/create-service-record.js';
import { recordStudy } from '../study/record-study.js';
import { ledgerFigures, LEDGER_KEYS, parseLedgers } from './ledger-figures.js';

const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';

describe.each(ENGINES)('ledger figures on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  it('puts every ledger’s figures under catalog ids in one answer, with the records behind each', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const a = await makeMember(ctx, B1);
    const b = await makeMember(ctx, B2);
    await recordStudy(ctx, { memberId: a.id, studiedOn: '2026-05-10', kind: '集中学习', title: '党章', hours: 2 });
    const v1 = await createServiceRecord(ctx, { orgCode: B1, kind: '志愿服务', title: '清扫街巷', happenedOn: '2026-04-01', hours: 2, memberId: a.id });
    const v2 = await createServiceRecord(ctx, { orgCode: B2, kind: '志愿服务', title: '义诊', happenedOn: '2026-04-02', hours: 3 });
    await createServiceRecord(ctx, { orgCode: B2, kind: '志愿服务', title: '去年的', happenedOn: '2025-12-30', hours: 3 });
    await recordHonor(ctx, { kind: '表彰', recipientKind: '个人', memberId: b.id, title: '优秀共产党员', level: '县级', awardedBy: '县委', awardedOn: '2026-06-28' });
    await recordDonation(ctx, { memberId: a.id, campaign: '抗洪救灾', donatedOn: '2026-07-10', amount: '100' });
    // Hand-entered figures answer only when entered (for exactly the organization and period asked).
    await createFigureSet(ctx, { orgCode: 'C', period: '2026', sourceDepartment: '县纪委监委', values: [{ indicatorId: 'cases_filed', value: 5 }] });

    const all = await ledgerFigures(ctx, { orgCode: 'C', period: '2026' });
    expect(all.period).toMatchObject({ label: '2026', start: '2026-01-01', end: '2026-12-31' });
    expect(new Set(all.figures.map((f) => f.ledger))).toEqual(new Set(LEDGER_KEYS));
    const fig = (id: string) => all.figures.find((f) => f.id === id)!;
    expect(fig('volunteer_activities')).toMatchObject({ ledger: 'service', ledgerLabel: '服务', value: 2, records: 2, evidence: { ids: [] } });
    expect(fig('honors_members')).toMatchObject({ value: 1, records: 1 });
    expect(fig('member_donors')).toMatchObject({ value: 1, records: 1 });
    expect(fig('member_donation_rate').value).toBe(50);
    // Ids unique across ledgers: a report refers to a figure by id alone.
    expect(new Set(all.figures.map((f) => f.id)).size).toBe(all.figures.length);

    const withEvidence = await ledgerFigures(ctx, { orgCode: B1, period: '2026', ledgers: ['service'], evidence: true });
    expect(withEvidence.figures.every((f) => f.ledger === 'service')).toBe(true);
    expect(withEvidence.figures.find((f) => f.id === 'volunteer_activities')!.evidence).toEqual({ table: 'service_records', ids: [v1.id] });
    const county = await ledgerFigures(ctx, { orgCode: 'C', period: '2026H1', ledgers: ['service'], evidence: true });
    expect(county.figures.find((f) => f.id === 'volunteer_activities')!.evidence.ids.sort((x, y) => x - y)).toEqual([v1.id, v2.id]);
  });

  it('names an unknown ledger, and answers "not found" for an organization outside the caller’s scope', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    expect(parseLedgers('study，service')).toEqual(['study', 'service']);
    const bad = await failure(Promise.resolve().then(() => parseLedgers('study,党费')));
    expect(bad.issues[0]).toMatchObject({ code: 'FIELD_INVALID', field: 'ledger' });
    const secretary = await asUser(ctx, await makeUser(ctx, 'b2-sec', ['secretary'], B2));
    expect((await failure(ledgerFigures(secretary, { orgCode: B1, period: '2026' }))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(ledgerFigures(ctx, { orgCode: B1, period: '2026Q5' }))).issues[0]).toMatchObject({ field: 'period' });
  });
});
