import { inTransaction, type Ctx } from '../../context.js';
import { appendAudit } from '../audit/append-audit.js';
import { tokenNotFound } from './api-tokens.repo.js';

/** Revokes one of the caller's tokens; someone else's, or one already revoked, is "not found". */
export async function revokeApiToken(ctx: Ctx, id: number): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw tokenNotFound(id);
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .updateTable('api_tokens')
      .set({ revoked_at: tx.clock.nowIso() })
      .where('id', '=', id)
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .returning(['id', 'name', 'prefix'])
      .executeTakeFirst();
    if (!row) throw tokenNotFound(id);
    await appendAudit(tx, { action: 'token_revoke', recordType: 'api_token', recordId: id, note: `${row.name}（${row.prefix}…）` });
  });
}
