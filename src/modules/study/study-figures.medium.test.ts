import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import { ENGINES, useTestDatabase, type Engine } from '../../../test/helpers/test-db.js';
import { failure } from '../../../test/helpers/errors.js';
import { countingCtx } from '../../../test/helpers/query-counter.js';
import { asUser, makeCounty, makeMember, makeOrg, makeUser } from '../../../test/factories.js';
import { recordMeeting } from '../meetings/record-meeting.js';
import { leaveMember } from '../members/leave-member.js';
import { updateMember } from '../members/update-member.js';
import { addAttendance } from './training-attendance.js';
import { createTraining } from './create-training.js';
import { recordStudy } from './record-study.js';
import { studyFigures, studyRanking } from './study-figures.js';
import type { TrainingInput } from './study.schema.js';

// Today in these tests is 2026-11-23 (TEST_TODAY).
const B1 = 'C.T1.B1';
const B2 = 'C.T1.B2';
const B3 = 'C.T2.B1';

function t(over: Partial<TrainingInput>): TrainingInput {
  return {
    orgCode: 'C.T1', title: '培训', kind: '培训班', level: '乡镇（街道）级', audience: '全体党员', startOn: '2026-03-01', endOn: '2026-03-01', hours: '8',
    concentrated: false, ...over,
  };
}

interface World {
  members: Record<'a1' | 'a2' | 'a3' | 'b1' | 'c1' | 'gone', number>;
  trainings: Record<string, number>;
}

/**
 * T1 (B1: a1 secretary, a2, a3; B2: b1) and T2 (B3: c1); a member who left before the year's end.
 */
