import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import { ENGINES, TEST_TODAY, useTestDatabase } from '../../../test/helpers/test-db.js';
import { failure } from '../../../test/helpers/errors.js';
import { snapshotTables } from '../../../test/helpers/db-snapshot.js';
import { asUser, makeCounty, makeUser } from '../../../test/factories.js';
import { findMeetings, getMeeting } from './find-meetings.js';
import { recordMeeting } from './record-meeting.js';
import { updateMeeting } from './update-meeting.js';
import { formatAbsentees, parseAbsentees, type MeetingPatch } from './meetings.schema.js';

// Today in these tests is 2026-11-23 (TEST_TODAY).
const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';

async function meetingAudit(ctx: Ctx) {
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select(['action', 'record_id', 'org_id', 'changes'])
    .where('record_type', '=', 'meeting')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ action: r.action, recordId: Number(r.record_id), orgId: r.org_id, changes: r.changes === null ? null : (JSON.parse(r.changes) as unknown) }));
}

describe.each(ENGINES)('meetings on %s', (engine) => {
  const t = useTestDatabase(engine);

  it('records a meeting with its absentees and finds it by subtree, kind and dates', async () => {
    await makeCounty(t.ctx, 2);
    const m = await recordMeeting(t.ctx, {
      orgCode: 'C.T1.B1', kind: '支部党员大会', heldOn: '2026-03-28', topic: '学习贯彻全国两会精神', host: '王书记',
      expectedCount: 30, attendedCount: 27, absentees: parseAbsentees('张三（病假）；李四：外出务工；王五'),
    });
    expect(m.absentees).toEqual([{ name: '张三', reason: '病假' }, { name: '李四', reason: '外出务工' }, { name: '王五', reason: null }]);
    expect(formatAbsentees(m.absentees)).toBe('张三（病假）；李四（外出务工）；王五');
    await recordMeeting(t.ctx, { orgCode: 'C.T1.B2', kind: '主题党日', heldOn: '2026-04-03', topic: '植树', expectedCount: 10, attendedCount: 10 });
    expect((await findMeetings(t.ctx, { org: 'C' })).total).toBe(2);
    expect((await findMeetings(t.ctx, { org: 'C.T1.B1' })).total).toBe(1);
    expect((await findMeetings(t.ctx, { org: 'C', kind: '主题党日' })).items[0]!.topic).toBe('植树');
    expect((await findMeetings(t.ctx, { org: 'C', from: '2026-04-01', to: '2026-04-30' })).total).toBe(1);
    expect((await getMeeting(t.ctx, m.id)).host).toBe('王书记');
  });

  it('rejects inconsistent attendance, a future date and a date before the branch existed', async () => {
    await makeCounty(t.ctx, 1);
    const base = { orgCode: 'C.T1.B1', kind: '支委会' as const, heldOn: '2026-03-01', topic: '研究发展党员', expectedCount: 5, attendedCount: 4 };
    await expect(recordMeeting(t.ctx, { ...base, attendedCount: 6 })).rejects.toMatchObject({ code: 'ATTENDANCE_INVALID' });
    await expect(recordMeeting(t.ctx, { ...base, absentees: [{ name: 'a' }, { name: 'b' }] })).rejects.toMatchObject({ code: 'ATTENDANCE_INVALID' });
    await expect(recordMeeting(t.ctx, { ...base, heldOn: '2027-01-01' })).rejects.toMatchObject({ code: 'DATE_IN_FUTURE' });
    await expect(recordMeeting(t.ctx, { ...base, heldOn: '1999-01-01' })).rejects.toMatchObject({ code: 'DATE_ORDER_INVALID' });
    await expect(recordMeeting(t.ctx, { ...base, orgCode: 'X' })).rejects.toMatchObject({ code: 'ORG_NOT_FOUND' });
    expect((await findMeetings(t.ctx, { org: 'C' })).total).toBe(0);
  });

  it('corrects a meeting: the fields given, the absentee list replaced as a whole, each correction audited', async () => {
    const { branches } = await makeCounty(t.ctx, 2);
    const m = await recordMeeting(t.ctx, {
      orgCode: B1, kind: '支部党员大会', heldOn: '2026-03-28', topic: '学习贯彻全国两会精神', host: '王书记',
      expectedCount: 30, attendedCount: 27, absentees: parseAbsentees('张三（病假）；李四：外出务工'),
    });
    const later: Ctx = { ...t.ctx, clock: { today: () => TEST_TODAY, nowIso: () => `${TEST_TODAY}T15:30:00.000Z` } };

    const fixed = await updateMeeting(later, m.id, { kind: '党课', heldOn: '2026-03-27', topic: '学习贯彻党的二十届四中全会精神', host: null, minutes: '议定：开展专题学习' });
    expect(fixed).toEqual({
      ...m, kind: '党课', heldOn: '2026-03-27', topic: '学习贯彻党的二十届四中全会精神', host: null, minutes: '议定：开展专题学习',
    });
    expect(fixed.absentees).toEqual([{ name: '张三', reason: '病假' }, { name: '李四', reason: '外出务工' }]);
    expect(await getMeeting(t.ctx, m.id)).toEqual(fixed);

    const replaced = await updateMeeting(later, m.id, { attendedCount: 28, absentees: [{ name: '王五', reason: '出差' }] });
    expect([replaced.expectedCount, replaced.attendedCount, replaced.absentees]).toEqual([30, 28, [{ name: '王五', reason: '出差' }]]);
    const absences = () => t.ctx.db.selectFrom('meeting_absences').select(['meeting_id', 'org_id', 'name', 'reason']).orderBy('id').execute();
    expect(await absences()).toEqual([{ meeting_id: m.id, org_id: branches[0]!.id, name: '王五', reason: '出差' }]);
    expect((await updateMeeting(t.ctx, m.id, { absentees: [] })).absentees).toEqual([]);
    expect(await absences()).toEqual([]);

    const audit = await meetingAudit(t.ctx);
    expect(audit.map((a) => [a.action, a.recordId, a.orgId])).toEqual([
      ['create', m.id, branches[0]!.id],
      ['update', m.id, branches[0]!.id],
      ['update', m.id, branches[0]!.id],
      ['update', m.id, branches[0]!.id],
    ]);
    // The caller's actions are not part of the record: neither created nor changed in the log.
    expect(audit[0]!.changes).not.toHaveProperty('actions');
    expect(audit[1]!.changes).toEqual({
      kind: ['支部党员大会', '党课'],
      heldOn: ['2026-03-28', '2026-03-27'],
      topic: ['学习贯彻全国两会精神', '学习贯彻党的二十届四中全会精神'],
      host: ['王书记', null],
      minutes: [null, '议定：开展专题学习'],
    });
    expect(audit[2]!.changes).toEqual({
      attendedCount: [27, 28],
      absentees: [[{ name: '张三', reason: '病假' }, { name: '李四', reason: '外出务工' }], [{ name: '王五', reason: '出差' }]],
    });
    expect(audit[3]!.changes).toEqual({ absentees: [[{ name: '王五', reason: '出差' }], []] });
  });

  it('sets updated_at on a correction', async () => {
    await makeCounty(t.ctx, 1);
    const m = await recordMeeting(t.ctx, { orgCode: B1, kind: '党课', heldOn: '2026-03-01', topic: '党课', expectedCount: 5, attendedCount: 5 });
    const later: Ctx = { ...t.ctx, clock: { today: () => TEST_TODAY, nowIso: () => `${TEST_TODAY}T15:30:00.000Z` } };
    await updateMeeting(later, m.id, { topic: '专题党课' });
    const row = await t.ctx.db.selectFrom('meetings').select(['created_at', 'updated_at']).where('id', '=', m.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ created_at: `${TEST_TODAY}T12:00:00.000Z`, updated_at: `${TEST_TODAY}T15:30:00.000Z` });
  });

  it('refuses a correction that leaves the record invalid, under the field, changing nothing', async () => {
    await makeCounty(t.ctx, 1);
    const m = await recordMeeting(t.ctx, {
      orgCode: B1, kind: '支委会', heldOn: '2026-03-01', topic: '研究发展党员', expectedCount: 5, attendedCount: 4, absentees: [{ name: '甲', reason: '病假' }],
    });
    const before = await snapshotTables(t.ctx);
    const auditBefore = await meetingAudit(t.ctx);
    const cases: [MeetingPatch, string, string][] = [
      // Each judged with the recorded values it leaves: 应到 5, 实到 4, one absentee, a 党支部 founded 2000-01-01.
      [{ attendedCount: 6 }, 'ATTENDANCE_INVALID', 'attendedCount'],
      [{ expectedCount: 3 }, 'ATTENDANCE_INVALID', 'attendedCount'],
      [{ absentees: [{ name: '甲' }, { name: '乙' }] }, 'ATTENDANCE_INVALID', 'absentees'],
      [{ attendedCount: 5 }, 'ATTENDANCE_INVALID', 'absentees'],
      [{ heldOn: '2026-11-24' }, 'DATE_IN_FUTURE', 'heldOn'],
      [{ heldOn: '1999-12-31' }, 'DATE_ORDER_INVALID', 'heldOn'],
      [{ kind: '党委会' }, 'ORG_KIND_NOT_ALLOWED', 'kind'],
      [{ heldOn: '2026-02-30' }, 'FIELD_INVALID', 'heldOn'],
      [{ topic: '  ' }, 'FIELD_INVALID', 'topic'],
      [{ expectedCount: -1 }, 'FIELD_INVALID', 'expectedCount'],
      [{ kind: '茶话会' as '党课' }, 'VALUE_NOT_ALLOWED', 'kind'],
    ];
    for (const [patch, code, field] of cases) {
      const e = await failure(updateMeeting(t.ctx, m.id, patch));
      expect({ patch, code: e.code, field: e.issues[0]?.field }).toEqual({ patch, code, field });
    }
    expect(await snapshotTables(t.ctx)).toEqual(before);
    expect(await meetingAudit(t.ctx)).toEqual(auditBefore);
    // Corrected together, the same figures are consistent and accepted.
    expect(await updateMeeting(t.ctx, m.id, { expectedCount: 6, attendedCount: 4, absentees: [{ name: '甲' }, { name: '乙' }] })).toMatchObject({
      expectedCount: 6, attendedCount: 4, absentees: [{ name: '甲', reason: null }, { name: '乙', reason: null }],
    });
  });

  it('corrects only within the caller’s scope: outside it "not found", readable but not writable PERMISSION_DENIED', async () => {
    await makeCounty(t.ctx, 2);
    const base = { kind: '支委会' as const, heldOn: '2026-03-01', topic: '研究发展党员', expectedCount: 5, attendedCount: 5 };
    const own = await recordMeeting(t.ctx, { ...base, orgCode: B1 });
    const other = await recordMeeting(t.ctx, { ...base, orgCode: B2 });
    const secretary = await asUser(t.ctx, await makeUser(t.ctx, 'b1-sec', ['secretary'], B1));
    const viewer = await asUser(t.ctx, await makeUser(t.ctx, 'b1-view', ['viewer'], B1));
    // The town's secretary reads the branches under the town but writes the town's own records only.
    const townSecretary = await asUser(t.ctx, await makeUser(t.ctx, 't1-sec', ['secretary'], 'C.T1'));
    const townAdmin = await asUser(t.ctx, await makeUser(t.ctx, 't1-admin', ['org_admin'], 'C.T1'));
    const before = await snapshotTables(t.ctx);
    const auditBefore = await meetingAudit(t.ctx);

    for (const id of [other.id, 999_999]) {
      const e = await failure(updateMeeting(secretary, id, { topic: '改' }));
      expect([e.code, e.message, e.issues]).toEqual(['MEETING_NOT_FOUND', `会议记录 ${id} 不存在`, [{ code: 'MEETING_NOT_FOUND', field: 'id', message: `会议记录 ${id} 不存在` }]]);
    }
    for (const who of [viewer, townSecretary]) {
      expect((await failure(updateMeeting(who, own.id, { topic: '改' }))).code).toBe('PERMISSION_DENIED');
    }
    // Scope is answered before the body: an invalid correction outside the scope is still "not found".
    expect((await failure(updateMeeting(secretary, other.id, { attendedCount: 9 }))).code).toBe('MEETING_NOT_FOUND');
    expect(await snapshotTables(t.ctx)).toEqual(before);
    expect(await meetingAudit(t.ctx)).toEqual(auditBefore);

    expect((await updateMeeting(secretary, own.id, { topic: '支部书记更正' })).topic).toBe('支部书记更正');
    expect((await updateMeeting(townAdmin, other.id, { topic: '镇党委更正' })).topic).toBe('镇党委更正');
  });

  it('says on each meeting whether the caller may correct it', async () => {
    await makeCounty(t.ctx, 2);
    const base = { heldOn: '2026-03-01', topic: '学习', expectedCount: 5, attendedCount: 5 };
    const b1 = await recordMeeting(t.ctx, { ...base, kind: '支委会', orgCode: B1 });
    const b2 = await recordMeeting(t.ctx, { ...base, kind: '支委会', orgCode: B2 });
    const town = await recordMeeting(t.ctx, { ...base, kind: '党委会', orgCode: 'C.T1' });
    const secretary = await asUser(t.ctx, await makeUser(t.ctx, 'b1-sec', ['secretary'], B1));
    const viewer = await asUser(t.ctx, await makeUser(t.ctx, 'b1-view', ['viewer'], B1));
    const townSecretary = await asUser(t.ctx, await makeUser(t.ctx, 't1-sec', ['secretary'], 'C.T1'));
    const actionsOf = async (who: Ctx, org: string) => Object.fromEntries((await findMeetings(who, { org })).items.map((m) => [m.id, m.actions]));

    expect((await getMeeting(secretary, b1.id)).actions).toEqual(['update']);
    expect(await actionsOf(secretary, B1)).toEqual({ [b1.id]: ['update'] });
    expect((await getMeeting(viewer, b1.id)).actions).toEqual([]);
    expect(await actionsOf(viewer, B1)).toEqual({ [b1.id]: [] });
    expect(await actionsOf(townSecretary, 'C.T1')).toEqual({ [b1.id]: [], [b2.id]: [], [town.id]: ['update'] });
    expect(await actionsOf(t.ctx, 'C')).toEqual({ [b1.id]: ['update'], [b2.id]: ['update'], [town.id]: ['update'] });
    // What the recording caller gets back says so too.
    expect((await recordMeeting(secretary, { ...base, kind: '党课', orgCode: B1 })).actions).toEqual(['update']);
  });
});
