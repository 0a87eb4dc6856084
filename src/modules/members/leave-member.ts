import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { checkMembershipDate } from '../people/person-rules.js';
import { getMember, loadWritableMember } from './find-members.js';
import { appendAudit } from '../audit/append-audit.js';
import type { LeaveInput, MemberDetail } from './members.schema.js';

/**
 * A member leaves the roll (转出, 死亡, 出党, 停止党籍…). The record is never deleted: the reason and date are kept,
 * so the statistics of any earlier date still count the member.
 */
export async function leaveMember(ctx: Ctx, id: number, input: LeaveInput): Promise<MemberDetail> {
  return inTransaction(ctx, async (tx) => {
    const { view: member, orgId } = await loadWritableMember(tx, id);
    if (member.leftOn) {
      throw new AppError('MEMBER_ALREADY_LEFT', `${member.name}已于${member.leftOn}离开（${member.leaveReason}）`);
    }
    const issues = checkMembershipDate('leftOn', '离开日期', input.leftOn, member.joinedOn, tx.clock.today());
    if (input.reason === '取消预备党员资格' && member.status !== '预备党员') {
      issues.push({ code: 'MEMBER_STATUS_INVALID', field: 'reason', message: '只有预备党员才能取消预备党员资格' });
    }
    throwIfIssues(issues);
    await tx.db
      .updateTable('memberships')
      .set({ left_on: input.leftOn, leave_reason: input.reason, leave_note: input.note ?? null, updated_at: tx.clock.nowIso() })
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, {
      action: 'leave',
      recordType: 'member',
      recordId: id,
      orgId,
      changes: { leftOn: [null, input.leftOn], leaveReason: [null, input.reason] },
      note: input.note ?? null,
    });
    return getMember(tx, id);
  });
}
