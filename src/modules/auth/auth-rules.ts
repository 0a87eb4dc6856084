/**
 * The numbers of authentication, in one place. GB/T 22239-2019 (等级保护 2.0) 8.1.4.1 b) asks for "登录失败处理功能
 * …限制非法登录次数和当登录连接超时自动退出": hence the lockout and the idle timeout.
 */

/** Consecutive failed logins that lock an account… */
export const MAX_FAILED_LOGINS = 5;
/** …for this long. */
export const LOCK_MS = 15 * 60 * 1000;

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** …and in any case this long after login. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so that reading pages does not mean writing rows. */
export const SESSION_TOUCH_MS = 60 * 1000;

/** Login attempts per address in a sliding window: enough for a shared office NAT, too few for guessing. */
export const LOGIN_RATE = { max: 20, windowMs: 10 * 60 * 1000 } as const;

/** The API token's visible start: `djt_` and eight characters, enough to tell one's tokens apart. */
export const TOKEN_PREFIX = 'djt_';
export const TOKEN_PREFIX_SHOWN = TOKEN_PREFIX.length + 8;
/** `djt_` and 32 random bytes in base64url. */
export const TOKEN_PATTERN = /^djt_[A-Za-z0-9_-]{43}$/;

export type SessionState = 'active' | 'revoked' | 'expired' | 'idle';

/** Whether a session still stands at `nowMs`. */
export function sessionState(s: { revoked_at: string | null; expires_at: string; last_seen_at: string }, nowMs: number): SessionState {
  if (s.revoked_at !== null) return 'revoked';
  if (nowMs >= Date.parse(s.expires_at)) return 'expired';
  if (nowMs - Date.parse(s.last_seen_at) >= SESSION_IDLE_MS) return 'idle';
  return 'active';
}

/** A moment as people in China read it: "2026-11-23 20:15" (北京时间, UTC+8). */
export function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 60 * 60 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}
