import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import { ENGINES, useTestDatabase, type Engine } from '../../../test/helpers/test-db.js';
import { failure } from '../../../test/helpers/errors.js';
import { snapshotTables } from '../../../test/helpers/db-snapshot.js';
import { countingCtx } from '../../../test/helpers/query-counter.js';
import { asUser, makeCounty, makeUser } from '../../../test/factories.js';
import { createDisclosureItem } from './create-disclosure-item.js';
import { disclosureFigures } from './disclosure-figures.js';
import { getDisclosure } from './disclosure-records.js';
import { disclosureStatus } from './disclosure-status.js';
import { findDisclosureItems } from './find-disclosure-items.js';
import { findDisclosures } from './find-disclosures.js';
import { installDisclosureCatalogue } from './install-disclosure-catalogue.js';
import { proposeDisclosure } from './propose-disclosure.js';
import { takeDisclosureStep } from './take-disclosure-step.js';
import { DEFAULT_DISCLOSURE_CATALOGUE, type DisclosureInput, type DisclosureItemView } from './disclosures.schema.js';

// Today in these tests is 2026-11-23 (TEST_TODAY).
const T1 = 'C.T1';
const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';

async function catalogue(ctx: Ctx): Promise<Record<string, DisclosureItemView>> {
  const { created } = await installDisclosureCatalogue(ctx, { orgCode: T1 });
  return Object.fromEntries(created.map((i) => [i.name, i]));
}

/** Proposes, reviews, approves and publishes on the same day. */
async function published(ctx: Ctx, orgCode: string, itemId: number, periodLabel: string, on: string) {
  const d = await proposeDisclosure(ctx, { orgCode, itemId, periodLabel, content: `${periodLabel}公开内容`, proposedOn: on });
  await takeDisclosureStep(ctx, d.id, { action: '审核', on, by: '支委会' });
  await takeDisclosureStep(ctx, d.id, { action: '审批', on, by: '镇党委' });
  return takeDisclosureStep(ctx, d.id, { action: '公开', on });
}

