import { inTransaction, type Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import type { Role } from '../access/actor.js';
import { appendAudit } from '../audit/append-audit.js';
import { grantProblem, manageProblem, normalizeRoles } from './user-rules.js';
import { getUserView, getVisibleUser, otherActiveAdmins, permissionDenied } from './users.repo.js';
import type { UserView } from './users.schema.js';

/**
 * Replaces an account's roles: a permission change, audited with the roles before and after. An organization
 * administrator never grants (or takes away) 系统管理员, and nobody removes the last enabled system administrator.
 */
export async function updateUserRoles(ctx: Ctx, id: number, roles: readonly Role[]): Promise<UserView> {
  const next = normalizeRoles(roles);
  return inTransaction(ctx, async (tx) => {
    const { row, roles: before, target } = await getVisibleUser(tx, id);
    const problem = manageProblem(tx.actor, target) ?? grantProblem(tx.actor, next);
    if (problem) throw permissionDenied(problem, 'roles');
    if (row.org_id === null && !next.includes('admin')) {
      const message = '该用户不属于任何组织，只能担任系统管理员';
      throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field: 'roles', message }]);
    }
    if (before.includes('admin') && !next.includes('admin') && row.disabled === 0 && (await otherActiveAdmins(tx, id)) === 0) {
      throw permissionDenied('不能取消最后一位系统管理员的角色：请先为另一位用户授予系统管理员角色', 'roles');
    }
    if (before.join(',') === next.join(',')) return getUserView(tx, id);
    await tx.db.deleteFrom('user_roles').where('user_id', '=', id).execute();
    if (next.length > 0) await tx.db.insertInto('user_roles').values(next.map((role) => ({ user_id: id, role }))).execute();
    await tx.db.updateTable('users').set({ updated_at: tx.clock.nowIso() }).where('id', '=', id).execute();
    await appendAudit(tx, { action: 'permission_change', recordType: 'user', recordId: id, orgId: row.org_id, changes: { roles: [before, next] } });
    return getUserView(tx, id);
  });
}
