import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase, type Engine } from '../../../test/helpers/test-db.js';
import { failure } from '../../../test/helpers/errors.js';
import { snapshotTables } from '../../../test/helpers/db-snapshot.js';
import { asUser, makeCounty, makeMember, makeOrg, makeUser } from '../../../test/factories.js';
import { updateMember } from '../members/update-member.js';
import { addAttendance, removeAttendance } from './training-attendance.js';
import { createTraining } from './create-training.js';
import { deleteStudyRecord } from './delete-study.js';
import { getTraining, listTrainings } from './find-trainings.js';
import { memberStudy } from './member-study.js';
import { recordStudy } from './record-study.js';
import { listStudyRecords } from './study-records.js';
import { updateTraining } from './update-training.js';
import { hoursOf, parseHours } from './study-points.js';
import type { TrainingInput } from './study.schema.js';

// Today in these tests is 2026-11-23 (TEST_TODAY).
const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';

const training = (over: Partial<TrainingInput> = {}): TrainingInput => ({
  orgCode: 'C.T1',
  title: '2026年党员冬训',
  kind: '培训班',
  level: '乡镇（街道）级',
  audience: '全体党员',
  startOn: '2026-03-01',
  endOn: '2026-03-03',
  hours: '24',
  concentrated: true,
  ...over,
});

describe('hours', () => {
  it('reads hours with at most one decimal as minutes and shows them with one decimal', () => {
    expect(parseHours('1.5')).toBe(90);
    expect(parseHours(2)).toBe(120);
    expect(parseHours('0.1')).toBe(6);
    expect(parseHours('1.25')).toBeNull();
    expect(parseHours('-1')).toBeNull();
    expect(parseHours('abc')).toBeNull();
    expect(hoursOf(1920)).toBe('32.0');
    expect(hoursOf(90)).toBe('1.5');
  });
});

describe.each(ENGINES)('study records on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  it('credits one point per full half hour, at most 8 a member a day, and says how many were capped', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 1);
    const m = await makeMember(ctx, B1);
    const first = await recordStudy(ctx, { memberId: m.id, studiedOn: '2026-05-10', kind: '网络培训', title: '党章学习', hours: '1.5', source: '党员教育网络学院' });
    expect(first).toMatchObject({ minutes: 90, hours: '1.5', pointsEarned: 3, points: 3, pointsCapped: 0, pointsToday: 3, dailyCap: 8, orgCode: B1 });
    const second = await recordStudy(ctx, { memberId: m.id, studiedOn: '2026-05-10', kind: '自学', title: '读原著', hours: 3 });
    expect(second).toMatchObject({ minutes: 180, pointsEarned: 6, points: 5, pointsCapped: 1, pointsToday: 8 });
    const third = await recordStudy(ctx, { memberId: m.id, studiedOn: '2026-05-10', kind: '读书', title: '晚间阅读', hours: '0.5' });
    expect(third).toMatchObject({ pointsEarned: 1, points: 0, pointsCapped: 1, pointsToday: 8 });
    // Another day starts afresh; 20 minutes earn nothing (a point per *full* half hour).
    expect(await recordStudy(ctx, { memberId: m.id, studiedOn: '2026-05-11', kind: '自学', title: '短学习', hours: '0.3' })).toMatchObject({ minutes: 18, points: 0 });
    expect(await recordStudy(ctx, { memberId: m.id, studiedOn: '2026-05-11', kind: '自学', title: '十小时', hours: '10' })).toMatchObject({ pointsEarned: 20, points: 8, pointsCapped: 12 });

    const list = await listStudyRecords(ctx, { memberId: m.id });
    expect(list.total).toBe(5);
    expect(list.items[0]!.studiedOn).toBe('2026-05-11');
    expect((await listStudyRecords(ctx, { org: 'C', kind: '自学', from: '2026-05-10', to: '2026-05-10' })).items.map((r) => r.title)).toEqual(['读原著']);
    expect((await listStudyRecords(ctx, { org: B1, limit: 2, offset: 1 })).items).toHaveLength(2);

    const removed = await deleteStudyRecord(ctx, third.id);
    expect(removed.title).toBe('晚间阅读');
    expect((await failure(deleteStudyRecord(ctx, third.id))).code).toBe('STUDY_RECORD_NOT_FOUND');
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'record_type']).where('record_type', '=', 'study_record').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'create', 'create', 'create', 'create', 'delete']);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 1);
    const m = await makeMember(ctx, B1);
    const before = await snapshotTables(ctx);
    const base = { memberId: m.id, studiedOn: '2026-05-10', kind: '自学', title: '学习', hours: '1' } as const;
    const wrongKind = await failure(recordStudy(ctx, { ...base, kind: '刷视频' as never }));
    expect(wrongKind.issues[0]).toMatchObject({ code: 'VALUE_NOT_ALLOWED', field: 'kind' });
    expect(wrongKind.message).toContain('类别');
    for (const hours of ['-1', '1.25', '0', '25', 'abc']) {
      const err = await failure(recordStudy(ctx, { ...base, hours }));
      expect(err.issues[0], hours).toMatchObject({ code: 'FIELD_INVALID', field: 'hours' });
      expect(err.message).toContain('学时');
    }
    expect((await failure(recordStudy(ctx, { ...base, studiedOn: '2026-02-30' }))).issues[0]).toMatchObject({ field: 'studiedOn' });
    expect((await failure(recordStudy(ctx, { ...base, memberId: 999_999 }))).code).toBe('MEMBER_NOT_FOUND');
    expect((await failure(recordStudy(ctx, { ...base, title: ' ' }))).issues[0]).toMatchObject({ field: 'title' });
    expect(await snapshotTables(ctx)).toEqual(before);
  });

  it('clips records to the caller: a member outside the scope is not found, a viewer may read but not record', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const own = await makeMember(ctx, B1);
    const other = await makeMember(ctx, B2);
    const rec = await recordStudy(ctx, { memberId: other.id, studiedOn: '2026-05-10', kind: '自学', title: '他支部学习', hours: '1' });
    await recordStudy(ctx, { memberId: own.id, studiedOn: '2026-05-10', kind: '自学', title: '本支部学习', hours: '1' });
    const secretary = await asUser(ctx, await makeUser(ctx, 'sec-b1', ['secretary'], B1));
    const viewer = await asUser(ctx, await makeUser(ctx, 'view-b1', ['viewer'], B1));
    expect((await failure(recordStudy(secretary, { memberId: other.id, studiedOn: '2026-05-10', kind: '自学', title: '越权', hours: '1' }))).code).toBe('MEMBER_NOT_FOUND');
    expect((await failure(listStudyRecords(secretary, { memberId: other.id }))).code).toBe('MEMBER_NOT_FOUND');
    expect((await failure(listStudyRecords(secretary, { org: B2 }))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(deleteStudyRecord(secretary, rec.id))).code).toBe('STUDY_RECORD_NOT_FOUND');
    expect((await listStudyRecords(secretary)).items.map((r) => r.title)).toEqual(['本支部学习']);
    expect((await failure(memberStudy(secretary, other.id, { year: 2026 }))).code).toBe('MEMBER_NOT_FOUND');
    expect((await listStudyRecords(viewer)).total).toBe(1);
    expect((await failure(recordStudy(viewer, { memberId: own.id, studiedOn: '2026-05-11', kind: '自学', title: '查看者', hours: '1' }))).code).toBe('PERMISSION_DENIED');
  });
});

