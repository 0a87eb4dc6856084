import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { isReadable, readScoped } from '../access/scope.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { serviceRoot } from './service-find.js';
import { dateOrder } from './find-service-records.js';
import { SERVICE_LABELS, communityReportQuery, type CommunityReportList, type CommunityReportQuery, type CommunityReportView } from './service.schema.js';

export function selectReports(ctx: Ctx) {
  return ctx.db
    .selectFrom('community_reports as r')
    .innerJoin('memberships as m', 'm.id', 'r.membership_id')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'r.org_id')
    .leftJoin('organizations as c', 'c.id', 'r.community_org_id')
    .select([
      'r.id', 'r.org_id', 'r.membership_id', 'p.name', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path',
      'c.code as community_code', 'r.community_name', 'r.unit_level', 'r.reported_on', 'r.ended_on', 'r.note',
    ]);
}

type ReportRow = Awaited<ReturnType<ReturnType<typeof selectReports>['executeTakeFirstOrThrow']>>;

/**
 * A report as the caller may see it. A member whose own organization is outside the caller's scope appears only
 * because he reported to a community the caller keeps: then the community sees who came (name), from what level of
 * unit, and when — no record number, no home organization, no note.
 */
export function presentReport(ctx: Ctx, r: ReportRow): CommunityReportView {
  const full = isReadable(ctx, r.org_path);
  return {
    id: full ? r.id : null,
    restricted: !full,
    memberId: full ? r.membership_id : null,
    name: r.name,
    orgCode: full ? r.org_code : null,
    orgName: full ? r.org_name : null,
    communityCode: r.community_code,
    communityName: r.community_name,
    unitLevel: r.unit_level,
    reportedOn: r.reported_on,
    endedOn: r.ended_on,
    note: full ? r.note : null,
  };
}

/**
 * Reports to communities seen from an organization (or everything the caller sees): those of its members (the
 * report's org_id in the subtree) and those made to a community in the subtree, whoever made them. The caller sees
 * the subtree asked about, so both halves lie within the scope: the first by the member, the second by the community.
 */
export async function findCommunityReports(ctx: Ctx, raw: CommunityReportQuery = {}): Promise<CommunityReportList> {
  const q = parseInput(communityReportQuery, raw, SERVICE_LABELS);
  dateOrder(q.from, q.to);
  const { root } = await serviceRoot(ctx, q.org);
  const filtered = (qb: ReturnType<typeof selectReports>) => {
    let b = qb;
    if (root !== null) {
      const upper = subtreeUpperBound(root);
      b = b.where((eb) => eb.or([eb.and([eb('o.path', '>=', root), eb('o.path', '<', upper)]), eb.and([eb('c.path', '>=', root), eb('c.path', '<', upper)])]));
    }
    // Asked about one member: only a member the caller sees (a reporter from outside is never found by his number).
    if (q.memberId) b = b.where('r.membership_id', '=', q.memberId).$call(readScoped(ctx, 'o.path'));
    if (q.active === true) b = b.where('r.ended_on', 'is', null);
    if (q.active === false) b = b.where('r.ended_on', 'is not', null);
    if (q.from) b = b.where('r.reported_on', '>=', q.from);
    if (q.to) b = b.where('r.reported_on', '<=', q.to);
    return b;
  };
  const [rows, count] = await Promise.all([
    filtered(selectReports(ctx)).orderBy('r.reported_on', 'desc').orderBy('r.id', 'desc').limit(q.limit).offset(q.offset).execute(),
    filtered(selectReports(ctx)).clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items: rows.map((r) => presentReport(ctx, r)) };
}
