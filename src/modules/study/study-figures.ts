/**
 * The study and training figures of an organization's subtree for a reporting period, under the indicator catalog's
 * ids (../shared/indicators/seed-indicator-ids.jsonl), and the ranking of organizations by study points per member.
 * Read in a fixed handful of grouped queries whatever the size of the subtree: the trainings organized in it, the
 * 理论学习中心组 meetings held in it, the members on its roll, and each member's minutes and points.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { percent, type Figure, type FigureSet } from '../../shared/figures.js';
import { parsePeriod, type Period } from '../../shared/period.js';
import { BRANCH_KINDS, isOneOf, type OrgKind } from '../../shared/vocab.js';
import { parseInput } from '../../shared/validation.js';
import { accessOf } from '../access/actor.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { CONCENTRATED_STUDY_KINDS, requirementOf } from './study-points.js';
import { STUDY_LABELS, studyFiguresQuery, studyRankingQuery, type RankingView } from './study.schema.js';

/** Audiences of the village two-committee trainings (village_cadre_training_*). */
export const VILLAGE_CADRE_AUDIENCES = ['村（社区）“两委”成员', '村（社区）党组织书记'] as const;
export const CENTRAL_GROUP_MEETING_KIND = '理论学习中心组学习';

interface Scope {
  root: string | null;
  org: { code: string; name: string } | null;
}

async function scopeOf(ctx: Ctx, orgCode: string | undefined): Promise<Scope> {
  if (orgCode !== undefined) {
    const org = await getOrgRow(ctx, orgCode, 'org');
    return { root: org.path, org: { code: org.code, name: org.name } };
  }
  return { root: accessOf(ctx.actor).readRoot, org: null };
}

function inSubtree(column: string, root: string | null) {
  if (root === null) return sql<boolean>`1 = 1`;
  return sql<boolean>`${sql.ref(column)} >= ${root} and ${sql.ref(column)} < ${subtreeUpperBound(root)}`;
}

interface MemberFacts {
  id: number;
  path: string;
  post: string | null;
  /** Trainings attended that started in the period. */
  attended: number;
  /** Concentrated minutes in the period: 集中培训 attended and study of CONCENTRATED_STUDY_KINDS. */
  concentratedPeriod: number;
  /** The same from the first day of the period's year to the day judged (the period's end, or today). */
  concentratedYear: number;
  /** 集中培训 completed in the year to the day judged. */
  trainingsYear: number;
  points: number;
}

/** Members on the roll at the period's end in the subtree (by their organization now), with their minutes and points. */
async function memberFacts(ctx: Ctx, root: string | null, period: Period, asOf: string): Promise<MemberFacts[]> {
  const yearStart = `${period.start.slice(0, 4)}-01-01`;
  const kinds = sql.join([...CONCENTRATED_STUDY_KINDS]);
  const rows = await sql<{
    id: number;
    path: string;
    post: string | null;
    attended: number | string | null;
    conc_period: number | string | null;
    conc_year: number | string | null;
    trainings_year: number | string | null;
    points: number | string | null;
  }>`
    select ms.id, o.path, ms.party_post as post,
      sum(case when x.src = 1 and x.d >= ${period.start} then 1 else 0 end) as attended,
      sum(case when x.conc = 1 and x.d >= ${period.start} then x.minutes else 0 end) as conc_period,
      sum(case when x.conc = 1 and x.d <= ${asOf} then x.minutes else 0 end) as conc_year,
      sum(case when x.src = 1 and x.conc = 1 and x.completed = 1 and x.d <= ${asOf} then 1 else 0 end) as trainings_year,
      sum(case when x.d >= ${period.start} then x.points else 0 end) as points
    from memberships ms
    join organizations o on o.id = ms.org_id
    left join (
      select a.membership_id, 1 as src, t.start_on as d, a.minutes, t.concentrated as conc, a.completed, 0 as points
      from training_attendance a join trainings t on t.id = a.training_id
      where t.start_on >= ${yearStart} and t.start_on <= ${period.end}
      union all
      select s.membership_id, 2 as src, s.studied_on as d, s.minutes, case when s.kind in (${kinds}) then 1 else 0 end as conc, 0 as completed, s.points
      from study_records s
      where s.studied_on >= ${yearStart} and s.studied_on <= ${period.end}
    ) x on x.membership_id = ms.id
    where ${inSubtree('o.path', root)}
      and ms.joined_on <= ${period.end} and (ms.left_on is null or ms.left_on > ${period.end})
    group by ms.id, o.path, ms.party_post
    order by ms.id
  `.execute(ctx.db);
  return rows.rows.map((r) => ({
    id: Number(r.id),
    path: r.path,
    post: r.post,
    attended: Number(r.attended ?? 0),
    concentratedPeriod: Number(r.conc_period ?? 0),
    concentratedYear: Number(r.conc_year ?? 0),
    trainingsYear: Number(r.trainings_year ?? 0),
    points: Number(r.points ?? 0),
  }));
}

