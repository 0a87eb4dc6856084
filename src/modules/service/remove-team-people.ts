import { inTransaction, type Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit } from '../audit/append-audit.js';
import { whoIsRequired } from './add-team-people.js';
import { getServiceTeam, loadWritableTeam } from './find-service-teams.js';
import { SERVICE_LABELS, teamPeopleLeave, type ServiceTeamDetail, type TeamPeopleLeave } from './service.schema.js';

/**
 * Records that people left a team (members by record number, or a volunteer from the public by name) on a date; the
 * entries stay, so the team's history and the figures of earlier periods do not change.
 */
export async function removeTeamPeople(ctx: Ctx, teamId: number, raw: TeamPeopleLeave): Promise<ServiceTeamDetail> {
  const input = parseInput(teamPeopleLeave, raw, SERVICE_LABELS);
  whoIsRequired(input.memberIds, input.name);
  return inTransaction(ctx, async (tx) => {
    const team = await loadWritableTeam(tx, teamId);
    const ids = [...new Set(input.memberIds ?? [])];
    let q = tx.db.selectFrom('service_team_members').select(['id', 'membership_id', 'joined_on']).where('team_id', '=', teamId).where('left_on', 'is', null);
    q = ids.length > 0 ? q.where('membership_id', 'in', ids) : q.where('membership_id', 'is', null).where('name', '=', input.name!);
    const entries = await q.execute();
    const missing = ids.length > 0 ? ids.filter((id) => !entries.some((e) => e.membership_id === id)) : entries.length === 0 ? [input.name!] : [];
    if (missing.length > 0) {
      const field = ids.length > 0 ? 'memberIds' : 'name';
      const message = `${team.name}中没有${ids.length > 0 ? '党员记录' : ''}${missing.join('、')}`;
      throw new AppError('NOT_FOUND', message, [{ code: 'NOT_FOUND', field, message }]);
    }
    const today = tx.clock.today();
    for (const e of entries) {
      if (input.leftOn < e.joined_on || input.leftOn > today) {
        const code = input.leftOn > today ? 'DATE_IN_FUTURE' : 'DATE_ORDER_INVALID';
        const message = input.leftOn > today ? `退出日期${input.leftOn}晚于今天（${today}）` : `退出日期${input.leftOn}早于加入日期${e.joined_on}`;
        throw new AppError(code, message, [{ code, field: 'leftOn', message }]);
      }
    }
    await tx.db.updateTable('service_team_members').set({ left_on: input.leftOn }).where('id', 'in', entries.map((e) => e.id)).execute();
    for (const e of entries) {
      await appendAudit(tx, { action: 'update', recordType: 'service_team_member', recordId: e.id, orgId: team.org_id, changes: { leftOn: [null, input.leftOn] } });
    }
    return getServiceTeam(tx, teamId);
  });
}
