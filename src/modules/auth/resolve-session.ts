import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { actorOfUser, type UserActor } from '../users/actor-of-user.js';
import { SESSION_TOUCH_MS, sessionState } from './auth-rules.js';
import { sha256Hex } from './secrets.js';

/** Who a request's credential stands for. */
export interface Credential {
  actor: UserActor;
  via: 'session' | 'token';
  sessionId: number | null;
  tokenId: number | null;
  /** The session's CSRF token; null for an API token, which needs none. */
  csrfToken: string | null;
  mustChangePassword: boolean;
}

export function sessionExpired(): AppError {
  return new AppError('SESSION_EXPIRED', '登录已过期或已失效，请重新登录');
}

/**
 * The session a cookie's token opens: SESSION_EXPIRED if it is unknown (forged), revoked (logged out, password
 * changed, account disabled), past its 7 days, idle for 8 hours, or its account is disabled.
 */
export async function resolveSession(ctx: Ctx, token: string, ip: string | null): Promise<Credential> {
  if (token.length === 0 || token.length > 128) throw sessionExpired();
  const session = await ctx.db
    .selectFrom('sessions')
    .select(['id', 'user_id', 'csrf_token', 'last_seen_at', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  const now = ctx.clock.nowIso();
  const nowMs = Date.parse(now);
  if (!session || sessionState(session, nowMs) !== 'active') throw sessionExpired();
  const found = await actorOfUser(ctx, session.user_id, ip);
  if (!found) throw sessionExpired();
  if (nowMs - Date.parse(session.last_seen_at) >= SESSION_TOUCH_MS) {
    await ctx.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', session.id).execute();
  }
  return {
    actor: found.actor,
    via: 'session',
    sessionId: session.id,
    tokenId: null,
    csrfToken: session.csrf_token,
    mustChangePassword: found.row.must_change_password === 1,
  };
}