describe.each(ENGINES)('trainings on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  it('records a training, lists and updates it, and records attendance with the training’s hours by default', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    const a = await makeMember(ctx, B1);
    const b = await makeMember(ctx, B2);
    const t = await createTraining(ctx, training({ subject: '乡村振兴', audienceCount: null }));
    expect(t).toMatchObject({ orgCode: 'C.T1', minutes: 1440, hours: '24.0', concentrated: true, subject: '乡村振兴', attendees: 0 });
    const detail = await addAttendance(ctx, t.id, { memberIds: [a.id, b.id] });
    expect(detail.attendees).toBe(2);
    expect(detail.attendance.map((x) => [x.memberId, x.orgCode, x.minutes, x.completed])).toEqual([
      [a.id, B1, 1440, true],
      [b.id, B2, 1440, true],
    ]);
    // The row is kept under the member's own organization.
    const rows = await ctx.db.selectFrom('training_attendance').select(['membership_id', 'org_id']).orderBy('membership_id').execute();
    expect(rows.map((r) => r.org_id)).toEqual([await orgId(ctx, B1), await orgId(ctx, B2)]);

    const dup = await failure(addAttendance(ctx, t.id, { memberIds: [a.id] }));
    expect(dup.code).toBe('TRAINING_ATTENDANCE_DUPLICATE');
    expect(dup.message).toContain('已登记');
    const removed = await removeAttendance(ctx, t.id, { memberIds: [b.id] });
    expect(removed.attendees).toBe(1);
    expect((await failure(removeAttendance(ctx, t.id, { memberIds: [b.id] }))).code).toBe('TRAINING_ATTENDANCE_NOT_FOUND');
    const partial = await addAttendance(ctx, t.id, { memberIds: [b.id], hours: '8', completed: false });
    expect(partial.attendance.find((x) => x.memberId === b.id)).toMatchObject({ minutes: 480, completed: false });

    const updated = await updateTraining(ctx, t.id, { title: '2026年党员春训', hours: '16', subject: null });
    expect(updated).toMatchObject({ title: '2026年党员春训', minutes: 960, subject: null, attendees: 2 });
    // Attendance keeps the minutes it was recorded with.
    expect((await getTraining(ctx, t.id)).attendance.find((x) => x.memberId === a.id)!.minutes).toBe(1440);

    await createTraining(ctx, training({ orgCode: B1, title: '支部党课', kind: '专题讲座', audience: '全体党员', startOn: '2026-07-01', endOn: '2026-07-01', hours: '2', concentrated: false }));
    await createTraining(ctx, training({ orgCode: 'C', title: '县委宣讲', kind: '理论宣讲', level: '县级', audience: '群众', startOn: '2025-12-01', endOn: '2025-12-01', hours: '1', audienceCount: 300 }));
    expect((await listTrainings(ctx, { org: 'C.T1' })).items.map((x) => x.title)).toEqual(['支部党课', '2026年党员春训']);
    expect((await listTrainings(ctx, { period: '2025' })).items.map((x) => x.title)).toEqual(['县委宣讲']);
    expect((await listTrainings(ctx, { kind: '专题讲座', concentrated: false })).total).toBe(1);
    expect((await listTrainings(ctx, { audience: '群众' })).items[0]).toMatchObject({ audienceCount: 300, attendees: 0 });
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'record_type']).where('record_type', 'like', 'training%').orderBy('id').execute();
    expect(audit.map((x) => `${x.action} ${x.record_type}`).slice(0, 6)).toEqual([
      'create training', 'create training_attendance', 'delete training_attendance', 'create training_attendance', 'update training', 'create training',
    ]);
  });

  it('refuses bad trainings and attendance, naming the field, and writes nothing', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 1);
    const m = await makeMember(ctx, B1);
    const t = await createTraining(ctx, training());
    const before = await snapshotTables(ctx);
    const order = await failure(createTraining(ctx, training({ startOn: '2026-03-05', endOn: '2026-03-01' })));
    expect(order.issues[0]).toMatchObject({ code: 'DATE_ORDER_INVALID', field: 'endOn' });
    expect(order.message).toContain('结束日期');
    expect((await failure(createTraining(ctx, training({ kind: '刷课' as never })))).issues[0]).toMatchObject({ field: 'kind' });
    expect((await failure(createTraining(ctx, training({ audience: '所有人' as never })))).issues[0]).toMatchObject({ field: 'audience' });
    expect((await failure(createTraining(ctx, training({ hours: '-2' })))).issues[0]).toMatchObject({ field: 'hours' });
    expect((await failure(createTraining(ctx, training({ hours: '2.55' })))).issues[0]).toMatchObject({ field: 'hours' });
    expect((await failure(createTraining(ctx, training({ orgCode: 'NOPE' })))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(updateTraining(ctx, t.id, { endOn: '2026-02-01' })))).toMatchObject({ code: 'DATE_ORDER_INVALID' });
    expect((await failure(updateTraining(ctx, 999_999, { title: '无' }))).code).toBe('TRAINING_NOT_FOUND');
    expect((await failure(addAttendance(ctx, t.id, { memberIds: [m.id, 999_999] }))).code).toBe('MEMBER_NOT_FOUND');
    expect((await failure(addAttendance(ctx, t.id, { memberIds: [] }))).issues[0]).toMatchObject({ field: 'memberIds' });
    const late = await makeMember(ctx, B1, { joinedOn: '2026-06-01', confirmedOn: null, status: '预备党员' });
    const after = await snapshotTables(ctx);
    expect((await failure(addAttendance(ctx, t.id, { memberIds: [late.id] }))).issues[0]).toMatchObject({ code: 'FIELD_INVALID', field: 'memberIds' });
    expect(await snapshotTables(ctx)).toEqual(after);
    expect(Object.keys(after)).toEqual(Object.keys(before));
  });

  it('lets a township secretary record its villages’ members at its own class, and hides what is outside the scope', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 2);
    await makeOrg(ctx, { code: 'C.T2', name: '中共另一镇委员会', kind: '党委', parentCode: 'C' });
    await makeOrg(ctx, { code: 'C.T2.B1', name: '另一村党支部', parentCode: 'C.T2', establishedOn: '2000-01-01' });
    const village = await makeMember(ctx, B1);
    const far = await makeMember(ctx, 'C.T2.B1');
    const townSecretary = await asUser(ctx, await makeUser(ctx, 'sec-t1', ['secretary'], 'C.T1'));
    const branchSecretary = await asUser(ctx, await makeUser(ctx, 'sec-b1', ['secretary'], B1));
    const viewer = await asUser(ctx, await makeUser(ctx, 'view-t1', ['viewer'], 'C.T1'));
    // A secretary changes only the own organization's records: the township's class, not a branch's.
    const t = await createTraining(townSecretary, training());
    expect((await failure(createTraining(townSecretary, training({ orgCode: B1 })))).code).toBe('PERMISSION_DENIED');
    expect((await addAttendance(townSecretary, t.id, { memberIds: [village.id] })).attendees).toBe(1);
    expect((await failure(addAttendance(townSecretary, t.id, { memberIds: [far.id] }))).code).toBe('MEMBER_NOT_FOUND');
    // The county's class: outside a branch secretary's scope (not found), readable but not writable for a viewer.
    const county = await createTraining(ctx, training({ orgCode: 'C', level: '县级' }));
    await addAttendance(ctx, county.id, { memberIds: [village.id, far.id] });
    expect((await failure(getTraining(branchSecretary, county.id))).code).toBe('TRAINING_NOT_FOUND');
    expect((await failure(addAttendance(branchSecretary, t.id, { memberIds: [village.id] }))).code).toBe('TRAINING_NOT_FOUND');
    expect((await failure(updateTraining(viewer, t.id, { title: '改' }))).code).toBe('PERMISSION_DENIED');
    expect((await listTrainings(branchSecretary)).total).toBe(0);
    // The branch secretary still sees the member's training in the member's yearly summary.
    const summary = await memberStudy(branchSecretary, village.id, { year: 2026 });
    expect(summary.trainings.map((x) => x.trainingId).sort()).toEqual([t.id, county.id].sort());
    expect((await listTrainings(viewer)).items.map((x) => x.id)).toEqual([t.id]);
  });
});

