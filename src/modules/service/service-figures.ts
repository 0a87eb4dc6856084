/**
 * The service figures of an organization's subtree for a reporting period, under the catalog's ids
 * (../shared/indicators/seed-indicator-ids.jsonl), each with its computation and the records counted. Five queries
 * however large the subtree (records, reports, teams, team people, the roll), plus the organization's lookup.
 */
import type { Ctx } from '../../context.js';
import { percent, type Figure, type FigureSet } from '../../shared/figures.js';
import { parsePeriod } from '../../shared/period.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { serviceRoot } from './service-find.js';
import { COLLECTIVE_CATEGORIES } from './service.schema.js';

const VOLUNTEER_TEAM_KINDS: readonly string[] = ['志愿服务队', '党员突击队'];

function range(root: string | null): [string, string] | null {
  return root === null ? null : [root, subtreeUpperBound(root)];
}

/**
 * Records count by the organization they belong to (org_id in the subtree); community reports by the member's
 * organization or the community's; team people by their team's organization; the roll by the member's organization.
 */
export async function serviceFigures(ctx: Ctx, q: { orgCode?: string | undefined; period: string }): Promise<FigureSet> {
  const period = parsePeriod(q.period);
  const { start, end } = period;
  const { root, org } = await serviceRoot(ctx, q.orgCode);
  const span = range(root);

  const [records, reports, teams, people, roll] = await Promise.all([
    // Records that happened by the period's end and either happened, were done, or were still open in it; with the
    // member's organization, so that a member's service recorded above his branch still counts for his branch's rate.
    ctx.db
      .selectFrom('service_records as s')
      .innerJoin('organizations as o', 'o.id', 's.org_id')
      .leftJoin('memberships as m', 'm.id', 's.membership_id')
      .leftJoin('organizations as mo', 'mo.id', 'm.org_id')
      .select(['s.id', 's.kind', 's.category', 's.status', 's.happened_on', 's.done_on', 's.minutes', 's.beneficiaries', 's.membership_id', 'o.path', 'mo.path as member_path'])
      .where('s.happened_on', '<=', end)
      .where((eb) => eb.or([eb('s.happened_on', '>=', start), eb('s.done_on', '>=', start), eb('s.done_on', 'is', null)]))
      .$if(span !== null, (b) =>
        b.where((eb) => eb.or([eb.and([eb('o.path', '>=', span![0]), eb('o.path', '<', span![1])]), eb.and([eb('mo.path', '>=', span![0]), eb('mo.path', '<', span![1])])])),
      )
      .orderBy('s.id')
      .execute(),
    ctx.db
      .selectFrom('community_reports as r')
      .innerJoin('organizations as o', 'o.id', 'r.org_id')
      .leftJoin('organizations as c', 'c.id', 'r.community_org_id')
      .select(['r.id', 'r.membership_id'])
      .where('r.reported_on', '>=', start)
      .where('r.reported_on', '<=', end)
      .$if(span !== null, (b) =>
        b.where((eb) => eb.or([eb.and([eb('o.path', '>=', span![0]), eb('o.path', '<', span![1])]), eb.and([eb('c.path', '>=', span![0]), eb('c.path', '<', span![1])])])),
      )
      .orderBy('r.id')
      .execute(),
    ctx.db
      .selectFrom('service_teams as t')
      .innerJoin('organizations as o', 'o.id', 't.org_id')
      .select(['t.id', 't.kind'])
      .where('t.established_on', '>=', start)
      .where('t.established_on', '<=', end)
      .$if(span !== null, (b) => b.where('o.path', '>=', span![0]).where('o.path', '<', span![1]))
      .orderBy('t.id')
      .execute(),
    // People of volunteer teams and commando teams: those who joined in the period, and those of teams set up in it.
    ctx.db
      .selectFrom('service_team_members as e')
      .innerJoin('service_teams as t', 't.id', 'e.team_id')
      .innerJoin('organizations as o', 'o.id', 't.org_id')
      .select(['e.id', 'e.membership_id', 'e.joined_on', 'e.left_on', 't.kind', 't.established_on'])
      .where('t.kind', 'in', [...VOLUNTEER_TEAM_KINDS])
      .where((eb) =>
        eb.or([eb.and([eb('e.joined_on', '>=', start), eb('e.joined_on', '<=', end)]), eb.and([eb('t.established_on', '>=', start), eb('t.established_on', '<=', end)])]),
      )
      .$if(span !== null, (b) => b.where('o.path', '>=', span![0]).where('o.path', '<', span![1]))
      .orderBy('e.id')
      .execute(),
    // Members on the roll at the period's end.
    ctx.db
      .selectFrom('memberships as m')
      .innerJoin('organizations as o', 'o.id', 'm.org_id')
      .select('m.id')
      .where('m.joined_on', '<=', end)
      .where((eb) => eb.or([eb('m.left_on', 'is', null), eb('m.left_on', '>', end)]))
      .$if(span !== null, (b) => b.where('o.path', '>=', span![0]).where('o.path', '<', span![1]))
      .execute(),
  ]);

  const inPeriod = (d: string | null) => d !== null && d >= start && d <= end;
  const own = records.filter((r) => span === null || (r.path >= span[0] && r.path < span[1]));
  const happened = (kind: string) => own.filter((r) => r.kind === kind && inPeriod(r.happened_on));
  const done = (kind: string) => own.filter((r) => r.kind === kind && r.status === '已办结' && inPeriod(r.done_on));
  const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

  const volunteer = happened('志愿服务');
  const servicesDone = done('办实事');
  const opinions = happened('社情民意');
  const disputes = done('矛盾纠纷化解');
  const petitions = disputes.filter((r) => r.category !== null && COLLECTIVE_CATEGORIES.includes(r.category.trim()));
  const inProgress = own.filter((r) => r.kind === '办实事' && (r.done_on === null || r.done_on > end));
  const minutes = volunteer.reduce((s, r) => s + (r.minutes ?? 0), 0);
  const beneficiaries = volunteer.reduce((s, r) => s + (r.beneficiaries ?? 0), 0);

  const reporters = new Set(reports.map((r) => r.membership_id));

  const volunteerTeams = teams.filter((t) => VOLUNTEER_TEAM_KINDS.includes(t.kind));
  const vanguard = teams.filter((t) => t.kind === '党员先锋岗');
  const newTeamPeople = people.filter((p) => inPeriod(p.established_on) && p.joined_on <= end && (p.left_on === null || p.left_on > end));
  const recruited = people.filter((p) => p.kind === '志愿服务队' && inPeriod(p.joined_on));
  const memberRecruits = recruited.filter((p) => p.membership_id !== null);
  const publicRecruits = recruited.filter((p) => p.membership_id === null);

  // Members in service: any record that happened in the period naming a member of the subtree (or recorded in it).
  const serving = records.filter((r) => r.membership_id !== null && inPeriod(r.happened_on));
  const servingMembers = new Set(serving.map((r) => r.membership_id!));
  const rollIds = new Set(roll.map((r) => r.id));
  const servingOnRoll = serving.filter((r) => rollIds.has(r.membership_id!));
  const servingOnRollMembers = new Set(servingOnRoll.map((r) => r.membership_id!));

  const SR = 'service_records';
  const figure = (id: string, label: string, unit: string, value: number | null, computation: string, table: string, evidence: number[]): Figure => ({
    id,
    label,
    unit,
    value,
    computation,
    evidence: { table, ids: evidence },
  });
  return {
    org,
    period: { label: period.label, title: period.title, start, end },
    figures: [
      figure('volunteer_activities', '开展志愿服务活动', '次', volunteer.length, '本组织（含下级）类别为志愿服务、日期在统计期内的服务记录条数', SR, ids(volunteer)),
      figure('volunteer_service_hours', '志愿服务时长', '小时', Math.round(minutes / 6) / 10, '上述志愿服务记录的服务时长之和（分钟折合小时，保留一位小数）', SR, ids(volunteer)),
      figure('volunteer_beneficiaries', '志愿服务对象', '人次', beneficiaries, '上述志愿服务记录的服务对象人数之和', SR, ids(volunteer.filter((r) => r.beneficiaries !== null))),
      figure('services_for_people', '为民办实事', '件', servicesDone.length, '类别为办实事、已办结且办结日期在统计期内的记录条数', SR, ids(servicesDone)),
      figure('services_in_progress', '办理中的实事', '件', inProgress.length, '类别为办实事、日期不晚于统计期末、统计期末尚未办结（办理中，或办结日期在统计期末以后）的记录条数', SR, ids(inProgress)),
      figure('public_opinion_items_collected', '收集社情民意', '条', opinions.length, '类别为社情民意、日期在统计期内的记录条数', SR, ids(opinions)),
      figure('disputes_resolved', '化解矛盾纠纷', '起', disputes.length, '类别为矛盾纠纷化解、已办结且办结日期在统计期内的记录条数', SR, ids(disputes)),
      figure(
        'collective_petitions_handled',
        '处置集访和劳资纠纷',
        '起',
        petitions.length,
        `上述已化解的矛盾纠纷中具体类型为${COLLECTIVE_CATEGORIES.join('或')}的记录条数`,
        SR,
        ids(petitions),
      ),
      figure(
        'members_reporting_to_community',
        '在职党员到社区报到',
        '人',
        reporters.size,
        '报到日期在统计期内、党员所在组织或报到社区在本组织（含下级）的到社区报到记录所涉党员人数（同一党员只计一次）',
        'community_reports',
        ids(reports),
      ),
      figure('volunteer_teams', '组建党员志愿服务队、突击队', '支', volunteerTeams.length, '本组织（含下级）成立日期在统计期内的志愿服务队和党员突击队个数', 'service_teams', ids(volunteerTeams)),
      figure(
        'volunteer_team_members',
        '志愿服务队、突击队队员',
        '人',
        newTeamPeople.length,
        '上述队伍在统计期末的队员人数（统计期末以前加入、尚未退出，含群众志愿者）',
        'service_team_members',
        ids(newTeamPeople),
      ),
      figure('vanguard_posts_established', '设立党员先锋岗', '个', vanguard.length, '本组织（含下级）成立日期在统计期内的党员先锋岗个数', 'service_teams', ids(vanguard)),
      figure('member_volunteers_recruited', '党员志愿者登记', '人', memberRecruits.length, '本组织（含下级）志愿服务队中加入日期在统计期内的党员人次', 'service_team_members', ids(memberRecruits)),
      figure('public_volunteers_recruited', '群众志愿者登记', '人', publicRecruits.length, '本组织（含下级）志愿服务队中加入日期在统计期内的群众志愿者人次', 'service_team_members', ids(publicRecruits)),
      figure(
        'members_in_service',
        '参与服务的党员',
        '人',
        servingMembers.size,
        '日期在统计期内、记在本组织（含下级）或所记党员在本组织（含下级）的服务记录所涉党员人数（同一党员只计一次）',
        SR,
        ids(serving),
      ),
      figure(
        'member_service_rate',
        '党员参与服务比例',
        '%',
        percent(servingOnRollMembers.size, rollIds.size),
        '上述党员中统计期末在本组织（含下级）党员名册上的人数 ÷ 统计期末在册党员人数 × 100%（保留一位小数）',
        SR,
        ids(servingOnRoll),
      ),
    ],
  };
}
