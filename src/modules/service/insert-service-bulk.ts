import type { Ctx } from '../../context.js';
import { insertChunkedReturningIds, insertValueRows } from '../../db/bulk.js';

/** A service record (service_records): 志愿服务, 办实事, 社情民意, 矛盾纠纷化解; already checked. */
export interface NewServiceRecord {
  orgId: number;
  membershipId: number | null;
  kind: string;
  category: string | null;
  title: string;
  happenedOn: string;
  status: string;
  doneOn: string | null;
  minutes: number | null;
  beneficiaries: number | null;
  note: string | null;
}

/** 在职党员到社区报到 (community_reports); orgId is the member's own organization. */
export interface NewCommunityReport {
  orgId: number;
  membershipId: number;
  communityOrgId: number | null;
  communityName: string;
  unitLevel: string;
  reportedOn: string;
  endedOn: string | null;
  note: string | null;
}

/** A 志愿服务队, 党员突击队 or 党员先锋岗 (service_teams). */
export interface NewServiceTeam {
  orgId: number;
  kind: string;
  name: string;
  establishedOn: string;
  dissolvedOn: string | null;
  note: string | null;
}

/** Someone serving in a team: a member, or a volunteer from the public by name (service_team_members). */
export interface NewTeamMember {
  teamId: number;
  orgId: number;
  membershipId: number | null;
  name: string | null;
  joinedOn: string;
  leftOn: string | null;
}

const RECORD_COLUMNS = [
  'org_id', 'membership_id', 'kind', 'category', 'title', 'happened_on', 'status', 'done_on', 'minutes', 'beneficiaries', 'note', 'created_at', 'updated_at',
] as const;
const REPORT_COLUMNS = [
  'org_id', 'membership_id', 'community_org_id', 'community_name', 'unit_level', 'reported_on', 'ended_on', 'note', 'created_at', 'updated_at',
] as const;
const TEAM_MEMBER_COLUMNS = ['team_id', 'org_id', 'membership_id', 'name', 'joined_on', 'left_on', 'created_at'] as const;

/** Writes many checked service records with chunked inserts, inside the caller's transaction (import, demo county). */
export async function insertServiceRecordsBulk(ctx: Ctx, records: NewServiceRecord[]): Promise<void> {
  const now = ctx.clock.nowIso();
  await insertValueRows(
    ctx.db,
    'service_records',
    RECORD_COLUMNS,
    records.map((r) => [r.orgId, r.membershipId, r.kind, r.category, r.title, r.happenedOn, r.status, r.doneOn, r.minutes, r.beneficiaries, r.note, now, now]),
  );
}

/** Writes many checked reports to communities. */
export async function insertCommunityReportsBulk(ctx: Ctx, records: NewCommunityReport[]): Promise<void> {
  const now = ctx.clock.nowIso();
  await insertValueRows(
    ctx.db,
    'community_reports',
    REPORT_COLUMNS,
    records.map((r) => [r.orgId, r.membershipId, r.communityOrgId, r.communityName, r.unitLevel, r.reportedOn, r.endedOn, r.note, now, now]),
  );
}

/** Writes many checked teams; returns their ids in the order given (team members refer to them). */
export async function insertServiceTeamsBulk(ctx: Ctx, records: NewServiceTeam[]): Promise<number[]> {
  const now = ctx.clock.nowIso();
  return insertChunkedReturningIds(
    ctx.db,
    'service_teams',
    records.map((r) => ({
      org_id: r.orgId,
      kind: r.kind,
      name: r.name,
      established_on: r.establishedOn,
      dissolved_on: r.dissolvedOn,
      note: r.note,
      created_at: now,
      updated_at: now,
    })),
  );
}

/** Writes many checked team memberships. */
export async function insertTeamMembersBulk(ctx: Ctx, records: NewTeamMember[]): Promise<void> {
  const now = ctx.clock.nowIso();
  await insertValueRows(
    ctx.db,
    'service_team_members',
    TEAM_MEMBER_COLUMNS,
    records.map((r) => [r.teamId, r.orgId, r.membershipId, r.name, r.joinedOn, r.leftOn, now]),
  );
}
