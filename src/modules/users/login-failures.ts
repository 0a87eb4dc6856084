import { inTransaction, type Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { appendAudit } from '../audit/append-audit.js';
import { LOCK_MS, MAX_FAILED_LOGINS, beijingTime } from '../auth/auth-rules.js';

/**
 * Counts a wrong password against an account (at login, or when changing one's password): the fifth in a row locks
 * the account for a quarter of an hour. Audited as 'login_failed', and 'account_locked' when it locks. Runs in its own
 * transaction — pass a context outside one — so that the count and the entries stay although the request fails.
 */
export async function recordLoginFailure(
  ctx: Ctx,
  user: { id: number; username: string; org_id: number | null },
  reason: string,
): Promise<{ lockedUntil: string | null }> {
  return inTransaction(ctx, async (tx) => {
    const { failed_logins: failures } = await tx.db
      .updateTable('users')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('id', '=', user.id)
      .returning('failed_logins')
      .executeTakeFirstOrThrow();
    const base = { recordType: 'user', recordId: user.id, orgId: user.org_id } as const;
    await appendAudit(tx, { ...base, action: 'login_failed', note: `用户名 ${user.username}：${reason}（连续第${failures}次）` });
    if (failures < MAX_FAILED_LOGINS) return { lockedUntil: null };
    const lockedUntil = new Date(Date.parse(tx.clock.nowIso()) + LOCK_MS).toISOString();
    await tx.db.updateTable('users').set({ failed_logins: 0, locked_until: lockedUntil }).where('id', '=', user.id).execute();
    await appendAudit(tx, { ...base, action: 'account_locked', note: `连续${failures}次登录失败，锁定至 ${beijingTime(lockedUntil)}（北京时间）` });
    return { lockedUntil };
  });
}

/** Whether the account is locked at this moment. */
export function isLocked(lockedUntil: string | null, nowIso: string): boolean {
  return lockedUntil !== null && Date.parse(lockedUntil) > Date.parse(nowIso);
}

export function accountLocked(lockedUntil: string): AppError {
  const message = `连续${MAX_FAILED_LOGINS}次登录失败，账户已锁定，请于 ${beijingTime(lockedUntil)}（北京时间）后再试`;
  return new AppError('ACCOUNT_LOCKED', message, [{ code: 'ACCOUNT_LOCKED', field: 'username', message }]);
}
