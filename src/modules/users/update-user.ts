import { inTransaction, type Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit } from '../audit/append-audit.js';
import { setUserDisabled } from './set-user-disabled.js';
import { updateUserRoles } from './update-user-roles.js';
import { manageProblem } from './user-rules.js';
import { getUserView, getVisibleUser, permissionDenied } from './users.repo.js';
import { USER_LABELS, userPatch, type UserPatch, type UserView } from './users.schema.js';

/**
 * Changes an account's name, roles or state in one transaction: all of it, or none of it. Each part keeps its own
 * rules and audit entry (a role change is a 'permission_change').
 */
export async function updateUser(ctx: Ctx, id: number, patch: UserPatch): Promise<UserView> {
  const data = parseInput(userPatch, patch, USER_LABELS);
  return inTransaction(ctx, async (tx) => {
    const { row, target } = await getVisibleUser(tx, id);
    const problem = manageProblem(tx.actor, target);
    if (problem) throw permissionDenied(problem, Object.keys(data)[0] ?? 'id');
    if (data.displayName !== undefined && data.displayName !== row.display_name) {
      await tx.db.updateTable('users').set({ display_name: data.displayName, updated_at: tx.clock.nowIso() }).where('id', '=', id).execute();
      await appendAudit(tx, { action: 'update', recordType: 'user', recordId: id, orgId: row.org_id, changes: { displayName: [row.display_name, data.displayName] } });
    }
    if (data.roles !== undefined) await updateUserRoles(tx, id, data.roles);
    if (data.disabled !== undefined) await setUserDisabled(tx, id, data.disabled);
    return getUserView(tx, id);
  });
}