async function build(ctx: Ctx): Promise<World> {
  await makeCounty(ctx, 2);
  await makeOrg(ctx, { code: 'C.T2', name: '中共二镇委员会', kind: '党委', parentCode: 'C' });
  await makeOrg(ctx, { code: B3, name: '二镇一村党支部', parentCode: 'C.T2', establishedOn: '2000-01-01' });
  const a1 = await makeMember(ctx, B1);
  await updateMember(ctx, a1.id, { partyPost: '书记' });
  const a2 = await makeMember(ctx, B1);
  const a3 = await makeMember(ctx, B1);
  const b1 = await makeMember(ctx, B2);
  const c1 = await makeMember(ctx, B3);
  const gone = await makeMember(ctx, B2);
  await leaveMember(ctx, gone.id, { reason: '死亡', leftOn: '2026-06-01' });

  const ids: Record<string, number> = {};
  const add = async (key: string, input: TrainingInput, attendees: number[] = [], extra: { hours?: string; completed?: boolean } = {}) => {
    ids[key] = (await createTraining(ctx, input)).id;
    if (attendees.length > 0) await addAttendance(ctx, ids[key]!, { memberIds: attendees, ...extra });
  };
  // In 2026, in T1's subtree.
  await add('winter', t({ title: '冬训', concentrated: true, hours: '24', startOn: '2026-01-10', endOn: '2026-01-12' }), [a1.id, a2.id, b1.id, gone.id]);
  await add('village', t({ title: '两委培训', audience: '村（社区）“两委”成员', hours: '16', concentrated: true, subject: '乡村振兴政策' }), [a1.id]);
  await add('villageLecture', t({ title: '书记讲座', kind: '专题讲座', audience: '村（社区）党组织书记', hours: '2', startOn: '2026-04-01', endOn: '2026-04-01' }));
  await add('cadres', t({ title: '新任干部轮训', audience: '新任干部', startOn: '2026-05-01', endOn: '2026-05-05', hours: '40', concentrated: true }), [a3.id], { completed: false, hours: '20' });
  await add('outreach', t({ title: '宣讲', kind: '理论宣讲', audience: '群众', audienceCount: 250, startOn: '2026-06-01', endOn: '2026-06-01', hours: '1' }));
  await add('outreach2', t({ orgCode: B1, title: '村宣讲', kind: '理论宣讲', audience: '全体党员', audienceCount: 99, startOn: '2026-06-02', endOn: '2026-06-02', hours: '1' }), [a2.id]);
  await add('warning', t({ title: '警示', kind: '警示教育', startOn: '2026-07-01', endOn: '2026-07-01', hours: '2' }));
  await add('onsite', t({ title: '现场', kind: '现场教学', startOn: '2026-07-02', endOn: '2026-07-02', hours: '2', subject: '红色教育' }));
  await add('series', t({ title: '大讲堂', kind: '大讲堂', startOn: '2026-07-03', endOn: '2026-07-03', hours: '2' }));
  await add('exam', t({ title: '考试', kind: '以考促学', startOn: '2026-07-04', endOn: '2026-07-04', hours: '1' }));
  await add('initial', t({ title: '初任', kind: '初任培训', audience: '公务员', startOn: '2026-08-01', endOn: '2026-08-10', hours: '60', concentrated: true }), [a2.id, b1.id], {});
  // Elsewhere or another year: counted by no 2026 figure of T1.
  await add('t2', t({ orgCode: 'C.T2', title: '二镇培训', concentrated: true, hours: '40' }), [c1.id]);
  await add('county', t({ orgCode: 'C', title: '县级班', level: '县级', concentrated: true, startOn: '2026-09-01', endOn: '2026-09-02', hours: '12' }), [a2.id]);
  await add('lastYear', t({ title: '去年', startOn: '2025-11-01', endOn: '2025-11-01', concentrated: true, hours: '30' }), [a3.id]);
  // Mark one initial-training attendee as not completed.
  await ctx.db.updateTable('training_attendance').set({ completed: 0 }).where('training_id', '=', ids.initial!).where('membership_id', '=', b1.id).execute();

  await recordStudy(ctx, { memberId: a1.id, studiedOn: '2026-02-01', kind: '集中学习', title: '集中学习', hours: '4' }); // 8 points
  await recordStudy(ctx, { memberId: a1.id, studiedOn: '2026-02-02', kind: '自学', title: '自学', hours: '2' }); // 4 points
  await recordStudy(ctx, { memberId: a2.id, studiedOn: '2026-02-01', kind: '网络培训', title: '网络', hours: '1.5' }); // 3 points
  await recordStudy(ctx, { memberId: b1.id, studiedOn: '2026-10-01', kind: '读书', title: '读书', hours: '5' }); // 8 points (10 capped)
  await recordStudy(ctx, { memberId: c1.id, studiedOn: '2026-03-01', kind: '自学', title: '自学', hours: '3' }); // 6 points

  for (const [org, topic, attended] of [['C.T1', '学习党的二十届三中全会精神', 9], ['C.T1', '专题研讨：乡村振兴', 8], ['C.T2', '研讨', 7], [B1, '学习', 5]] as const) {
    await recordMeeting(ctx, { orgCode: org, kind: '理论学习中心组学习', heldOn: '2026-04-15', topic, expectedCount: 10, attendedCount: attended });
  }
  await recordMeeting(ctx, { orgCode: 'C.T1', kind: '理论学习中心组学习', heldOn: '2025-12-15', topic: '去年研讨', expectedCount: 10, attendedCount: 10 });
  await recordMeeting(ctx, { orgCode: 'C.T1', kind: '支部党员大会', heldOn: '2026-04-16', topic: '研讨', expectedCount: 10, attendedCount: 10 });
  return { members: { a1: a1.id, a2: a2.id, a3: a3.id, b1: b1.id, c1: c1.id, gone: gone.id }, trainings: ids };
}

