import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import { ENGINES, useTestDatabase, type Engine } from '../../../test/helpers/test-db.js';
import { failure } from '../../../test/helpers/errors.js';
import { snapshotTables } from '../../../test/helpers/db-snapshot.js';
import { countingCtx } from '../../../test/helpers/query-counter.js';
import { asUser, makeCounty, makeMember, makeUser } from '../../../test/factories.js';
import { findHonors, memberHonors } from './find-honors.js';
import { honorBreakdown, honorFigures } from './honor-figures.js';
import { getHonor } from './honor-records.js';
import { recordHonor } from './record-honor.js';
import { revokeHonor } from './revoke-honor.js';
import { updateHonor } from './update-honor.js';
import type { HonorInput } from './honors.schema.js';

// Today in these tests is 2026-11-23 (TEST_TODAY).
const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';

const base = { title: '优秀共产党员', level: '县级', awardedBy: '中共测试县委员会', awardedOn: '2026-06-28' } as const;

function individual(memberId: number, more: Partial<HonorInput> = {}): HonorInput {
  return { kind: '表彰', recipientKind: '个人', memberId, ...base, ...more };
}

describe.each(ENGINES)('honors on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  it('records honors to a member, a person, an organization, a unit and a household, each under the right organization', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const a = await makeMember(ctx, B1, { name: '甲党员' });
    const toMember = await recordHonor(ctx, individual(a.id, { note: '七一表彰' }));
    expect(toMember).toEqual({
      id: toMember.id,
      kind: '表彰',
      recipientKind: '个人',
      memberId: a.id,
      recipientOrgCode: null,
      recipientName: '甲党员',
      orgCode: B1,
      orgName: '测试村1党支部',
      title: '优秀共产党员',
      level: '县级',
      awardedBy: '中共测试县委员会',
      awardedOn: '2026-06-28',
      revokedOn: null,
      status: '有效',
      note: '七一表彰',
    });
    const toPerson = await recordHonor(ctx, { kind: '表彰', recipientKind: '个人', recipientName: '群众张三', orgCode: B1, ...base, title: '优秀志愿者' });
    expect(toPerson).toMatchObject({ memberId: null, recipientName: '群众张三', orgCode: B1 });
    const toOrg = await recordHonor(ctx, { kind: '表彰', recipientKind: '集体', recipientOrgCode: B2, ...base, title: '先进基层党组织' });
    expect(toOrg).toMatchObject({ recipientOrgCode: B2, recipientName: '测试村2党支部', orgCode: B2 });
    // Giving the same organization again as orgCode is accepted (it is what the honor is recorded under anyway).
    const same = await recordHonor(ctx, { kind: '表彰', recipientKind: '集体', recipientOrgCode: B2, orgCode: B2, ...base, title: '五星级党支部' });
    expect(same.orgCode).toBe(B2);
    const toUnit = await recordHonor(ctx, { kind: '评选', recipientKind: '集体', recipientName: '县医院外科', orgCode: 'C.T1', ...base, title: '优秀科室', level: '本单位' });
    expect(toUnit).toMatchObject({ recipientOrgCode: null, recipientName: '县医院外科', orgCode: 'C.T1' });
    const toHousehold = await recordHonor(ctx, { kind: '选树', recipientKind: '家庭', recipientName: '李四家庭', orgCode: B1, ...base, title: '最美家庭' });
    expect(toHousehold).toMatchObject({ recipientKind: '家庭', recipientName: '李四家庭', orgCode: B1 });

    expect((await memberHonors(ctx, a.id)).map((h) => h.id)).toEqual([toMember.id]);
    expect(await getHonor(ctx, toOrg.id)).toEqual(toOrg);
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'record_type', 'record_id', 'changes']).where('record_type', '=', 'honor').orderBy('id').execute();
    expect(audit.map((r) => `${r.action} ${r.record_id}`)).toEqual(
      [toMember, toPerson, toOrg, same, toUnit, toHousehold].map((h) => `create ${h.id}`),
    );
    expect(JSON.parse(audit[0]!.changes!)).toMatchObject({ title: [null, '优秀共产党员'], memberId: [null, a.id] });
  });

  it('refuses bad honors, naming the field, and writes nothing', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const a = await makeMember(ctx, B1);
    const c = await makeMember(ctx, B2);
    const secretary = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    const viewer = await asUser(ctx, await makeUser(ctx, 'b1-view', ['viewer'], B1));
    const before = await snapshotTables(ctx);
    const cases: [Ctx, HonorInput, string, string][] = [
      [ctx, individual(a.id, { kind: '奖励' as '表彰' }), 'VALUE_NOT_ALLOWED', 'kind'],
      [ctx, individual(a.id, { recipientKind: '单位' as '个人' }), 'VALUE_NOT_ALLOWED', 'recipientKind'],
      [ctx, individual(a.id, { level: '国家级' as '县级' }), 'VALUE_NOT_ALLOWED', 'level'],
      [ctx, individual(a.id, { awardedOn: '2026-11-24' }), 'DATE_IN_FUTURE', 'awardedOn'],
      [ctx, individual(a.id, { awardedOn: '2026-02-30' }), 'FIELD_INVALID', 'awardedOn'],
      [ctx, individual(a.id, { awardedOn: '1920-01-01' }), 'DATE_INVALID', 'awardedOn'],
      [ctx, individual(a.id, { title: '  ' }), 'FIELD_INVALID', 'title'],
      [ctx, { ...individual(a.id), awardedBy: undefined as unknown as string }, 'FIELD_REQUIRED', 'awardedBy'],
      [ctx, individual(999_999), 'MEMBER_NOT_FOUND', 'memberId'],
      [ctx, { kind: '表彰', recipientKind: '个人', ...base }, 'FIELD_REQUIRED', 'memberId'],
      [ctx, individual(a.id, { recipientName: '另一人' }), 'FIELD_INVALID', 'recipientName'],
      [ctx, individual(a.id, { recipientOrgCode: B1 }), 'FIELD_INVALID', 'recipientOrgCode'],
      [ctx, individual(a.id, { orgCode: B2 }), 'FIELD_INVALID', 'orgCode'],
      [ctx, { kind: '表彰', recipientKind: '个人', recipientName: '群众', ...base }, 'FIELD_REQUIRED', 'orgCode'],
      [ctx, { kind: '表彰', recipientKind: '集体', memberId: a.id, recipientOrgCode: B1, ...base }, 'FIELD_INVALID', 'memberId'],
      [ctx, { kind: '表彰', recipientKind: '集体', orgCode: B1, ...base }, 'FIELD_REQUIRED', 'recipientOrgCode'],
      [ctx, { kind: '表彰', recipientKind: '集体', recipientOrgCode: 'NOPE', ...base }, 'ORG_NOT_FOUND', 'recipientOrgCode'],
      [ctx, { kind: '选树', recipientKind: '家庭', orgCode: B1, ...base }, 'FIELD_REQUIRED', 'recipientName'],
      // Outside the caller's scope: "not found", exactly as if missing; readable but not writable: PERMISSION_DENIED.
      [secretary, individual(c.id), 'MEMBER_NOT_FOUND', 'memberId'],
      [secretary, { kind: '表彰', recipientKind: '集体', recipientOrgCode: B2, ...base }, 'ORG_NOT_FOUND', 'recipientOrgCode'],
      [secretary, { kind: '表彰', recipientKind: '个人', recipientName: '群众', orgCode: 'C.T1', ...base }, 'ORG_NOT_FOUND', 'orgCode'],
      [viewer, individual(a.id), 'PERMISSION_DENIED', 'orgCode'],
    ];
    for (const [who, input, code, field] of cases) {
      const e = await failure(recordHonor(who, input));
      expect({ code: e.code, fields: e.issues.map((i) => i.field) }, e.message).toEqual({ code, fields: expect.arrayContaining([field]) });
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const missing = await failure(recordHonor(secretary, individual(999_999)));
    const foreign = await failure(recordHonor(secretary, individual(c.id)));
    expect(foreign.message.replace(String(c.id), '#')).toBe(missing.message.replace('999999', '#'));
    expect(await snapshotTables(ctx)).toEqual(before);
    // The secretary records for the branch's own member.
    expect((await recordHonor(secretary, individual(a.id))).orgCode).toBe(B1);
  });

  it('corrects and revokes an honor: revoked once (a second time is a conflict), kept on record, audited', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const a = await makeMember(ctx, B1);
    const c = await makeMember(ctx, B2);
    const h = await recordHonor(ctx, individual(a.id));
    const other = await recordHonor(ctx, individual(c.id));
    const named = await recordHonor(ctx, { kind: '选树', recipientKind: '家庭', recipientName: '李家', orgCode: B1, ...base, title: '最美家庭' });

    const fixed = await updateHonor(ctx, h.id, { title: '优秀党务工作者', level: '乡镇（街道）级', awardedBy: '中共测试镇委员会' });
    expect(fixed).toMatchObject({ title: '优秀党务工作者', level: '乡镇（街道）级', awardedBy: '中共测试镇委员会', recipientName: a.name });
    expect((await updateHonor(ctx, named.id, { recipientName: '李某某家庭' })).recipientName).toBe('李某某家庭');
    const renaming = await failure(updateHonor(ctx, h.id, { recipientName: '别人' }));
    expect([renaming.code, renaming.issues[0]!.field]).toEqual(['FIELD_INVALID', 'recipientName']);
    expect((await failure(updateHonor(ctx, h.id, { level: '省部级' as '省级' }))).code).toBe('VALUE_NOT_ALLOWED');
    expect((await failure(updateHonor(ctx, h.id, { awardedOn: '2027-01-01' }))).code).toBe('DATE_IN_FUTURE');

    expect((await failure(revokeHonor(ctx, h.id, { revokedOn: '2026-06-01' }))).code).toBe('DATE_ORDER_INVALID');
    expect((await failure(revokeHonor(ctx, h.id, { revokedOn: '2026-12-01' }))).code).toBe('DATE_IN_FUTURE');
    const revoked = await revokeHonor(ctx, h.id, { revokedOn: '2026-09-01', reason: '受到党纪处分' });
    expect(revoked).toMatchObject({ status: '已撤销', revokedOn: '2026-09-01', note: '撤销原因：受到党纪处分' });
    const again = await failure(revokeHonor(ctx, h.id, { revokedOn: '2026-10-01' }));
    expect([again.code, again.kind, again.message]).toEqual(['HONOR_ALREADY_REVOKED', 'conflict', expect.stringContaining('2026-09-01')]);
    const late = await failure(updateHonor(ctx, h.id, { awardedOn: '2026-10-01' }));
    expect([late.code, late.issues[0]!.field]).toEqual(['DATE_ORDER_INVALID', 'awardedOn']);
    // The revoked honor stays on record and in the member's list.
    expect((await memberHonors(ctx, a.id)).map((x) => [x.id, x.status])).toEqual([[h.id, '已撤销']]);

    // Scope: B2's honor is "not found" to B1's secretary; a viewer may read but not change.
    const secretary = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    const viewer = await asUser(ctx, await makeUser(ctx, 'b1-view', ['viewer'], B1));
    const attempts = [
      () => getHonor(secretary, other.id),
      () => updateHonor(secretary, other.id, { title: 'x' }),
      () => revokeHonor(secretary, other.id, { revokedOn: '2026-10-01' }),
    ];
    for (const p of attempts) {
      const e = await failure(p);
      expect([e.code, e.message]).toEqual(['HONOR_NOT_FOUND', `荣誉记录 ${other.id} 不存在`]);
    }
    expect((await failure(memberHonors(secretary, c.id))).code).toBe('MEMBER_NOT_FOUND');
    expect((await getHonor(viewer, named.id)).id).toBe(named.id);
    expect((await failure(revokeHonor(viewer, named.id, { revokedOn: '2026-10-01' }))).code).toBe('PERMISSION_DENIED');
    expect((await failure(updateHonor(viewer, named.id, { title: '文明家庭' }))).code).toBe('PERMISSION_DENIED');

    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'record_id', 'changes', 'note']).where('record_type', '=', 'honor').where('action', '=', 'update').orderBy('id').execute();
    expect(audit.map((r) => Number(r.record_id))).toEqual([h.id, named.id, h.id]);
    expect(JSON.parse(audit[0]!.changes!)).toEqual({
      title: ['优秀共产党员', '优秀党务工作者'],
      level: ['县级', '乡镇（街道）级'],
      awardedBy: ['中共测试县委员会', '中共测试镇委员会'],
    });
    expect(JSON.parse(audit[2]!.changes!)).toMatchObject({ revokedOn: [null, '2026-09-01'] });
    expect(audit[2]!.note).toBe('撤销原因：受到党纪处分');
  });

  it('lists honors by organization subtree, kind, recipient kind, title, level and dates, clipped to the caller', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const a = await makeMember(ctx, B1);
    const c = await makeMember(ctx, B2);
    const h1 = await recordHonor(ctx, individual(a.id, { awardedOn: '2026-03-01' }));
    const h2 = await recordHonor(ctx, individual(a.id, { title: '优秀党务工作者', level: '乡镇（街道）级', awardedOn: '2026-06-01' }));
    const h3 = await recordHonor(ctx, individual(c.id, { title: '全县优秀党务工作者', awardedOn: '2026-07-01' }));
    const h4 = await recordHonor(ctx, { kind: '推荐', recipientKind: '集体', recipientOrgCode: B1, ...base, title: '先进基层党组织', level: '省级', awardedOn: '2026-05-01' });
    const ids = async (who: Ctx, q: Parameters<typeof findHonors>[1]) => (await findHonors(who, q)).items.map((h) => h.id);

    expect(await ids(ctx, {})).toEqual([h3.id, h2.id, h4.id, h1.id]);
    expect(await ids(ctx, { org: B1 })).toEqual([h2.id, h4.id, h1.id]);
    expect(await ids(ctx, { org: 'C.T1' })).toEqual([h3.id, h2.id, h4.id, h1.id]);
    expect(await ids(ctx, { kind: '推荐' })).toEqual([h4.id]);
    expect(await ids(ctx, { recipientKind: '个人' })).toEqual([h3.id, h2.id, h1.id]);
    expect(await ids(ctx, { title: '党务' })).toEqual([h3.id, h2.id]);
    expect(await ids(ctx, { title: '%' })).toEqual([]);
    expect(await ids(ctx, { level: '县级' })).toEqual([h3.id, h1.id]);
    expect(await ids(ctx, { from: '2026-05-01', to: '2026-06-30' })).toEqual([h2.id, h4.id]);
    const page = await findHonors(ctx, { limit: 2, offset: 1 });
    expect([page.total, page.items.map((h) => h.id)]).toEqual([4, [h2.id, h4.id]]);

    const secretary = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    expect(await ids(secretary, {})).toEqual([h2.id, h4.id, h1.id]);
    expect((await failure(findHonors(secretary, { org: B2 }))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(findHonors(ctx, { kind: '奖励' as '表彰' }))).code).toBe('VALUE_NOT_ALLOWED');
  });

  it('computes the honor figures as the records stood at the period end, checked against counts made by hand', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const a = await makeMember(ctx, B1);
    const b = await makeMember(ctx, B1);
    const c = await makeMember(ctx, B2);
    const rec = (input: HonorInput) => recordHonor(ctx, input);
    const person = (memberId: number, more: Partial<HonorInput>) => rec({ ...individual(memberId), ...more });
    const h = {
      h1: await person(a.id, { awardedOn: '2026-06-28' }),
      h2: await person(a.id, { title: '优秀党务工作者', level: '乡镇（街道）级', awardedOn: '2026-06-30' }),
      h3: await rec({ kind: '表彰', recipientKind: '个人', recipientName: '群众张三', orgCode: B1, ...base, title: '优秀志愿者', awardedOn: '2026-07-01' }),
      h4: await person(c.id, { title: '全县优秀党务工作者', awardedOn: '2026-03-01' }),
      h5: await person(b.id, { awardedOn: '2026-06-28' }),
      h6: await rec({ kind: '表彰', recipientKind: '集体', recipientOrgCode: B1, ...base, title: '先进基层党组织' }),
      h7: await rec({ kind: '表彰', recipientKind: '集体', recipientOrgCode: B1, ...base, title: '五星级党支部', level: '乡镇（街道）级', awardedOn: '2026-07-01' }),
      h8: await rec({ kind: '表彰', recipientKind: '集体', recipientName: '县医院外科', orgCode: 'C.T1', ...base, title: '先进集体' }),
      h9: await person(b.id, { kind: '命名', title: '担当作为好干部', level: '市（州）级', awardedOn: '2026-05-01' }),
      h10: await person(a.id, { kind: '命名', title: '岗位能手', level: '本单位', awardedOn: '2026-05-02' }),
      h11: await person(a.id, { kind: '推荐', level: '省级', awardedOn: '2026-04-01' }),
      h12: await person(a.id, { kind: '推荐', title: '优秀党务工作者', level: '省级', awardedOn: '2026-04-02' }),
      h13: await rec({ kind: '推荐', recipientKind: '集体', recipientOrgCode: B2, ...base, title: '先进基层党组织', level: '省级', awardedOn: '2026-04-03' }),
      h14: await rec({ kind: '选树', recipientKind: '家庭', recipientName: '李四家庭', orgCode: B1, ...base, title: '最美家庭', awardedOn: '2026-08-01' }),
      h15: await person(c.id, { kind: '选树', title: '最美人物', awardedOn: '2026-08-02' }),
      h16: await person(a.id, { kind: '评选', title: '季度之星', level: '本单位', awardedOn: '2026-04-05' }),
      h17: await person(a.id, { kind: '评选', title: '季度之星', level: '本单位', awardedOn: '2026-07-05' }),
      h18: await rec({ kind: '评选', recipientKind: '集体', recipientName: '办公室', orgCode: B1, ...base, title: '优秀科室', level: '本单位', awardedOn: '2026-07-05' }),
      h19: await person(a.id, { awardedOn: '2025-06-28' }),
      h20: await rec({ kind: '表彰', recipientKind: '个人', recipientName: '老王', orgCode: B2, ...base, awardedOn: '2024-06-01' }),
    };
    await revokeHonor(ctx, h.h5.id, { revokedOn: '2026-09-01' });
    await revokeHonor(ctx, h.h20.id, { revokedOn: '2025-01-01' });

    const values = async (period: string, orgCode?: string) => {
      const set = await honorFigures(ctx, { period, ...(orgCode && { orgCode }) });
      return Object.fromEntries(set.figures.map((f) => [f.id, f.value]));
    };
    // 2026, the whole county. h5 was revoked within the year: it counts nowhere.
    expect(await values('2026')).toEqual({
      honors_members: 3, // a (h1, h2), 群众张三 (h3), c (h4)
      honors_orgs: 1, // B1 (h6, h7); the unit by name (h8) is not a party organization of the tree
      honors_party_workers: 2, // a (h2), c (h4: 全县优秀党务工作者)
      honors_received_individual: 1, // b (h9, 市（州）级); h10 is 本单位
      honor_nominations_individual: 2, // h11, h12
      honor_nominations_collective: 1, // h13
      honors_held: 4, // a, 群众张三, b (h9), c — 老王's was revoked in 2025
      model_households_selected: 1, // h14
      model_persons_selected: 1, // h15
      quarterly_stars: 2, // h16, h17: two quarters' awards
      quarterly_excellent_units: 1, // h18
    });
    // The second quarter as it stood on 2026-06-30: h5, revoked only in September, still counts.
    expect(await values('2026Q2')).toEqual({
      honors_members: 2, // a (h1, h2), b (h5)
      honors_orgs: 1, // h6
      honors_party_workers: 1, // h2
      honors_received_individual: 1, // h9
      honor_nominations_individual: 2,
      honor_nominations_collective: 1,
      honors_held: 3, // a (h19 and more), b (h5, h9), c (h4)
      model_households_selected: 0,
      model_persons_selected: 0,
      quarterly_stars: 1, // h16
      quarterly_excellent_units: 0,
    });
    // B2's subtree only.
    expect(await values('2026', B2)).toEqual({
      honors_members: 1,
      honors_orgs: 0,
      honors_party_workers: 1,
      honors_received_individual: 0,
      honor_nominations_individual: 0,
      honor_nominations_collective: 1,
      honors_held: 1,
      model_households_selected: 0,
      model_persons_selected: 1,
      quarterly_stars: 0,
      quarterly_excellent_units: 0,
    });

    const set = await honorFigures(ctx, { period: '2026', orgCode: B1 });
    expect(set.org).toEqual({ code: B1, name: '测试村1党支部' });
    expect(set.period).toMatchObject({ label: '2026', start: '2026-01-01', end: '2026-12-31' });
    const members = set.figures.find((f) => f.id === 'honors_members')!;
    expect(members).toMatchObject({ label: '受表彰个人', unit: '人', value: 2, evidence: { table: 'honors', ids: [h.h1.id, h.h2.id, h.h3.id] } });
    expect(members.computation).toMatch(/撤销/);
    expect(set.figures.find((f) => f.id === 'honors_orgs')!.evidence.ids).toEqual([h.h6.id, h.h7.id]);

    // The breakdown by kind × level × recipient kind.
    const breakdown = await honorBreakdown(ctx, { period: '2026' });
    expect(breakdown.rows.map((r) => `${r.kind} ${r.level} ${r.recipientKind} ${r.count}`)).toEqual([
      '表彰 县级 个人 3',
      '表彰 县级 集体 2',
      '表彰 乡镇（街道）级 个人 1',
      '表彰 乡镇（街道）级 集体 1',
      '命名 市（州）级 个人 1',
      '命名 本单位 个人 1',
      '推荐 省级 个人 2',
      '推荐 省级 集体 1',
      '选树 县级 个人 1',
      '选树 县级 家庭 1',
      '评选 本单位 个人 2',
      '评选 本单位 集体 1',
    ]);
    expect(breakdown.byKind).toEqual([
      { kind: '表彰', count: 7 },
      { kind: '命名', count: 2 },
      { kind: '推荐', count: 3 },
      { kind: '选树', count: 2 },
      { kind: '评选', count: 3 },
    ]);
    expect(breakdown.byLevel).toEqual([
      { level: '省级', count: 3 },
      { level: '市（州）级', count: 1 },
      { level: '县级', count: 7 },
      { level: '乡镇（街道）级', count: 2 },
      { level: '本单位', count: 4 },
    ]);
    expect([breakdown.total, breakdown.revokedInPeriod]).toEqual([17, 1]);
    expect((await honorBreakdown(ctx, { period: '2026Q2' })).revokedInPeriod).toBe(0);

    const secretary = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    expect((await values('2026')).honors_members).toBe(3);
    expect((await honorFigures(secretary, { period: '2026' })).figures.find((f) => f.id === 'honors_members')!.value).toBe(2);
    expect((await failure(honorFigures(secretary, { period: '2026', orgCode: B2 }))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(honorFigures(ctx, { period: '2026Q5' }))).code).toBe('FIELD_INVALID');
  });

  it('computes the figures and the breakdown in a fixed number of queries, however many honors there are', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const counted = async () => {
      const c = countingCtx(ctx);
      await honorFigures(c.ctx, { period: '2026', orgCode: 'C' });
      const figures = c.queries();
      c.reset();
      await honorBreakdown(c.ctx, { period: '2026', orgCode: 'C' });
      return [figures, c.queries()];
    };
    const empty = await counted();
    for (let i = 0; i < 6; i++) {
      const m = await makeMember(ctx, i % 2 ? B1 : B2);
      await recordHonor(ctx, individual(m.id));
      await recordHonor(ctx, individual(m.id, { kind: '评选', title: '季度之星', level: '本单位' }));
    }
    expect(await counted()).toEqual(empty);
    expect(empty[0]).toBeLessThanOrEqual(3);
  });
});
