import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { appendAudit } from '../audit/append-audit.js';
import { accountLocked, isLocked, recordLoginFailure } from './login-failures.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import { passwordProblems } from './password-rules.js';
import { getUserView, permissionDenied, revokeSessions } from './users.repo.js';
import type { UserView } from './users.schema.js';

export interface PasswordChange {
  current: string;
  next: string;
}

/**
 * The caller changes their own password, giving the current one. A wrong current password counts towards the
 * account's lockout like a failed login (a stolen session must not become a password-guessing oracle). Every other
 * session of the account ends; `keepSessionId` is the caller's own.
 */
export async function changeOwnPassword(ctx: Ctx, input: PasswordChange, opts: { keepSessionId?: number } = {}): Promise<UserView> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw permissionDenied('只有登录的用户可以修改自己的密码', 'current');
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'username', 'org_id', 'password_hash', 'locked_until'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (isLocked(user.locked_until, ctx.clock.nowIso())) throw accountLocked(user.locked_until!);
  if (!(await verifyPassword(input.current, user.password_hash))) {
    const { lockedUntil } = await recordLoginFailure(ctx, user, '修改密码时当前密码不正确');
    if (lockedUntil) throw accountLocked(lockedUntil);
    const message = '当前密码不正确';
    throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field: 'current', message }]);
  }
  const issues = passwordProblems(input.next, user.username, 'next', '新密码');
  if (input.next === input.current) issues.push({ code: 'PASSWORD_TOO_WEAK', field: 'next', message: '新密码不能与当前密码相同' });
  throwIfIssues(issues);
  const passwordHash = await hashPassword(input.next);
  return inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: 0, failed_logins: 0, updated_at: tx.clock.nowIso() })
      .where('id', '=', user.id)
      .execute();
    const ended = await revokeSessions(tx, user.id, opts.keepSessionId);
    await appendAudit(tx, { action: 'password_change', recordType: 'user', recordId: user.id, orgId: user.org_id, note: `本人修改密码，结束其他会话${ended}个` });
    return getUserView(tx, user.id);
  });
}
