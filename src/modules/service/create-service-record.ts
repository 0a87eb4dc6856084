import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { getWritableOrgRow } from '../orgs/find-orgs.js';
import { checkServiceRecord } from './service-rules.js';
import { loadMembers, memberLeft, presentRecord, selectRecords, type ServiceMember } from './service-find.js';
import { SERVICE_LABELS, parseHours, serviceRecordInput, type ServiceRecordInput, type ServiceRecordView } from './service.schema.js';

/**
 * The member a record names: one the caller sees (MEMBER_NOT_FOUND otherwise), in the record's organization or
 * under it (the organization that serves is the member's own or one above it), and on the roll on the day.
 */
export async function recordMember(ctx: Ctx, memberId: number, org: { path: string; name: string }, on: string): Promise<ServiceMember> {
  const [member] = await loadMembers(ctx, [memberId], 'memberId');
  if (!member!.orgPath.startsWith(org.path)) {
    const message = `${member!.name}（${member!.orgName}）不在${org.name}及其下级组织，不能记入该组织的服务记录`;
    throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field: 'memberId', message }]);
  }
  const left = memberLeft(member!, 'memberId', on);
  if (left) throw left;
  return member!;
}

/** Records a service: 志愿服务, 办实事, 社情民意 or 矛盾纠纷化解, of an organization and optionally one member. */
export async function createServiceRecord(ctx: Ctx, raw: ServiceRecordInput): Promise<ServiceRecordView> {
  const input = parseInput(serviceRecordInput, raw, SERVICE_LABELS);
  return inTransaction(ctx, async (tx) => {
    const org = await getWritableOrgRow(tx, input.orgCode);
    // 志愿服务 is done when it happens; another kind is 已办结 once it has a date done.
    const doneOn = input.doneOn ?? (input.kind === '志愿服务' && (input.status ?? '已办结') === '已办结' ? input.happenedOn : null);
    const status = input.status ?? (input.kind === '志愿服务' || doneOn !== null ? '已办结' : '办理中');
    const minutes = input.hours === undefined || input.hours === null ? null : parseHours(input.hours);
    throwIfIssues(checkServiceRecord({ kind: input.kind, happenedOn: input.happenedOn, status, doneOn, minutes }, tx.clock.today()));
    const member = input.memberId ? await recordMember(tx, input.memberId, org, input.happenedOn) : null;
    const now = tx.clock.nowIso();
    const row = await tx.db
      .insertInto('service_records')
      .values({
        org_id: org.id,
        membership_id: member?.id ?? null,
        kind: input.kind,
        category: input.category || null,
        title: input.title,
        happened_on: input.happenedOn,
        status,
        done_on: doneOn,
        minutes,
        beneficiaries: input.beneficiaries ?? null,
        note: input.note || null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const view = presentRecord(await selectRecords(tx).where('s.id', '=', row.id).executeTakeFirstOrThrow());
    const { id: _id, orgName: _n, memberName: _m, hours: _h, ...fields } = view;
    await appendAudit(tx, { action: 'create', recordType: 'service_record', recordId: row.id, orgId: org.id, changes: diff(null, fields) });
    return view;
  });
}
