import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { findOrgRowByCode, getOrgRow } from '../orgs/find-orgs.js';
import { appendAudit } from '../audit/append-audit.js';
import { checkMembershipDate } from '../people/person-rules.js';
import { checkMemberOrgKind } from './member-rules.js';
import { getMember, loadWritableMember } from './find-members.js';
import type { MemberDetail, TransferInput } from './members.schema.js';

/** 组织关系转接 within the county: moves the membership to another branch and keeps the history. */
export async function transferMember(ctx: Ctx, id: number, input: TransferInput): Promise<MemberDetail> {
  return inTransaction(ctx, async (tx) => {
    const { view: member } = await loadWritableMember(tx, id);
    if (member.leftOn) {
      throw new AppError('MEMBER_ALREADY_LEFT', `${member.name}已于${member.leftOn}离开（${member.leaveReason}），不能转接`);
    }
    const to = await getOrgRow(tx, input.toOrgCode, 'toOrgCode');
    const from = (await findOrgRowByCode(tx, member.orgCode))!;
    const issues = [
      ...checkMemberOrgKind(to.kind, to.code).map((i) => ({ ...i, field: 'toOrgCode' })),
      ...checkMembershipDate('transferredOn', '转接日期', input.transferredOn, member.joinedOn, tx.clock.today()),
    ];
    if (to.id === from.id) {
      issues.push({ code: 'FIELD_INVALID', field: 'toOrgCode', message: '转入组织与当前所在组织相同' });
    }
    const last = member.transfers.at(-1);
    if (last && input.transferredOn < last.transferredOn) {
      issues.push({ code: 'DATE_ORDER_INVALID', field: 'transferredOn', message: `转接日期早于上一次转接（${last.transferredOn}）` });
    }
    throwIfIssues(issues);
    await tx.db
      .insertInto('member_transfers')
      .values({
        membership_id: id,
        from_org_id: from.id,
        to_org_id: to.id,
        org_id: to.id,
        transferred_on: input.transferredOn,
        note: input.note ?? null,
        created_at: tx.clock.nowIso(),
      })
      .execute();
    await tx.db.updateTable('memberships').set({ org_id: to.id, updated_at: tx.clock.nowIso() }).where('id', '=', id).execute();
    await appendAudit(tx, {
      action: 'transfer',
      recordType: 'member',
      recordId: id,
      orgId: to.id,
      changes: { orgCode: [from.code, to.code] },
      note: `组织关系转接，日期${input.transferredOn}${input.note ? `：${input.note}` : ''}`,
    });
    return getMember(tx, id);
  });
}