describe.each(ENGINES)('disclosures on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  it('installs the default catalogue once, adds items, and shows each organization the items that concern it', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const first = await installDisclosureCatalogue(ctx, { orgCode: T1 });
    expect(first.created.map((i) => [i.category, i.name, i.cadence, i.sector])).toEqual(
      DEFAULT_DISCLOSURE_CATALOGUE.map((i) => [i.category, i.name, i.cadence, i.sector]),
    );
    expect(first.created.every((i) => i.orgCode === T1 && i.active)).toBe(true);
    const again = await installDisclosureCatalogue(ctx, { orgCode: T1 });
    expect([again.created.length, again.skipped.length]).toEqual([0, DEFAULT_DISCLOSURE_CATALOGUE.length]);
    const busy = await installDisclosureCatalogue(ctx, { orgCode: B1, busyFinance: true });
    expect(busy.created.length).toBe(1);
    expect(busy.created[0]).toMatchObject({ name: '财务收支（往来较多）', orgCode: B1, sector: '农村' });
    const own = await createDisclosureItem(ctx, { orgCode: B2, category: '党务', name: '党费收缴情况', cadence: '每半年' });
    expect(own).toMatchObject({ orgCode: B2, cadence: '每半年', sector: null, active: true });
    expect((await failure(createDisclosureItem(ctx, { orgCode: B2, category: '党务', name: '党费收缴情况', cadence: '每年' }))).code).toBe('DISCLOSURE_DUPLICATE');
    expect((await failure(createDisclosureItem(ctx, { orgCode: B2, category: '党建' as '党务', name: 'x', cadence: '每年' }))).code).toBe('VALUE_NOT_ALLOWED');

    // B1 sees T1's items (they apply to it) and its own, not B2's; the township sees all of its subtree's.
    const secretary = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    const b1Items = await findDisclosureItems(secretary);
    expect(b1Items.length).toBe(DEFAULT_DISCLOSURE_CATALOGUE.length + 1);
    expect(b1Items.some((i) => i.id === own.id)).toBe(false);
    expect((await findDisclosureItems(ctx, { org: T1 })).length).toBe(DEFAULT_DISCLOSURE_CATALOGUE.length + 2);
    expect((await findDisclosureItems(ctx, { org: B2 })).map((i) => i.orgCode).filter((c) => c !== T1)).toEqual([B2]);
    expect((await failure(findDisclosureItems(secretary, { org: B2 }))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(installDisclosureCatalogue(secretary, { orgCode: T1 }))).code).toBe('ORG_NOT_FOUND');
    const audit = await ctx.db.selectFrom('audit_log').select(['action']).where('record_type', '=', 'disclosure_item').execute();
    expect(audit.length).toBe(DEFAULT_DISCLOSURE_CATALOGUE.length + 2);
  });

  it('moves a disclosure through 提出 → 审核 → 审批 → 公开 in order only, never backwards, audited', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const items = await catalogue(ctx);
    const item = items['村务公开（一般事项）']!;
    const d = await proposeDisclosure(ctx, { orgCode: B1, itemId: item.id, periodLabel: '2026q3', content: '第三季度村务', proposedOn: '2026-10-05' });
    expect(d).toMatchObject({ orgCode: B1, itemName: '村务公开（一般事项）', category: '村务', cadence: '每季度', periodLabel: '2026Q3', status: '待审核', reviewedOn: null });

    const conflict = async (p: Promise<unknown>) => {
      const e = await failure(p);
      expect([e.code, e.kind]).toEqual(['DISCLOSURE_STEP_ORDER', 'conflict']);
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    };
    await conflict(takeDisclosureStep(ctx, d.id, { action: '公开', on: '2026-10-10' }));
    await conflict(takeDisclosureStep(ctx, d.id, { action: '审批', on: '2026-10-10', by: '镇党委' }));
    const early = await failure(takeDisclosureStep(ctx, d.id, { action: '审核', on: '2026-10-01', by: '支委会' }));
    expect([early.code, early.issues[0]!.field]).toEqual(['DATE_ORDER_INVALID', 'on']);
    expect((await failure(takeDisclosureStep(ctx, d.id, { action: '审核', on: '2026-11-24', by: '支委会' }))).code).toBe('DATE_IN_FUTURE');
    const noBy = await failure(takeDisclosureStep(ctx, d.id, { action: '审核', on: '2026-10-06' }));
    expect([noBy.code, noBy.issues[0]!.field]).toEqual(['FIELD_REQUIRED', 'by']);
    expect((await failure(takeDisclosureStep(ctx, d.id, { action: '退回' as '审核', on: '2026-10-06', by: 'x' }))).code).toBe('VALUE_NOT_ALLOWED');

    const reviewed = await takeDisclosureStep(ctx, d.id, { action: '审核', on: '2026-10-06', by: '村务监督委员会', note: '已保密审查' });
    expect(reviewed).toMatchObject({ status: '待审批', reviewedOn: '2026-10-06', reviewedBy: '村务监督委员会', note: '审核：已保密审查' });
    await conflict(takeDisclosureStep(ctx, d.id, { action: '审核', on: '2026-10-07', by: 'x' }));
    const approved = await takeDisclosureStep(ctx, d.id, { action: '审批', on: '2026-10-08', by: '镇党委' });
    expect(approved.status).toBe('待公开');
    expect((await failure(takeDisclosureStep(ctx, d.id, { action: '公开', on: '2026-10-09', by: 'x' }))).code).toBe('FIELD_INVALID');
    const done = await takeDisclosureStep(ctx, d.id, { action: '公开', on: '2026-10-10' });
    expect(done).toMatchObject({ status: '已公开', publishedOn: '2026-10-10', approvedBy: '镇党委' });
    await conflict(takeDisclosureStep(ctx, d.id, { action: '公开', on: '2026-10-11' }));
    expect(await getDisclosure(ctx, d.id)).toEqual(done);

    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'note', 'changes']).where('record_type', '=', 'disclosure').orderBy('id').execute();
    expect(audit.map((a) => `${a.action} ${a.note}`)).toEqual(['create 提出', 'update 审核（含保密审查）', 'update 审批', 'update 公开（实施）']);
    expect(JSON.parse(audit[3]!.changes!)).toEqual({ publishedOn: [null, '2026-10-10'], status: ['待公开', '已公开'] });
  });

  it('refuses bad disclosures, naming the field, outside the item, its sector or the caller’s scope, and writes nothing', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const items = await catalogue(ctx);
    const quarterly = items['村务公开（一般事项）']!.id;
    const atOnce = items['党务公开（重要事项）']!.id;
    const b2Item = await createDisclosureItem(ctx, { orgCode: B2, category: '党务', name: '党费收缴情况', cadence: '每半年' });
    const mine = await proposeDisclosure(ctx, { orgCode: B1, itemId: quarterly, periodLabel: '2026Q1', content: '一季度', proposedOn: '2026-04-01' });
    const theirs = await proposeDisclosure(ctx, { orgCode: B2, itemId: quarterly, periodLabel: '2026Q1', content: '一季度', proposedOn: '2026-04-01' });
    const secretary = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    const viewer = await asUser(ctx, await makeUser(ctx, 'b1-view', ['viewer'], B1));
    const before = await snapshotTables(ctx);
    const base = { orgCode: B1, itemId: quarterly, periodLabel: '2026Q2', content: '二季度', proposedOn: '2026-07-01' };
    const cases: [Ctx, DisclosureInput, string, string][] = [
      [ctx, { ...base, periodLabel: '2026-06' }, 'FIELD_INVALID', 'periodLabel'],
      [ctx, { ...base, periodLabel: '2026Q5' }, 'FIELD_INVALID', 'periodLabel'],
      [ctx, { ...base, periodLabel: '2027Q1' }, 'DATE_IN_FUTURE', 'periodLabel'],
      [ctx, { ...base, itemId: atOnce, periodLabel: '2026Q2' }, 'FIELD_INVALID', 'periodLabel'],
      [ctx, { ...base, itemId: atOnce, periodLabel: '2026-12-01' }, 'DATE_IN_FUTURE', 'periodLabel'],
      [ctx, { ...base, proposedOn: '2026-03-31' }, 'DATE_ORDER_INVALID', 'proposedOn'],
      [ctx, { ...base, proposedOn: '2026-11-24' }, 'DATE_IN_FUTURE', 'proposedOn'],
      [ctx, { ...base, proposedOn: '2026-02-30' }, 'FIELD_INVALID', 'proposedOn'],
      [ctx, { ...base, content: ' ' }, 'FIELD_INVALID', 'content'],
      [ctx, { ...base, periodLabel: '2026Q1' }, 'DISCLOSURE_DUPLICATE', 'periodLabel'],
      [ctx, { ...base, itemId: 999_999 }, 'DISCLOSURE_ITEM_NOT_FOUND', 'itemId'],
      // The county committee (机关) is above the township that defines the item, and of another sector.
      [ctx, { ...base, orgCode: 'C' }, 'FIELD_INVALID', 'itemId'],
      [ctx, { ...base, itemId: b2Item.id, periodLabel: '2026H1' }, 'FIELD_INVALID', 'itemId'],
      [ctx, { ...base, orgCode: 'NOPE' }, 'ORG_NOT_FOUND', 'orgCode'],
      [secretary, { ...base, orgCode: B2 }, 'ORG_NOT_FOUND', 'orgCode'],
      [secretary, { ...base, itemId: b2Item.id, periodLabel: '2026H1' }, 'DISCLOSURE_ITEM_NOT_FOUND', 'itemId'],
      [viewer, base, 'PERMISSION_DENIED', 'orgCode'],
    ];
    for (const [who, input, code, field] of cases) {
      const e = await failure(proposeDisclosure(who, input));
      expect({ code: e.code, fields: e.issues.map((i) => i.field) }, e.message).toEqual({ code, fields: expect.arrayContaining([field]) });
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const missing = await failure(getDisclosure(secretary, 999_999));
    const foreign = await failure(getDisclosure(secretary, theirs.id));
    expect([foreign.code, foreign.message.replace(String(theirs.id), '#')]).toEqual(['DISCLOSURE_NOT_FOUND', missing.message.replace('999999', '#')]);
    expect((await failure(takeDisclosureStep(secretary, theirs.id, { action: '审核', on: '2026-04-02', by: 'x' }))).code).toBe('DISCLOSURE_NOT_FOUND');
    expect((await failure(takeDisclosureStep(viewer, mine.id, { action: '审核', on: '2026-04-02', by: 'x' }))).code).toBe('PERMISSION_DENIED');
    expect(await snapshotTables(ctx)).toEqual(before);

    // The secretary proposes for B1 against the township's item; the lists are clipped to the caller.
    const own = await proposeDisclosure(secretary, base);
    expect(own.orgCode).toBe(B1);
    expect((await findDisclosures(secretary, {})).items.map((x) => x.id)).toEqual([own.id, mine.id]);
    expect((await findDisclosures(ctx, { org: T1 })).total).toBe(3);
    expect((await findDisclosures(ctx, { status: '待审核', itemId: quarterly, from: '2026-05-01' })).items.map((x) => x.id)).toEqual([own.id]);
    expect((await failure(findDisclosures(secretary, { org: B2 }))).code).toBe('ORG_NOT_FOUND');
  });

  it('shows a superior who is behind, and computes the figures against counts made by hand', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const items = await catalogue(ctx);
    const party = items['党务公开（定期事项）']!.id;
    const village = items['村务公开（一般事项）']!.id;
    const finance = items['财务收支']!.id;
    const major = items['党务公开（重要事项）']!.id;
    const onTime: Record<string, string> = { '2025Q4': '2026-01-10', '2026Q1': '2026-04-10', '2026Q2': '2026-07-10', '2026Q3': '2026-10-10' };
    for (const [label, on] of Object.entries(onTime)) {
      await published(ctx, B1, party, label, on);
      if (label !== '2026Q2') await published(ctx, B1, village, label, on);
      await published(ctx, B1, finance, label, label === '2026Q3' ? '2026-10-20' : on);
    }
    await published(ctx, B2, party, '2026Q1', '2026-04-15');
    await published(ctx, B1, major, '2026-05-03', '2026-05-04');
    const waiting = await proposeDisclosure(ctx, { orgCode: B1, itemId: major, periodLabel: '2026-11-01', content: '重大事项', proposedOn: '2026-11-01' });
    await proposeDisclosure(ctx, { orgCode: B2, itemId: major, periodLabel: '2026-11-20', content: '重大事项', proposedOn: '2026-11-20' });

    const status = await disclosureStatus(ctx, { org: T1 });
    expect(status).toMatchObject({ asOf: '2026-11-23', graceDays: 15, reviewDays: 10, org: { code: T1 } });
    const row = (org: string, item: number) => status.rows.find((r) => r.orgCode === org && r.itemId === item)!;
    expect(status.rows.length).toBe(2 * DEFAULT_DISCLOSURE_CATALOGUE.length);
    expect(row(B1, party)).toMatchObject({ lastPublishedPeriod: '2026Q3', lastPublishedOn: '2026-10-10', currentPeriod: '2026Q3', dueOn: '2026-10-15', state: '已公开', overduePeriods: 0 });
    expect(row(B1, village)).toMatchObject({ lastPublishedPeriod: '2026Q3', state: '已公开', overduePeriods: 1 });
    expect(row(B1, finance)).toMatchObject({ lastPublishedOn: '2026-10-20', state: '已公开', overduePeriods: 0 });
    expect(row(B1, major)).toMatchObject({ lastPublishedPeriod: '2026-05-03', currentPeriod: null, state: '随时公开' });
    expect(row(B2, party)).toMatchObject({ lastPublishedPeriod: '2026Q1', state: '逾期', overduePeriods: 3 });
    expect(row(B2, village)).toMatchObject({ lastPublishedPeriod: null, state: '逾期', overduePeriods: 4 });
    expect(status.behind).toEqual([
      { orgCode: B2, orgName: '测试村2党支部', overdueItems: 3, overduePeriods: 11 },
      { orgCode: B1, orgName: '测试村1党支部', overdueItems: 1, overduePeriods: 1 },
    ]);
    expect(status.unreviewed.map((d) => d.id)).toEqual([waiting.id]);
    expect((await disclosureStatus(ctx, { org: T1, reviewDays: 1 })).unreviewed.length).toBe(2);
    expect((await disclosureStatus(ctx, { org: T1, behindOnly: true })).rows.map((r) => `${r.orgCode} ${r.itemId}`).sort()).toEqual(
      [`${B1} ${village}`, `${B2} ${party}`, `${B2} ${village}`, `${B2} ${finance}`].sort(),
    );
    const secretary = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    const own = await disclosureStatus(secretary);
    expect(new Set(own.rows.map((r) => r.orgCode))).toEqual(new Set([B1]));
    expect((await failure(disclosureStatus(secretary, { org: B2 }))).code).toBe('ORG_NOT_FOUND');

    const values = async (period: string, orgCode?: string, who: Ctx = ctx) =>
      Object.fromEntries((await disclosureFigures(who, { period, ...(orgCode && { orgCode }) })).figures.map((f) => [f.id, f.value]));
    // 2026: the periods due 2026-01-15, 04-15, 07-15, 10-15 (2025Q4 … 2026Q3) × 3 periodic items × 2 branches = 24.
    expect(await values('2026', T1)).toEqual({
      disclosures_published: 13, // B1: 4 + 3 + 4 periodic and 1 随时; B2: 1
      disclosures_overdue: 12, // B1: 村务 2026Q2; B2: 11 of 12
      disclosure_on_time_rate: 45.8, // 11 / 24 (B1's 2026Q3 finances were late, B2's 2026Q1 on the due date)
      orgs_behind_disclosure: 2,
    });
    // 2026Q3 judges 2026Q2 (due 07-15): B1 two on time, 村务 overdue; B2 three overdue.
    expect(await values('2026Q3')).toEqual({ disclosures_published: 2, disclosures_overdue: 4, disclosure_on_time_rate: 33.3, orgs_behind_disclosure: 2 });
    // 2026Q4, as of today: 2026Q3 (due 10-15): B1 two on time and one late; B2 three overdue.
    expect(await values('2026Q4', B1)).toEqual({ disclosures_published: 3, disclosures_overdue: 0, disclosure_on_time_rate: 66.7, orgs_behind_disclosure: 0 });
    expect(await values('2026', undefined, secretary)).toEqual({ disclosures_published: 12, disclosures_overdue: 1, disclosure_on_time_rate: 83.3, orgs_behind_disclosure: 1 });
    const set = await disclosureFigures(ctx, { period: '2026', orgCode: T1 });
    expect(set.figures.find((f) => f.id === 'orgs_behind_disclosure')!.evidence.table).toBe('organizations');
    expect(set.figures.find((f) => f.id === 'disclosures_published')!.computation).toMatch(/公开/);
    expect((await failure(disclosureFigures(ctx, { period: '2026Q5' }))).code).toBe('FIELD_INVALID');

    // A fixed number of queries, however many disclosures.
    const counted = async () => {
      const c = countingCtx(ctx);
      await disclosureFigures(c.ctx, { period: '2026', orgCode: 'C' });
      const figures = c.queries();
      c.reset();
      await disclosureStatus(c.ctx, { org: 'C' });
      return [figures, c.queries()];
    };
    const now = await counted();
    await published(ctx, B2, party, '2026Q2', '2026-07-11');
    expect(await counted()).toEqual(now);
    expect(now[0]).toBeLessThanOrEqual(4);
  });
});
