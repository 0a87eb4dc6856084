import type { Ctx } from '../../context.js';
import { presentToken, tokenColumns } from './api-tokens.repo.js';
import type { ApiTokenView } from './auth.schema.js';

/** The caller's own tokens that are not revoked (an expired one is listed, with its expiry, until revoked). */
export async function findApiTokens(ctx: Ctx): Promise<ApiTokenView[]> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') return [];
  const rows = await ctx.db
    .selectFrom('api_tokens')
    .select(tokenColumns)
    .where('user_id', '=', actor.userId)
    .where('revoked_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(presentToken);
}
