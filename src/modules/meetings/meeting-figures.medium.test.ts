import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase, type Engine } from '../../../test/helpers/test-db.js';
import { failure } from '../../../test/helpers/errors.js';
import { asUser, makeCounty, makeOrg, makeUser } from '../../../test/factories.js';
import type { Ctx } from '../../context.js';
import type { Figure } from '../../shared/figures.js';
import { meetingFigures } from './meeting-figures.js';
import { recordMeeting } from './record-meeting.js';

/** What a meeting is, as the test knows it: the subjects are stated here, by hand, not read from the topic. */
interface Made {
  id: number;
  org: string;
  kind: string;
  heldOn: string;
  attended: number;
  subjects: ('partyBuilding' | 'ideology' | 'joint' | 'talent' | 'majorDecision')[];
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

describe.each(ENGINES)('meeting figures on %s', (engine: Engine) => {
  const db = useTestDatabase(engine);

  async function scenario(ctx: Ctx): Promise<Made[]> {
    await makeCounty(ctx, 2);
    await makeOrg(ctx, { code: 'C.T2', name: '中共测试乡委员会', kind: '党委', parentCode: 'C' });
    await makeOrg(ctx, { code: 'C.T2.B1', name: '测试乡某村党支部', parentCode: 'C.T2', establishedOn: '2000-01-01' });
    const made: Made[] = [];
    const meet = async (org: string, kind: string, heldOn: string, topic: string, attended: number, subjects: Made['subjects'] = []) => {
      const m = await recordMeeting(ctx, { orgCode: org, kind: kind as never, heldOn, topic, expectedCount: attended + 1, attendedCount: attended });
      made.push({ id: m.id, org, kind, heldOn, attended, subjects });
    };
    // The branches of the township C.T1, in 2026H1 and around it.
    await meet('C.T1.B1', '支委会', '2026-01-05', '研究本月主题党日安排', 3);
    await meet('C.T1.B1', '支委会', '2026-04-08', '研究意识形态工作', 3); // a branch's: not a 党委会
    await meet('C.T1.B2', '支委会', '2026-06-30', '研究发展党员工作', 3);
    await meet('C.T1.B2', '支委会', '2025-12-31', '研究年度总结', 3); // before the period
    await meet('C.T1.B1', '支委会', '2026-07-01', '研究下半年工作', 3); // after it
    await meet('C.T1.B1', '支部党员大会', '2026-03-10', '讨论支部年度重点工作', 12);
    await meet('C.T1.B1', '党课', '2026-03-10', '书记讲党课', 12);
    await meet('C.T1.B2', '党课', '2026-05-20', '专题党课', 9);
    await meet('C.T1.B1', '主题党日', '2026-01-09', '开展志愿服务活动', 11);
    await meet('C.T1.B2', '主题党日', '2026-02-06', '参观红色教育基地', 8);
    await meet('C.T1.B2', '主题党日', '2026-08-07', '重温入党誓词', 8); // after the period
    await meet('C.T1.B1', '其他', '2026-04-18', '党员植树活动', 14);
    await meet('C.T1.B1', '党小组会', '2026-02-11', '组织党员学习交流', 5); // no figure of its own
    await meet('C.T1.B1', '支部党员大会', '2026-05-12', '研究“三重一大”事项：村集体资产处置', 10, ['majorDecision']);
    // The township committee's own meetings.
    await meet('C.T1', '党委会', '2026-01-15', '党委会议：研究部署基层党建重点任务', 8, ['partyBuilding']);
    await meet('C.T1', '党委会', '2026-02-20', '党委会议：研究落实全面从严治党主体责任和意识形态工作', 9, ['partyBuilding', 'ideology']);
    await meet('C.T1', '党委会', '2026-03-18', '党委会议：专题研究意识形态工作', 9, ['ideology']);
    await meet('C.T1', '党委会', '2026-04-15', '党委会议：研究人才工作', 7, ['talent']);
    await meet('C.T1', '党委会', '2026-05-14', '党委会议：研究“三重一大”事项：年度预算安排', 9, ['majorDecision']);
    await meet('C.T1', '党委会', '2026-06-10', '党建工作领导小组会议：研究党员队伍建设', 6, ['partyBuilding']);
    await meet('C.T1', '党委会', '2026-06-18', '党委会议：研究经济社会发展重点工作', 9);
    await meet('C.T1', '党委会', '2026-07-16', '党委会议：研究基层党建工作', 9, ['partyBuilding']); // after the period
    await meet('C.T1', '民主生活会', '2026-01-28', '2025年度领导班子民主生活会', 9);
    // The county: a joint meeting (kind 其他, not an activity), a standing committee meeting.
    await meet('C', '其他', '2026-03-25', '第一季度意识形态工作联席会议暨舆情会商会', 20, ['joint']);
    await meet('C', '党委会', '2026-06-25', '县委常委会会议：舆情会商会，研判网络舆情', 12, ['joint']);
    await meet('C', '党委会', '2026-02-12', '县委常委会会议：研究党的建设工作要点', 12, ['partyBuilding']);
    await meet('C', '理论学习中心组学习', '2026-02-12', '专题学习意识形态工作责任制', 12); // the study ledger's
    // Another township (outside C.T1's subtree).
    await meet('C.T2', '党委会', '2026-03-03', '党委会议：研究基层党建工作', 8, ['partyBuilding']);
    await meet('C.T2.B1', '支委会', '2026-03-04', '研究党费收缴', 3);
    await meet('C.T2.B1', '主题党日', '2026-03-06', '人居环境整治', 15);
    return made;
  }

  /** The figures the test expects, counted from what it made. */
  function expected(made: Made[], under: string, from: string, to: string) {
    const inScope = made.filter((m) => (m.org === under || m.org.startsWith(`${under}.`)) && m.heldOn >= from && m.heldOn <= to);
    const of = (pick: (m: Made) => boolean) => inScope.filter(pick);
    const committee = (s: Made['subjects'][number]) => of((m) => m.kind === '党委会' && m.subjects.includes(s));
    const activities = of((m) => (m.kind === '主题党日' || m.kind === '其他') && !m.subjects.includes('joint'));
    return {
      branch_committee_meetings: of((m) => m.kind === '支委会'),
      general_member_meetings: of((m) => m.kind === '支部党员大会'),
      party_lectures: of((m) => m.kind === '党课'),
      theme_party_days: of((m) => m.kind === '主题党日'),
      democratic_life_meetings: of((m) => m.kind === '民主生活会'),
      committee_party_building_meetings: committee('partyBuilding'),
      ideology_special_meetings: committee('ideology').filter((m) => !m.subjects.includes('joint')),
      ideology_joint_meetings: of((m) => m.subjects.includes('joint')),
      talent_work_meetings: committee('talent'),
      major_decision_meetings_supervised: of((m) => m.subjects.includes('majorDecision')),
      activity_participant_times: activities,
      participants: activities.reduce((n, m) => n + m.attended, 0),
    };
  }

  function check(figures: Figure[], want: ReturnType<typeof expected>) {
    const byId = new Map(figures.map((f) => [f.id, f]));
    for (const [id, list] of Object.entries(want)) {
      if (id === 'participants') continue;
      const f = byId.get(id);
      expect(f, id).toBeDefined();
      const ids = (list as Made[]).map((m) => m.id);
      expect({ id, table: f!.evidence.table, ids: sorted(f!.evidence.ids) }).toEqual({ id, table: 'meetings', ids: sorted(ids) });
      if (id !== 'activity_participant_times') expect({ id, value: f!.value }).toEqual({ id, value: ids.length });
    }
    expect(byId.get('activity_participant_times')!.value).toBe(want.participants);
    expect(figures.every((f) => f.label !== '' && f.computation !== '')).toBe(true);
  }

  it('counts the meetings of a subtree and a period by kind and by topic, with the meetings behind each', async () => {
    const ctx = db.ctx;
    const made = await scenario(ctx);

    const town = await meetingFigures(ctx, { orgCode: 'C.T1', period: '2026H1' });
    expect(town.org).toEqual({ code: 'C.T1', name: '中共测试镇委员会' });
    expect(town.period).toMatchObject({ start: '2026-01-01', end: '2026-06-30' });
    const wantTown = expected(made, 'C.T1', '2026-01-01', '2026-06-30');
    check(town.figures, wantTown);
    // The scenario is not empty where it matters.
    expect(wantTown.committee_party_building_meetings.length).toBe(3);
    expect(wantTown.ideology_special_meetings.length).toBe(2);
    expect(wantTown.participants).toBe(11 + 8 + 14);

    const county = await meetingFigures(ctx, { orgCode: 'C', period: '2026H1' });
    const wantCounty = expected(made, 'C', '2026-01-01', '2026-06-30');
    check(county.figures, wantCounty);
    expect(wantCounty.ideology_joint_meetings.length).toBe(2);

    const year = await meetingFigures(ctx, { period: '2026' });
    expect(year.org).toBeNull();
    check(year.figures, expected(made, 'C', '2026-01-01', '2026-12-31'));

    const branch = await meetingFigures(ctx, { orgCode: 'C.T1.B1', period: '2026-03-01~2026-05-31' });
    check(branch.figures, expected(made, 'C.T1.B1', '2026-03-01', '2026-05-31'));
    // Ids do not collide with the study ledger's (理论学习中心组学习 is counted there).
    expect(county.figures.map((f) => f.id)).not.toContain('central_group_study_sessions');
  });

  it('answers "not found" for an organization outside the caller’s scope, and limits the caller to it', async () => {
    const ctx = db.ctx;
    const made = await scenario(ctx);
    const secretary = await asUser(ctx, await makeUser(ctx, 't2-sec', ['secretary'], 'C.T2'));
    expect((await failure(meetingFigures(secretary, { orgCode: 'C.T1', period: '2026' }))).code).toBe('ORG_NOT_FOUND');
    expect((await failure(meetingFigures(secretary, { orgCode: 'C.T1.B1', period: '2026' }))).code).toBe('ORG_NOT_FOUND');
    const own = await meetingFigures(secretary, { period: '2026' });
    check(own.figures, expected(made, 'C.T2', '2026-01-01', '2026-12-31'));
    expect((await failure(meetingFigures(ctx, { orgCode: 'C', period: '2026Q5' }))).issues[0]).toMatchObject({ field: 'period' });
  });

  it('takes 党委会 from a 党委, 党工委 or 党组, and refuses it from a branch', async () => {
    const ctx = db.ctx;
    await makeCounty(ctx, 1);
    await makeOrg(ctx, { code: 'C.W', name: '中共测试县直属机关工作委员会', kind: '党工委', sector: '机关', parentCode: 'C' });
    await makeOrg(ctx, { code: 'C.G', name: '中共测试县某局党组', kind: '党组', sector: '机关', parentCode: 'C' });
    await makeOrg(ctx, { code: 'C.T1.Z', name: '测试镇机关党总支', kind: '党总支', sector: '机关', parentCode: 'C.T1' });
    const input = { kind: '党委会' as const, heldOn: '2026-03-02', topic: '研究基层党建工作', expectedCount: 7, attendedCount: 7 };
    for (const org of ['C', 'C.T1', 'C.W', 'C.G']) expect((await recordMeeting(ctx, { ...input, orgCode: org })).kind).toBe('党委会');
    for (const org of ['C.T1.B1', 'C.T1.Z']) {
      const err = await failure(recordMeeting(ctx, { ...input, orgCode: org }));
      expect(err.issues[0]).toMatchObject({ code: 'ORG_KIND_NOT_ALLOWED', field: 'kind' });
      expect(err.issues[0]!.message).toContain('支委会');
    }
    const stored = await ctx.db.selectFrom('meetings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(4);
  });
});