function oneDecimal(n: number): number {
  return Math.round(n * 10) / 10;
}

function figure(id: string, label: string, unit: string, value: number | null, computation: string, table: string, ids: number[]): Figure {
  return { id, label, unit, value, computation, evidence: { table, ids } };
}

/**
 * Every figure of the study and training ledger for a subtree (default: everything the caller sees) and a period.
 * Trainings count by their organizer and their start date; meetings by the organization that held them and the day;
 * per-member figures by the members on the roll on the period's last day (in the organization they are in now), with
 * all of their records of the period wherever they were kept.
 */
export async function studyFigures(ctx: Ctx, raw: { orgCode?: string | undefined; period: string }): Promise<FigureSet> {
  const q = parseInput(studyFiguresQuery, { org: raw.orgCode, period: raw.period }, STUDY_LABELS);
  const period = parsePeriod(q.period);
  const { root, org } = await scopeOf(ctx, q.org);
  const today = ctx.clock.today();
  const asOf = period.end < today ? period.end : today;

  const trainings = await ctx.db
    .selectFrom('trainings as t')
    .innerJoin('organizations as o', 'o.id', 't.org_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('training_attendance as a')
          .select(['a.training_id', (e) => e.fn.countAll<number>().as('rows'), sql<number>`sum(case when a.completed = 1 then 1 else 0 end)`.as('done')])
          .groupBy('a.training_id')
          .as('c'),
      (j) => j.onRef('c.training_id', '=', 't.id'),
    )
    .select(['t.id', 't.kind', 't.audience', 't.subject', 't.audience_count', 'c.rows', 'c.done'])
    .where(inSubtree('o.path', root))
    .where('t.start_on', '>=', period.start)
    .where('t.start_on', '<=', period.end)
    .orderBy('t.id')
    .execute();
  const meetings = await ctx.db
    .selectFrom('meetings as mt')
    .innerJoin('organizations as o', 'o.id', 'mt.org_id')
    .select(['mt.id', 'mt.topic', 'mt.attended_count'])
    .where(inSubtree('o.path', root))
    .where('mt.kind', '=', CENTRAL_GROUP_MEETING_KIND)
    .where('mt.held_on', '>=', period.start)
    .where('mt.held_on', '<=', period.end)
    .orderBy('mt.id')
    .execute();
  const members = await memberFacts(ctx, root, period, asOf);

  type T = (typeof trainings)[number];
  /** Person-times of a training: its roster, or the head count where no roster was kept. */
  const participants = (t: T) => (Number(t.rows ?? 0) > 0 ? Number(t.rows) : Number(t.audience_count ?? 0));
  const count = (id: string, label: string, unit: string, list: T[], computation: string) =>
    figure(id, label, unit, list.length, computation, 'trainings', list.map((t) => t.id));
  const people = (id: string, label: string, unit: string, list: T[], computation: string) =>
    figure(id, label, unit, list.reduce((n, t) => n + participants(t), 0), computation, 'trainings', list.map((t) => t.id));
  const held = '组织（含下级）主办、开始日期在统计期内的';
  const personTimes = '人次按参训登记的党员人数计；未登记参训名单的，按登记的参加人数计';

  const village = trainings.filter((t) => isOneOf(VILLAGE_CADRE_AUDIENCES, t.audience));
  const newCadres = trainings.filter((t) => t.audience === '新任干部');
  const ofKind = (kind: string) => trainings.filter((t) => t.kind === kind);
  const outreach = ofKind('理论宣讲');
  const initial = ofKind('初任培训');
  const rural = trainings.filter((t) => (t.subject ?? '').includes('乡村振兴'));
  const seminars = meetings.filter((m) => m.topic.includes('研讨'));

  const memberCount = members.length;
  const attended = members.filter((m) => m.attended > 0);
  const concentratedMinutes = members.reduce((n, m) => n + m.concentratedPeriod, 0);
  const points = members.reduce((n, m) => n + m.points, 0);
  const below = members.filter((m) => {
    const r = requirementOf(m.post);
    return m.concentratedYear < r.minutes || m.trainingsYear < r.trainings;
  });
  const yearPeriod = period.label.length === 4;
  const onRoll = `统计期末（${period.end}）在册的党员（按现所在组织）`;
  const concentratedText = `集中学习培训学时 = 参加集中培训的登记学时 + 本人${CONCENTRATED_STUDY_KINDS.join('、')}的学习记录学时`;

  const figures: Figure[] = [
    count('trainings_held', '举办培训班（次）', '次', trainings, `${held}各类培训（培训班、专题讲座、现场教学、理论宣讲等）的次数`),
    people('training_participant_times', '培训人次', '人次', trainings, `上述培训的参训人次之和；${personTimes}`),
    count('village_cadre_training_sessions', '村（社区）“两委”成员培训（次）', '次', village, `${held}培训对象为“村（社区）“两委”成员”或“村（社区）党组织书记”的培训次数`),
    count('village_cadre_training_classes', '村（社区）“两委”专题培训班（期）', '期', village.filter((t) => t.kind === '培训班'), `其中类别为“培训班”的期数`),
    count('cadre_training_classes', '新任干部专题轮训班（期）', '期', newCadres, `${held}培训对象为“新任干部”的培训期数`),
    people('cadre_training_participant_times', '新任干部专题轮训人次', '人次', newCadres, `上述新任干部培训的参训人次之和；${personTimes}`),
    count('theory_outreach_sessions', '理论宣讲（场次）', '场次', outreach, `${held}类别为“理论宣讲”的场次`),
    people('theory_outreach_audience', '理论宣讲受众（人）', '人', outreach, `上述理论宣讲的受众人数之和，单位为人（指标目录以万人计，报告引用时自行换算）；${personTimes}`),
    count('warning_education_sessions', '警示教育（次）', '次', ofKind('警示教育'), `${held}类别为“警示教育”的次数`),
    count('onsite_lectures', '现场教学（次）', '次', ofKind('现场教学'), `${held}类别为“现场教学”的次数`),
    count('lecture_series_sessions', '大讲堂（期）', '次', ofKind('大讲堂'), `${held}类别为“大讲堂”的次数`),
    count('study_exams_held', '以考促学（次）', '次', ofKind('以考促学'), `${held}类别为“以考促学”的测试次数`),
    figure(
      'initial_training_completed', '完成初任培训（人）', '人', initial.reduce((n, t) => n + Number(t.done ?? 0), 0),
      `${held}类别为“初任培训”的培训中，参训登记为“已完成”的人数`, 'trainings', initial.map((t) => t.id),
    ),
    count('rural_revitalization_trainings', '乡村振兴培训（场次）', '场次', rural, `${held}主题含“乡村振兴”的培训场次`),
    figure(
      'central_group_study_sessions', '理论学习中心组集中学习（次）', '次', meetings.length,
      `组织（含下级）在统计期内召开的“理论学习中心组学习”会议次数`, 'meetings', meetings.map((m) => m.id),
    ),
    figure(
      'central_group_study_attendance', '理论学习中心组学习（人次）', '人次', meetings.reduce((n, m) => n + Number(m.attended_count), 0),
      `上述中心组学习会议的实到人数之和`, 'meetings', meetings.map((m) => m.id),
    ),
    figure(
      'central_group_seminars', '理论学习中心组集中研讨（次）', '次', seminars.length,
      `上述中心组学习会议中，会议主题含“研讨”的次数（会议未单设研讨形式，按主题判断）`, 'meetings', seminars.map((m) => m.id),
    ),
    figure(
      'training_coverage_rate', '党员参训覆盖率', '%', percent(attended.length, memberCount),
      `${onRoll}中，统计期内参加过至少1次培训（按培训开始日期）的人数 ÷ 在册党员数 × 100%`, 'memberships', attended.map((m) => m.id),
    ),
    figure(
      'training_hours_per_member', '人均集中学习培训学时', '小时', memberCount === 0 ? null : oneDecimal(concentratedMinutes / 60 / memberCount),
      `${onRoll}统计期内的集中学习培训学时之和 ÷ 在册党员数（一位小数）；${concentratedText}`, 'memberships', members.filter((m) => m.concentratedPeriod > 0).map((m) => m.id),
    ),
    figure(
      'study_points_per_member', '人均学习积分', '分', memberCount === 0 ? null : oneDecimal(points / memberCount),
      `${onRoll}统计期内记入的学习积分之和 ÷ 在册党员数（一位小数）；积分每满半小时1分、每人每日最多8分`, 'memberships', members.filter((m) => m.points > 0).map((m) => m.id),
    ),
    figure(
      'members_below_training_hours', '集中学习培训学时未达标党员（人）', '人', below.length,
      `${onRoll}中，${period.start.slice(0, 4)}年1月1日至${asOf}的集中学习培训学时低于全年要求（32学时；书记、副书记、委员56学时且至少参加1次集中培训）的人数；${concentratedText}。${
        yearPeriod && asOf === period.end ? '统计期为全年，按全年学时判断' : `统计期${yearPeriod ? '尚未结束' : '不足一年'}，按年初至${asOf}的累计学时计算，仅供进度参考`
      }`,
      'memberships', below.map((m) => m.id),
    ),
  ];
  return { org, period: { label: period.label, title: period.title, start: period.start, end: period.end }, figures };
}