describe.each(ENGINES)('a member’s yearly study on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  it('adds concentrated training and concentrated kinds of study against 32 or 56 hours', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 1);
    const m = await makeMember(ctx, B1);
    const t = await createTraining(ctx, training({ hours: '20' }));
    const open = await createTraining(ctx, training({ title: '非集中', concentrated: false, hours: '5', startOn: '2026-04-01', endOn: '2026-04-01' }));
    const lastYear = await createTraining(ctx, training({ title: '去年', startOn: '2025-03-01', endOn: '2025-03-02', hours: '16' }));
    await addAttendance(ctx, t.id, { memberIds: [m.id] });
    await addAttendance(ctx, open.id, { memberIds: [m.id] });
    await addAttendance(ctx, lastYear.id, { memberIds: [m.id] });
    await recordStudy(ctx, { memberId: m.id, studiedOn: '2026-06-01', kind: '集中学习', title: '支部集中学习', hours: '4' });
    await recordStudy(ctx, { memberId: m.id, studiedOn: '2026-06-02', kind: '网络培训', title: '网络学院', hours: '3.5' });
    await recordStudy(ctx, { memberId: m.id, studiedOn: '2026-06-03', kind: '自学', title: '自学', hours: '6' });

    const s = await memberStudy(ctx, m.id, { year: 2026 });
    expect(s).toMatchObject({
      year: 2026, partyPost: null, requiredHours: '32.0', requiredTrainings: 0, concentratedMinutes: (20 + 4 + 3.5) * 60, concentratedHours: '27.5',
      concentratedTrainings: 1, totalHours: '38.5', points: 8 + 7 + 8, shortfallHours: '4.5', met: false,
    });
    expect(s.trainings.map((x) => x.title)).toEqual(['2026年党员冬训', '非集中']);
    expect((await memberStudy(ctx, m.id, { year: 2025 })).concentratedHours).toBe('16.0');

    // A secretary needs 56 hours and a completed concentrated training.
    await updateMember(ctx, m.id, { partyPost: '书记' });
    const sec = await memberStudy(ctx, m.id, { year: 2026 });
    expect(sec).toMatchObject({ partyPost: '书记', requiredHours: '56.0', requiredTrainings: 1, shortfallHours: '28.5', met: false });
    await recordStudy(ctx, { memberId: m.id, studiedOn: '2026-07-01', kind: '专题讲座', title: '专题', hours: '24' });
    await recordStudy(ctx, { memberId: m.id, studiedOn: '2026-07-02', kind: '集中学习', title: '补学', hours: '4.5' });
    expect(await memberStudy(ctx, m.id, { year: 2026 })).toMatchObject({ concentratedHours: '56.0', shortfallMinutes: 0, met: true });
    // This year by default.
    expect((await memberStudy(ctx, m.id)).year).toBe(2026);
  });
});

async function orgId(ctx: import('../../context.js').Ctx, code: string): Promise<number> {
  return (await ctx.db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}
