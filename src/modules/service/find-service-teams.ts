import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { assertWritable, isReadable, readScoped } from '../access/scope.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { notFound, serviceRoot } from './service-find.js';
import { SERVICE_LABELS, serviceTeamQuery, type ServiceTeamDetail, type ServiceTeamList, type ServiceTeamQuery, type ServiceTeamView } from './service.schema.js';

function selectTeams(ctx: Ctx) {
  return ctx.db
    .selectFrom('service_teams as t')
    .innerJoin('organizations as o', 'o.id', 't.org_id')
    .select(['t.id', 't.org_id', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path', 't.kind', 't.name', 't.established_on', 't.dissolved_on', 't.note']);
}

type TeamRow = Awaited<ReturnType<ReturnType<typeof selectTeams>['executeTakeFirstOrThrow']>>;
interface Counts {
  members: number;
  public: number;
}

function presentTeam(r: TeamRow, counts: Counts | undefined): ServiceTeamView {
  const members = Number(counts?.members ?? 0);
  const pub = Number(counts?.public ?? 0);
  return {
    id: r.id,
    orgCode: r.org_code,
    orgName: r.org_name,
    kind: r.kind,
    name: r.name,
    establishedOn: r.established_on,
    dissolvedOn: r.dissolved_on,
    note: r.note,
    headCount: members + pub,
    memberCount: members,
    publicCount: pub,
  };
}

/** Head counts of teams (people not yet left by `today`), members and the public apart: one grouped query. */
async function headCounts(ctx: Ctx, teamIds: number[]): Promise<Map<number, Counts>> {
  if (teamIds.length === 0) return new Map();
  const today = ctx.clock.today();
  const rows = await ctx.db
    .selectFrom('service_team_members')
    .select([
      'team_id',
      sql<number>`sum(case when membership_id is null then 0 else 1 end)`.as('members'),
      sql<number>`sum(case when membership_id is null then 1 else 0 end)`.as('public'),
    ])
    .where('team_id', 'in', teamIds)
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', today)]))
    .groupBy('team_id')
    .execute();
  return new Map(rows.map((r) => [r.team_id, { members: Number(r.members), public: Number(r.public) }]));
}

export async function loadTeam(ctx: Ctx, id: number): Promise<TeamRow> {
  const r = await selectTeams(ctx).where('t.id', '=', id).executeTakeFirst();
  if (!r || !isReadable(ctx, r.org_path)) throw notFound('服务队伍', id);
  return r;
}

export async function loadWritableTeam(ctx: Ctx, id: number): Promise<TeamRow> {
  const r = await loadTeam(ctx, id);
  assertWritable(ctx, r.org_path, () => notFound('服务队伍', id));
  return r;
}

/**
 * One team with everyone who has served in it. A member whose own organization is outside the caller's scope (added
 * by someone who sees both) shows by name only, without the record number.
 */
export async function getServiceTeam(ctx: Ctx, id: number): Promise<ServiceTeamDetail> {
  const team = await loadTeam(ctx, id);
  const [counts, people] = await Promise.all([
    headCounts(ctx, [id]),
    ctx.db
      .selectFrom('service_team_members as e')
      .leftJoin('memberships as m', 'm.id', 'e.membership_id')
      .leftJoin('people as p', 'p.id', 'm.person_id')
      .leftJoin('organizations as o', 'o.id', 'm.org_id')
      .select(['e.id', 'e.membership_id', 'e.name', 'p.name as member_name', 'o.path', 'e.joined_on', 'e.left_on'])
      .where('e.team_id', '=', id)
      .orderBy('e.joined_on')
      .orderBy('e.id')
      .execute(),
  ]);
  return {
    ...presentTeam(team, counts.get(id)),
    people: people.map((p) => {
      const member = p.membership_id !== null;
      const seen = member && p.path !== null && isReadable(ctx, p.path);
      return {
        entryId: p.id,
        memberId: seen ? p.membership_id : null,
        isMember: member,
        name: (member ? p.member_name : p.name) ?? '',
        joinedOn: p.joined_on,
        leftOn: p.left_on,
      };
    }),
  };
}

/** Teams of an organization's subtree (or of everything the caller sees) with their head counts: three queries. */
export async function findServiceTeams(ctx: Ctx, raw: ServiceTeamQuery = {}): Promise<ServiceTeamList> {
  const q = parseInput(serviceTeamQuery, raw, SERVICE_LABELS);
  const { root } = await serviceRoot(ctx, q.org);
  const filtered = (qb: ReturnType<typeof selectTeams>) => {
    let b = qb.$call(readScoped(ctx, 'o.path'));
    if (root !== null) b = b.where('o.path', '>=', root).where('o.path', '<', subtreeUpperBound(root));
    if (q.kind) b = b.where('t.kind', '=', q.kind);
    return b;
  };
  const [rows, count] = await Promise.all([
    filtered(selectTeams(ctx)).orderBy('o.path').orderBy('t.established_on').orderBy('t.id').limit(q.limit).offset(q.offset).execute(),
    filtered(selectTeams(ctx)).clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const counts = await headCounts(ctx, rows.map((r) => r.id));
  return { total: Number(count.n), items: rows.map((r) => presentTeam(r, counts.get(r.id))) };
}

export async function teamView(ctx: Ctx, id: number): Promise<ServiceTeamView> {
  const team = await loadTeam(ctx, id);
  return presentTeam(team, (await headCounts(ctx, [id])).get(id));
}
