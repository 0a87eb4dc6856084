import type { Ctx } from '../../context.js';
import { readScoped } from '../access/scope.js';
import { loadMember } from '../members/find-members.js';
import { presentRecord, selectRecords } from './service-find.js';
import { presentReport, selectReports } from './find-community-reports.js';
import { hoursOf, type MemberServiceView } from './service.schema.js';

/**
 * A member's service (a member the caller sees): the year's service records (by the date they happened, those of
 * organizations the caller sees), the year's volunteer hours, every report to a community and every team served in.
 */
export async function memberService(ctx: Ctx, memberId: number, q: { year?: number | undefined } = {}): Promise<MemberServiceView> {
  const { view } = await loadMember(ctx, memberId);
  const year = q.year ?? Number(ctx.clock.today().slice(0, 4));
  const [records, reports, teams] = await Promise.all([
    selectRecords(ctx)
      .$call(readScoped(ctx, 'o.path'))
      .where('s.membership_id', '=', memberId)
      .where('s.happened_on', '>=', `${year}-01-01`)
      .where('s.happened_on', '<=', `${year}-12-31`)
      .orderBy('s.happened_on')
      .orderBy('s.id')
      .execute(),
    selectReports(ctx).where('r.membership_id', '=', memberId).orderBy('r.reported_on').orderBy('r.id').execute(),
    ctx.db
      .selectFrom('service_team_members as e')
      .innerJoin('service_teams as t', 't.id', 'e.team_id')
      .innerJoin('organizations as o', 'o.id', 't.org_id')
      .$call(readScoped(ctx, 'o.path'))
      .select(['t.id', 't.kind', 't.name', 'o.code', 'e.joined_on', 'e.left_on'])
      .where('e.membership_id', '=', memberId)
      .orderBy('e.joined_on')
      .orderBy('e.id')
      .execute(),
  ]);
  const volunteerMinutes = records.reduce((sum, r) => sum + (r.kind === '志愿服务' ? (r.minutes ?? 0) : 0), 0);
  return {
    memberId,
    name: view.name,
    orgCode: view.orgCode,
    orgName: view.orgName,
    year,
    records: records.map(presentRecord),
    volunteerMinutes,
    volunteerHours: hoursOf(volunteerMinutes),
    reports: reports.map((r) => presentReport(ctx, r)),
    teams: teams.map((t) => ({ teamId: t.id, kind: t.kind, name: t.name, orgCode: t.code, joinedOn: t.joined_on, leftOn: t.left_on })),
  };
}
