import { inTransaction, withActor, type Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import type { Actor } from '../access/actor.js';
import { appendAudit } from '../audit/append-audit.js';
import { actorOfUser } from '../users/actor-of-user.js';
import { accountLocked, isLocked, recordLoginFailure } from '../users/login-failures.js';
import { spendPasswordCheck, verifyPassword } from '../users/password-hash.js';
import { presentUser } from '../users/users.repo.js';
import type { UserView } from '../users/users.schema.js';
import { SESSION_ABSOLUTE_MS } from './auth-rules.js';
import { randomSecret, sha256Hex } from './secrets.js';

export interface LoginAttempt {
  username: string;
  password: string;
  ip: string | null;
  userAgent?: string | null;
}

export interface LoginResult {
  user: UserView;
  sessionId: number;
  /** The cookie's value; only its SHA-256 is stored. */
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/**
 * Who a login attempt is before it succeeds: nobody yet. Used only to write its audit entries, never to read or
 * change records.
 */
export function anonymousActor(ip: string | null): Actor {
  return { kind: 'system', name: '（未登录）', ip };
}

const USERNAME_SHAPE = /^[a-z0-9_.-]{3,32}$/;

/** The one answer to every failed login, whatever the reason, so that it does not tell which usernames exist. */
export function loginFailed(): AppError {
  const message = '用户名或密码错误';
  return new AppError('LOGIN_FAILED', message, [{ code: 'LOGIN_FAILED', field: 'password', message }]);
}

/**
 * Checks a username and password and opens a session. Every failure is audited ('login_failed'; 'account_locked'
 * when the fifth in a row locks the account for 15 minutes) and answered LOGIN_FAILED, except a locked account,
 * which is told when it unlocks. An unknown username costs the same scrypt work as a wrong password.
 */
export async function login(ctx: Ctx, attempt: LoginAttempt): Promise<LoginResult> {
  const anon = withActor(ctx, anonymousActor(attempt.ip));
  const username = attempt.username.trim().toLowerCase();
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'username', 'org_id', 'password_hash', 'locked_until', 'disabled'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (!user) {
    await spendPasswordCheck(attempt.password);
    // The typed name is kept only if it could be a username: a password typed into the wrong box is not.
    const typed = USERNAME_SHAPE.test(username) ? `“${username}”` : '（格式无效）';
    await inTransaction(anon, (tx) => appendAudit(tx, { action: 'login_failed', recordType: 'user', note: `未知用户名${typed}` }));
    throw loginFailed();
  }
  const failed = (note: string) =>
    inTransaction(anon, (tx) => appendAudit(tx, { action: 'login_failed', recordType: 'user', recordId: user.id, orgId: user.org_id, note: `用户名 ${user.username}：${note}` }));
  if (isLocked(user.locked_until, ctx.clock.nowIso())) {
    await failed('账户锁定期间尝试登录');
    throw accountLocked(user.locked_until!);
  }
  if (!(await verifyPassword(attempt.password, user.password_hash))) {
    const { lockedUntil } = await recordLoginFailure(anon, user, '密码错误');
    if (lockedUntil) throw accountLocked(lockedUntil);
    throw loginFailed();
  }
  if (user.disabled === 1) {
    await failed('账户已停用');
    throw loginFailed();
  }
  return inTransaction(ctx, async (tx) => {
    await tx.db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    const found = await actorOfUser(tx, user.id, attempt.ip);
    if (!found) throw loginFailed();
    const now = tx.clock.nowIso();
    const token = randomSecret();
    const csrfToken = randomSecret();
    const expiresAt = new Date(Date.parse(now) + SESSION_ABSOLUTE_MS).toISOString();
    const { id: sessionId } = await tx.db
      .insertInto('sessions')
      .values({
        token_hash: sha256Hex(token),
        csrf_token: csrfToken,
        user_id: user.id,
        ip: attempt.ip,
        user_agent: attempt.userAgent?.slice(0, 300) ?? null,
        created_at: now,
        last_seen_at: now,
        expires_at: expiresAt,
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(withActor(tx, found.actor), { action: 'login', recordType: 'user', recordId: user.id, orgId: user.org_id, note: `会话${sessionId}` });
    return { user: presentUser(found.row, found.actor.roles, now), sessionId, token, csrfToken, expiresAt };
  });
}
