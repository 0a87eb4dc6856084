import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { appendAudit } from '../audit/append-audit.js';
import { hashPassword } from './password-hash.js';
import { passwordProblems } from './password-rules.js';
import { manageProblem } from './user-rules.js';
import { getUserView, getVisibleUser, permissionDenied, revokeSessions } from './users.repo.js';
import type { UserView } from './users.schema.js';

/**
 * Sets another account's password (an administrator's reset, or the CLI's). The account must choose its own at the
 * next login (unless `mustChange` is false), its lock is lifted and every session of it ends. Audited as
 * 'password_change' — without the password.
 */
export async function resetPassword(ctx: Ctx, id: number, password: string, opts: { mustChange?: boolean } = {}): Promise<UserView> {
  const check = async (c: Ctx) => {
    const found = await getVisibleUser(c, id);
    const problem = manageProblem(c.actor, found.target);
    if (problem) throw permissionDenied(problem, 'password');
    if (c.actor.kind === 'user' && c.actor.userId === id) throw permissionDenied('修改自己的密码请使用“修改密码”（需要输入当前密码）', 'password');
    return found;
  };
  const { row } = await check(ctx);
  throwIfIssues(passwordProblems(password, row.username));
  const passwordHash = await hashPassword(password);
  return inTransaction(ctx, async (tx) => {
    // Checked again inside the transaction: the account may have changed while the password was being hashed.
    await check(tx);
    const mustChange = opts.mustChange ?? true;
    await tx.db
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0, failed_logins: 0, locked_until: null, updated_at: tx.clock.nowIso() })
      .where('id', '=', id)
      .execute();
    const ended = await revokeSessions(tx, id);
    await appendAudit(tx, {
      action: 'password_change',
      recordType: 'user',
      recordId: id,
      orgId: row.org_id,
      note: `管理员重置密码${mustChange ? '（下次登录须修改）' : ''}，结束会话${ended}个`,
    });
    return getUserView(tx, id);
  });
}