describe.each(ENGINES)('study figures on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  it('computes every figure of T1 in 2026 as counted by hand, with its evidence', async () => {
    const ctx = db.ctx;
    const w = await build(ctx);
    const set = await studyFigures(ctx, { orgCode: 'C.T1', period: '2026' });
    expect(set.org).toEqual({ code: 'C.T1', name: '中共测试镇委员会' });
    expect(set.period).toMatchObject({ label: '2026', start: '2026-01-01', end: '2026-12-31' });
    const v = Object.fromEntries(set.figures.map((f) => [f.id, f.value]));
    const T = w.trainings;
    // T1's subtree in 2026: winter, village, villageLecture, cadres, outreach, outreach2, warning, onsite, series, exam, initial.
    expect(v).toEqual({
      trainings_held: 11,
      // winter 4 + village 1 + cadres 1 + outreach 250 (no roster) + outreach2 1 (roster wins over 99) + initial 2.
      training_participant_times: 4 + 1 + 1 + 250 + 1 + 2,
      village_cadre_training_sessions: 2,
      village_cadre_training_classes: 1,
      cadre_training_classes: 1,
      cadre_training_participant_times: 1,
      theory_outreach_sessions: 2,
      theory_outreach_audience: 251,
      warning_education_sessions: 1,
      onsite_lectures: 1,
      lecture_series_sessions: 1,
      study_exams_held: 1,
      initial_training_completed: 1,
      rural_revitalization_trainings: 1,
      central_group_study_sessions: 3,
      central_group_study_attendance: 9 + 8 + 5,
      central_group_seminars: 1,
      // On the roll on 2026-12-31 in T1: a1, a2, a3, b1 (gone left). All four attended a training in 2026.
      training_coverage_rate: 100,
      // Concentrated minutes in 2026: a1 24+16+4(集中学习) = 44; a2 24+60+12(county)+1.5(网络) = 97.5; a3 20 (cadres, partial);
      // b1 24+60 = 84 (initial not completed still counts its hours). Sum 245.5 / 4 = 61.4 (one decimal).
      training_hours_per_member: 61.4,
      // Points: a1 8+4, a2 3, a3 0, b1 8 → 23 / 4 = 5.75 → 5.8.
      study_points_per_member: 5.8,
      // a1 (书记): 44 < 56 → below; a2 97.5 ok; a3 20 < 32 → below; b1 84 ok.
      members_below_training_hours: 2,
    });
    const byId = new Map(set.figures.map((f) => [f.id, f]));
    expect(byId.get('trainings_held')!.evidence).toEqual({ table: 'trainings', ids: Object.entries(T).filter(([k]) => !['t2', 'county', 'lastYear'].includes(k)).map(([, id]) => id).sort((a, b) => a - b) });
    expect(byId.get('theory_outreach_audience')!.computation).toContain('万人');
    expect(byId.get('central_group_seminars')!.computation).toContain('研讨');
    expect(byId.get('central_group_study_sessions')!.evidence.table).toBe('meetings');
    expect(byId.get('members_below_training_hours')!.evidence).toEqual({ table: 'memberships', ids: [w.members.a1, w.members.a3] });
    expect(byId.get('members_below_training_hours')!.computation).toContain('尚未结束');
    expect(byId.get('theory_outreach_audience')!.unit).toBe('人');
    for (const f of set.figures) expect(f.label.length, f.id).toBeGreaterThan(0);
  });

  it('counts a quarter and a single branch, says the shortfall is year-to-date, and reads in a fixed few queries', async () => {
    const ctx = db.ctx;
    const w = await build(ctx);
    const q3 = Object.fromEntries((await studyFigures(ctx, { orgCode: 'C.T1', period: '2026Q3' })).figures.map((f) => [f.id, f]));
    expect(q3.trainings_held!.value).toBe(5); // warning, onsite, series, exam, initial
    // Attended in Q3: a2 (initial, county), b1 (initial). 2 of 4.
    expect(q3.training_coverage_rate!.value).toBe(50);
    expect(q3.members_below_training_hours!.computation).toContain('2026年1月1日至2026-09-30');
    expect(q3.members_below_training_hours!.value).toBe(2);
    const b1 = Object.fromEntries((await studyFigures(ctx, { orgCode: B1, period: '2026' })).figures.map((f) => [f.id, f.value]));
    expect(b1).toMatchObject({ trainings_held: 1, theory_outreach_audience: 1, central_group_study_sessions: 1, study_points_per_member: 5, members_below_training_hours: 2 });
    const last = Object.fromEntries((await studyFigures(ctx, { orgCode: 'C.T1', period: '2025' })).figures.map((f) => [f.id, f]));
    expect(last.trainings_held!.value).toBe(1);
    expect(last.central_group_seminars!.value).toBe(1);
    // A full year over: judged on the whole year.
    expect(last.members_below_training_hours!.computation).toContain('按全年学时判断');
    // A year with no training: 0 of the members on the roll; a branch with nobody on its roll: no denominator.
    const quiet = Object.fromEntries((await studyFigures(ctx, { orgCode: 'C.T1', period: '2020' })).figures.map((f) => [f.id, f.value]));
    expect(quiet).toMatchObject({ trainings_held: 0, training_coverage_rate: 0, training_hours_per_member: 0 });
    await makeOrg(ctx, { code: 'C.T1.B8', name: '空支部', parentCode: 'C.T1', establishedOn: '2000-01-01' });
    const empty = Object.fromEntries((await studyFigures(ctx, { orgCode: 'C.T1.B8', period: '2026' })).figures.map((f) => [f.id, f.value]));
    expect(empty).toMatchObject({ training_coverage_rate: null, training_hours_per_member: null, study_points_per_member: null, members_below_training_hours: 0 });

    const counter = countingCtx(ctx);
    await studyFigures(counter.ctx, { orgCode: 'C', period: '2026' });
    expect(counter.queries()).toBeLessThanOrEqual(5);
    counter.reset();
    await studyRanking(counter.ctx, { orgCode: 'C', period: '2026', level: 'branches' });
    expect(counter.queries()).toBeLessThanOrEqual(4);
    void w;
  });

  it('is clipped to the caller and refuses a bad period', async () => {
    const ctx = db.ctx;
    await build(ctx);
    const secretary = await asUser(ctx, await makeUser(ctx, 'sec-b1', ['secretary'], B1));
    expect((await failure(studyFigures(secretary, { orgCode: 'C.T1', period: '2026' }))).code).toBe('ORG_NOT_FOUND');
    const own = Object.fromEntries((await studyFigures(secretary, { period: '2026' })).figures.map((f) => [f.id, f.value]));
    expect(own.trainings_held).toBe(1);
    const bad = await failure(studyFigures(ctx, { orgCode: 'C', period: '2026Q5' }));
    expect(bad.issues[0]).toMatchObject({ code: 'FIELD_INVALID', field: 'period' });
    expect((await failure(studyRanking(secretary, { orgCode: 'C', period: '2026' }))).code).toBe('ORG_NOT_FOUND');
  });

  it('ranks organizations by points per member, ties sharing a rank', async () => {
    const ctx = db.ctx;
    const w = await build(ctx);
    // Children of C: T1 (23 points / 4 members = 5.8), T2 (6 / 1 = 6.0).
    const top = await studyRanking(ctx, { orgCode: 'C', period: '2026' });
    expect(top.items.map((i) => [i.rank, i.orgCode, i.members, i.points, i.pointsPerMember])).toEqual([
      [1, 'C.T2', 1, 6, 6],
      [2, 'C.T1', 4, 23, 5.8],
    ]);
    // Branches: B1 12+3+0 = 15 / 3 = 5.0, B2 8 / 1 = 8.0, B3 6 / 1 = 6.0; a tie after one more record in B1.
    await recordStudy(ctx, { memberId: w.members.a3, studiedOn: '2026-03-01', kind: '自学', title: '补', hours: '1.5' });
    const branches = await studyRanking(ctx, { orgCode: 'C', period: '2026', level: 'branches' });
    expect(branches.items.map((i) => [i.rank, i.orgCode, i.pointsPerMember])).toEqual([
      [1, B2, 8],
      [2, B1, 6],
      [2, B3, 6],
    ]);
    // An organization with nobody on its roll has no rank.
    await makeOrg(ctx, { code: 'C.T1.B9', name: '空支部', parentCode: 'C.T1', establishedOn: '2000-01-01' });
    const t1 = await studyRanking(ctx, { orgCode: 'C.T1', period: '2026' });
    expect(t1.items.map((i) => [i.rank, i.orgCode])).toEqual([[1, B2], [2, B1], [null, 'C.T1.B9']]);
    // By default, the top of what the caller sees.
    expect((await studyRanking(ctx, { period: '2026' })).org?.code).toBe('C');
  });
});
