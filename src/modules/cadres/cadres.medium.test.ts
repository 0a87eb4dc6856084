import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import { ENGINES, useTestDatabase, type Engine } from '../../../test/helpers/test-db.js';
import { failure } from '../../../test/helpers/errors.js';
import { snapshotTables } from '../../../test/helpers/db-snapshot.js';
import { countingCtx } from '../../../test/helpers/query-counter.js';
import { asUser, makeCounty, makeMember, makeUser } from '../../../test/factories.js';
import { cadreFigures } from './cadre-figures.js';
import { deleteCadreEvent } from './delete-cadre-event.js';
import { findCadreEvents } from './find-cadre-events.js';
import { recordCadreEvent } from './record-cadre-event.js';
import type { CadreEventInput } from './cadres.schema.js';

// Today in these tests is 2026-11-23 (TEST_TODAY).
const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';

describe.each(ENGINES)('cadre events on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  it('records, lists and deletes cadre events on members and persons by name, refusing bad ones, clipped to the caller', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const a = await makeMember(ctx, B1, { name: '甲干部' });
    const c = await makeMember(ctx, B2);
    const e1 = await recordCadreEvent(ctx, { memberId: a.id, kind: '提拔', subkind: '中层干部', happenedOn: '2026-03-01', frontline: true, batch: '2026年第1次常委会', birthYear: 1988, education: '大学本科' });
    expect(e1).toEqual({
      id: e1.id, orgCode: B1, orgName: '测试村1党支部', memberId: a.id, personName: '甲干部', kind: '提拔', subkind: '中层干部', happenedOn: '2026-03-01',
      frontline: true, batch: '2026年第1次常委会', birthYear: 1988, education: '大学本科', note: null,
    });
    expect(JSON.stringify(e1)).not.toContain(a.idNumber);
    const e2 = await recordCadreEvent(ctx, { personName: '李某', orgCode: 'C', kind: '招录', subkind: '选调生', happenedOn: '2026-08-01' });
    expect(e2).toMatchObject({ memberId: null, personName: '李某', orgCode: 'C', frontline: false });
    const e3 = await recordCadreEvent(ctx, { memberId: c.id, kind: '诫勉', happenedOn: '2026-05-01' });

    const secretary = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    const viewer = await asUser(ctx, await makeUser(ctx, 'b1-view', ['viewer'], B1));
    const before = await snapshotTables(ctx);
    const base: CadreEventInput = { memberId: a.id, kind: '调整', happenedOn: '2026-06-01' };
    const cases: [Ctx, CadreEventInput, string, string][] = [
      [ctx, { ...base, kind: '任命' as '调整' }, 'VALUE_NOT_ALLOWED', 'kind'],
      [ctx, { ...base, happenedOn: '2026-11-24' }, 'DATE_IN_FUTURE', 'happenedOn'],
      [ctx, { ...base, happenedOn: '2026-13-01' }, 'FIELD_INVALID', 'happenedOn'],
      [ctx, { ...base, birthYear: 1800 }, 'FIELD_INVALID', 'birthYear'],
      [ctx, { ...base, birthYear: 2027, happenedOn: '2026-01-01' }, 'DATE_ORDER_INVALID', 'birthYear'],
      [ctx, { ...base, personName: '别人' }, 'FIELD_INVALID', 'personName'],
      [ctx, { ...base, orgCode: B2 }, 'FIELD_INVALID', 'orgCode'],
      [ctx, { kind: '调整', happenedOn: '2026-06-01' }, 'FIELD_REQUIRED', 'memberId'],
      [ctx, { personName: '王某', kind: '调整', happenedOn: '2026-06-01' }, 'FIELD_REQUIRED', 'orgCode'],
      [ctx, { ...base, memberId: 999_999 }, 'MEMBER_NOT_FOUND', 'memberId'],
      [secretary, { ...base, memberId: c.id }, 'MEMBER_NOT_FOUND', 'memberId'],
      [secretary, { personName: '王某', orgCode: B2, kind: '调整', happenedOn: '2026-06-01' }, 'ORG_NOT_FOUND', 'orgCode'],
      [viewer, base, 'PERMISSION_DENIED', 'orgCode'],
    ];
    for (const [who, input, code, field] of cases) {
      const e = await failure(recordCadreEvent(who, input));
      expect({ code: e.code, fields: e.issues.map((i) => i.field) }, e.message).toEqual({ code, fields: expect.arrayContaining([field]) });
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await failure(deleteCadreEvent(secretary, e3.id))).code).toBe('CADRE_EVENT_NOT_FOUND');
    expect((await failure(deleteCadreEvent(viewer, e1.id))).code).toBe('PERMISSION_DENIED');
    expect(await snapshotTables(ctx)).toEqual(before);

    const ids = async (who: Ctx, q: Parameters<typeof findCadreEvents>[1]) => (await findCadreEvents(who, q)).items.map((e) => e.id);
    expect(await ids(ctx, {})).toEqual([e2.id, e3.id, e1.id]);
    expect(await ids(ctx, { org: 'C.T1' })).toEqual([e3.id, e1.id]);
    expect(await ids(ctx, { kind: '招录', subkind: '选调生' })).toEqual([e2.id]);
    expect(await ids(ctx, { batch: '2026年第1次常委会', from: '2026-01-01', to: '2026-03-31' })).toEqual([e1.id]);
    expect(await ids(secretary, {})).toEqual([e1.id]);
    expect((await failure(findCadreEvents(secretary, { org: B2 }))).code).toBe('ORG_NOT_FOUND');

    const deleted = await deleteCadreEvent(secretary, e1.id);
    expect(deleted.id).toBe(e1.id);
    expect(await ids(ctx, {})).toEqual([e2.id, e3.id]);
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'changes']).where('record_type', '=', 'cadre_event').orderBy('id').execute();
    expect(audit.map((r) => r.action)).toEqual(['create', 'create', 'create', 'delete']);
    expect(JSON.parse(audit[3]!.changes!)).toMatchObject({ kind: ['提拔', null], personName: ['甲干部', null] });
  });

  it('computes the cadre figures against counts made by hand, in a fixed number of queries', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const a = await makeMember(ctx, B1);
    const b = await makeMember(ctx, B2);
    const rec = (more: Partial<CadreEventInput> & Pick<CadreEventInput, 'kind'>) =>
      recordCadreEvent(ctx, { personName: '张某', orgCode: 'C', happenedOn: '2026-04-01', ...more } as CadreEventInput);
    const counted = async () => {
      const c = countingCtx(ctx);
      await cadreFigures(c.ctx, { period: '2026', orgCode: 'C' });
      return c.queries();
    };
    const empty = await counted();
    await recordCadreEvent(ctx, { memberId: a.id, kind: '提拔', happenedOn: '2026-03-01', frontline: true, batch: '第1次' });
    await recordCadreEvent(ctx, { memberId: b.id, kind: '提拔', subkind: '中层干部', happenedOn: '2026-03-01', batch: '第1次' });
    await rec({ kind: '调整', batch: '第2次' });
    await rec({ kind: '职级晋升', subkind: '事业单位职员' });
    await rec({ kind: '调整', happenedOn: '2025-12-31', batch: '第0次' });
    await rec({ kind: '招录', subkind: '公务员', personName: '甲' });
    await rec({ kind: '招录', subkind: '选调生', personName: '乙' });
    await rec({ kind: '招录', subkind: '事业单位', personName: '丙' });
    await rec({ kind: '招录', subkind: '教师', personName: '丁' });
    await rec({ kind: '招录', subkind: '医务人员', personName: '戊' });
    await rec({ kind: '招录', subkind: '公开调任', personName: '己' });
    await rec({ kind: '引进人才', subkind: '硕士研究生' });
    await rec({ kind: '引进人才', subkind: '教育人才' });
    await rec({ kind: '引进人才', subkind: '医疗人才' });
    await rec({ kind: '后备干部', subkind: '村级后备干部', personName: '庚' });
    await rec({ kind: '后备干部', subkind: '县管干部推荐', personName: '辛' });
    await rec({ kind: '年轻干部入库' });
    await recordCadreEvent(ctx, { memberId: a.id, kind: '提醒谈话', happenedOn: '2026-05-01' });
    await recordCadreEvent(ctx, { memberId: a.id, kind: '提醒谈话', happenedOn: '2026-06-01' });
    await recordCadreEvent(ctx, { memberId: a.id, kind: '诫勉', happenedOn: '2026-06-01' });
    await recordCadreEvent(ctx, { memberId: b.id, kind: '责令检查', happenedOn: '2026-06-01' });
    await rec({ kind: '选派', subkind: '专家人才', personName: '壬', batch: '千名专家第1批' });
    await rec({ kind: '选派', subkind: '专家人才', personName: '癸', batch: '千名专家第1批' });
    await rec({ kind: '选派', subkind: '专家人才', personName: '子', batch: '千名专家第2批' });
    await rec({ kind: '选派', subkind: '医疗专家帮扶', personName: '丑' });
    await rec({ kind: '考核评优', subkind: '季度之星' });
    const set = await cadreFigures(ctx, { period: '2026' });
    expect(Object.fromEntries(set.figures.map((f) => [f.id, f.value]))).toEqual({
      cadres_adjusted: 4, // two 提拔, one 调整, one 职级晋升 (the 2025 one is outside)
      cadre_adjustment_batches: 2, // 第1次, 第2次
      cadres_promoted_from_frontline: 1,
      cadre_promotions_grassroots_share: 50,
      civil_servants_recruited: 2,
      public_institution_staff_recruited: 1,
      teachers_medical_recruited: 2,
      transferred_staff_selected: 1,
      talents_introduced_masters: 1,
      talents_introduced_education: 1,
      talents_introduced_medical: 1,
      reserve_cadres: 1,
      cadres_recommended: 1,
      young_cadre_pool_members: 1,
      mid_level_cadres_selected: 1,
      staff_grade_promotions: 1,
      cadre_reminder_talks: 2, // 人次
      admonishments: 1,
      cadres_ordered_self_review: 1,
      experts_dispatched: 3,
      experts_dispatched_batches: 2,
      medical_experts_assigned: 1,
    });
    const b1 = await cadreFigures(ctx, { period: '2026', orgCode: B1 });
    expect(b1.figures.find((f) => f.id === 'cadres_adjusted')!.value).toBe(1);
    expect(b1.figures.find((f) => f.id === 'cadre_promotions_grassroots_share')!.value).toBe(100);
    expect((await cadreFigures(ctx, { period: '2025' })).figures.find((f) => f.id === 'cadres_adjusted')).toMatchObject({ value: 1, evidence: { table: 'cadre_events' } });
    const secretary = await asUser(ctx, await makeUser(ctx, 'b1-sec', ['secretary'], B1));
    expect((await cadreFigures(secretary, { period: '2026' })).figures.find((f) => f.id === 'cadre_reminder_talks')!.value).toBe(2);
    expect((await failure(cadreFigures(secretary, { period: '2026', orgCode: B2 }))).code).toBe('ORG_NOT_FOUND');
    expect(await counted()).toBe(empty);
    expect(empty).toBeLessThanOrEqual(2);
  });
});
