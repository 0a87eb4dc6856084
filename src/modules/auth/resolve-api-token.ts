import type { Ctx } from '../../context.js';
import { actorOfUser } from '../users/actor-of-user.js';
import { tokenInvalid } from './api-tokens.repo.js';
import { SESSION_TOUCH_MS, TOKEN_PATTERN } from './auth-rules.js';
import type { Credential } from './resolve-session.js';
import { sha256Hex } from './secrets.js';

/**
 * The account an API token (`Authorization: Bearer djt_…`) acts for: TOKEN_INVALID if it is malformed, unknown
 * (forged), revoked, expired, or its account is disabled.
 */
export async function resolveApiToken(ctx: Ctx, token: string, ip: string | null): Promise<Credential> {
  if (!TOKEN_PATTERN.test(token)) throw tokenInvalid();
  const row = await ctx.db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'last_used_at', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  const now = ctx.clock.nowIso();
  const nowMs = Date.parse(now);
  if (!row || row.revoked_at !== null || (row.expires_at !== null && nowMs >= Date.parse(row.expires_at))) throw tokenInvalid();
  const found = await actorOfUser(ctx, row.user_id, ip);
  if (!found) throw tokenInvalid();
  if (row.last_used_at === null || nowMs - Date.parse(row.last_used_at) >= SESSION_TOUCH_MS) {
    await ctx.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { actor: found.actor, via: 'token', sessionId: null, tokenId: row.id, csrfToken: null, mustChangePassword: false };
}
