import { inTransaction, type Ctx } from '../../context.js';
import { appendAudit } from '../audit/append-audit.js';
import { manageProblem } from './user-rules.js';
import { getUserView, getVisibleUser, otherActiveAdmins, permissionDenied, revokeSessions } from './users.repo.js';
import type { UserView } from './users.schema.js';

/**
 * Disables or enables an account. A disabled account cannot log in, its sessions end at once and its API tokens
 * stop working (they work again if it is enabled; its sessions do not). Nobody disables their own account or the
 * last enabled system administrator.
 */
export async function setUserDisabled(ctx: Ctx, id: number, disabled: boolean): Promise<UserView> {
  return inTransaction(ctx, async (tx) => {
    const { row, roles, target } = await getVisibleUser(tx, id);
    const problem = manageProblem(tx.actor, target);
    if (problem) throw permissionDenied(problem, 'disabled');
    if ((row.disabled === 1) === disabled) return getUserView(tx, id);
    if (disabled) {
      if (tx.actor.kind === 'user' && tx.actor.userId === id) throw permissionDenied('不能停用自己的账户', 'disabled');
      if (roles.includes('admin') && (await otherActiveAdmins(tx, id)) === 0) {
        throw permissionDenied('不能停用最后一位系统管理员', 'disabled');
      }
    }
    await tx.db.updateTable('users').set({ disabled: disabled ? 1 : 0, updated_at: tx.clock.nowIso() }).where('id', '=', id).execute();
    const ended = disabled ? await revokeSessions(tx, id) : 0;
    await appendAudit(tx, {
      action: 'update',
      recordType: 'user',
      recordId: id,
      orgId: row.org_id,
      changes: { disabled: [!disabled, disabled] },
      note: disabled ? `停用账户，结束会话${ended}个` : '启用账户',
    });
    return getUserView(tx, id);
  });
}
