import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { getWritableOrgRow } from '../orgs/find-orgs.js';
import { checkSpan } from './service-rules.js';
import { teamView } from './find-service-teams.js';
import { SERVICE_LABELS, serviceTeamInput, type ServiceTeamInput, type ServiceTeamView } from './service.schema.js';

/** Sets up a 志愿服务队, 党员突击队 or 党员先锋岗 of an organization; a second one of the same name still active is a conflict. */
export async function createServiceTeam(ctx: Ctx, raw: ServiceTeamInput): Promise<ServiceTeamView> {
  const input = parseInput(serviceTeamInput, raw, SERVICE_LABELS);
  return inTransaction(ctx, async (tx) => {
    const org = await getWritableOrgRow(tx, input.orgCode);
    const dissolvedOn = input.dissolvedOn ?? null;
    throwIfIssues(
      checkSpan({ field: 'establishedOn', label: '成立日期', value: input.establishedOn }, { field: 'dissolvedOn', label: '撤销日期', value: dissolvedOn }, tx.clock.today()),
    );
    const same = await tx.db
      .selectFrom('service_teams')
      .select('id')
      .where('org_id', '=', org.id)
      .where('name', '=', input.name)
      .where('dissolved_on', 'is', null)
      .executeTakeFirst();
    if (same && dissolvedOn === null) {
      const message = `${org.name}已有名为“${input.name}”的队伍（编号${same.id}）`;
      throw new AppError('SERVICE_DUPLICATE', message, [{ code: 'SERVICE_DUPLICATE', field: 'name', message }]);
    }
    const now = tx.clock.nowIso();
    const row = await tx.db
      .insertInto('service_teams')
      .values({
        org_id: org.id,
        kind: input.kind,
        name: input.name,
        established_on: input.establishedOn,
        dissolved_on: dissolvedOn,
        note: input.note || null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const fields = { orgCode: org.code, kind: input.kind, name: input.name, establishedOn: input.establishedOn, dissolvedOn, note: input.note || null };
    await appendAudit(tx, { action: 'create', recordType: 'service_team', recordId: row.id, orgId: org.id, changes: diff(null, fields) });
    return teamView(tx, row.id);
  });
}