/**
 * Organizations ranked by study points per member in a period: those directly under the organization (level
 * 'children', 党小组 aside) or every branch of its subtree (level 'branches'); points are those credited in the period
 * to the members on each one's roll (its subtree's) on the period's last day. Competition ranking (1, 2, 2, 4) by the
 * per-member points as shown (one decimal); an organization with no member on its roll is listed without a rank.
 */
export async function studyRanking(
  ctx: Ctx,
  raw: { orgCode?: string | undefined; period: string; level?: 'children' | 'branches' | undefined },
): Promise<RankingView> {
  const q = parseInput(studyRankingQuery, { org: raw.orgCode, period: raw.period, level: raw.level }, STUDY_LABELS);
  const period = parsePeriod(q.period);
  const level = q.level ?? 'children';
  let { root, org } = await scopeOf(ctx, q.org);
  if (root === null) {
    const top = await ctx.db.selectFrom('organizations').select(['path', 'code', 'name']).where('parent_id', 'is', null).orderBy('path').executeTakeFirst();
    if (!top) {
      const message = '尚无任何组织，请先导入或创建组织';
      throw new AppError('ORG_NOT_FOUND', message, [{ code: 'ORG_NOT_FOUND', field: 'org', message }]);
    }
    root = top.path;
    org = { code: top.code, name: top.name };
  } else if (org === null) {
    const own = await ctx.db.selectFrom('organizations').select(['code', 'name']).where('path', '=', root).executeTakeFirstOrThrow();
    org = { code: own.code, name: own.name };
  }
  const rootDepth = root.split('/').filter(Boolean).length;
  const orgs = await ctx.db
    .selectFrom('organizations as o')
    .select(['o.path', 'o.code', 'o.name', 'o.kind', 'o.depth'])
    .where(inSubtree('o.path', root))
    .orderBy('o.path')
    .execute();
  const groups = orgs.filter((o) =>
    level === 'branches' ? isOneOf(BRANCH_KINDS, o.kind as OrgKind) : o.path.split('/').filter(Boolean).length === rootDepth + 1 && o.kind !== '党小组',
  );
  const today = ctx.clock.today();
  const members = await memberFacts(ctx, root, period, period.end < today ? period.end : today);
  const items = groups.map((g) => ({ rank: null as number | null, orgCode: g.code, orgName: g.name, members: 0, points: 0, pointsPerMember: null as number | null }));
  const byPath = new Map(groups.map((g, i) => [g.path, items[i]!]));
  for (const m of members) {
    // The member's group: the nearest of the member's organization and its ancestors that is ranked.
    const segments = m.path.split('/').filter(Boolean);
    for (let n = segments.length; n > rootDepth; n--) {
      const item = byPath.get(`/${segments.slice(0, n).join('/')}/`);
      if (!item) continue;
      item.members++;
      item.points += m.points;
      break;
    }
  }
  for (const i of items) i.pointsPerMember = i.members === 0 ? null : oneDecimal(i.points / i.members);
  const ranked = items.filter((i) => i.pointsPerMember !== null).sort((a, b) => b.pointsPerMember! - a.pointsPerMember! || a.orgCode.localeCompare(b.orgCode));
  ranked.forEach((r, i) => {
    const prev = ranked[i - 1];
    r.rank = prev && prev.pointsPerMember === r.pointsPerMember ? prev.rank : i + 1;
  });
  return {
    org,
    period: { label: period.label, title: period.title, start: period.start, end: period.end },
    level,
    items: [...ranked, ...items.filter((i) => i.pointsPerMember === null)],
  };
}
