import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit } from '../audit/append-audit.js';
import { checkSpan } from './service-rules.js';
import { loadMembers, memberLeft } from './service-find.js';
import { getServiceTeam, loadWritableTeam } from './find-service-teams.js';
import { SERVICE_LABELS, teamPeopleInput, type ServiceTeamDetail, type TeamPeopleInput } from './service.schema.js';

export function whoIsRequired(memberIds: readonly number[] | null | undefined, name: string | null | undefined): void {
  const both = (memberIds?.length ?? 0) > 0 && !!name;
  if (both || (!memberIds?.length && !name)) {
    const message = both ? '党员记录编号和群众志愿者姓名只填一项' : '缺少必填项：党员记录编号或群众志愿者姓名';
    const code = both ? 'FIELD_INVALID' : 'FIELD_REQUIRED';
    throw new AppError(code, message, [{ code, field: 'memberIds', message }]);
  }
}

/**
 * Adds people to a team: members (any member the caller sees, by record number) or one volunteer from the public
 * by name. Someone already serving in the team (not left) is a conflict, and nothing is added.
 */
export async function addTeamPeople(ctx: Ctx, teamId: number, raw: TeamPeopleInput): Promise<ServiceTeamDetail> {
  const input = parseInput(teamPeopleInput, raw, SERVICE_LABELS);
  whoIsRequired(input.memberIds, input.name);
  return inTransaction(ctx, async (tx) => {
    const team = await loadWritableTeam(tx, teamId);
    const ids = [...new Set(input.memberIds ?? [])];
    const members = await loadMembers(tx, ids, 'memberIds');
    throwIfIssues(checkSpan({ field: 'joinedOn', label: '加入日期', value: input.joinedOn }, { field: 'joinedOn', label: '', value: null }, tx.clock.today()));
    if (input.joinedOn < team.established_on || (team.dissolved_on !== null && input.joinedOn >= team.dissolved_on)) {
      const message = `加入日期${input.joinedOn}不在队伍存续期内（${team.established_on}成立${team.dissolved_on ? `，${team.dissolved_on}撤销` : ''}）`;
      throw new AppError('DATE_ORDER_INVALID', message, [{ code: 'DATE_ORDER_INVALID', field: 'joinedOn', message }]);
    }
    for (const m of members) {
      const left = memberLeft(m, 'memberIds', input.joinedOn);
      if (left) throw left;
    }
    let q = tx.db.selectFrom('service_team_members').select(['id', 'membership_id', 'name']).where('team_id', '=', teamId).where('left_on', 'is', null);
    q = ids.length > 0 ? q.where('membership_id', 'in', ids) : q.where('membership_id', 'is', null).where('name', '=', input.name!);
    const present = await q.execute();
    if (present.length > 0) {
      const names = ids.length > 0 ? members.filter((m) => present.some((p) => p.membership_id === m.id)).map((m) => m.name) : [input.name!];
      const message = `${names.join('、')}已在${team.name}中`;
      throw new AppError('SERVICE_DUPLICATE', message, [{ code: 'SERVICE_DUPLICATE', field: ids.length > 0 ? 'memberIds' : 'name', message }]);
    }
    const now = tx.clock.nowIso();
    const values = (ids.length > 0 ? members.map((m) => ({ membership_id: m.id, name: null })) : [{ membership_id: null, name: input.name! }]).map((p) => ({
      ...p,
      team_id: teamId,
      org_id: team.org_id,
      joined_on: input.joinedOn,
      left_on: null,
      created_at: now,
    }));
    const rows = await tx.db.insertInto('service_team_members').values(values).returning('id').execute();
    for (const [i, r] of rows.entries()) {
      const v = values[i]!;
      await appendAudit(tx, {
        action: 'create',
        recordType: 'service_team_member',
        recordId: r.id,
        orgId: team.org_id,
        changes: { teamId: [null, teamId], memberId: [null, v.membership_id], name: [null, v.name], joinedOn: [null, input.joinedOn] },
      });
    }
    return getServiceTeam(tx, teamId);
  });
}
