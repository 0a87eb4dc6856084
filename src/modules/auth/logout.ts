import { inTransaction, type Ctx } from '../../context.js';
import { appendAudit } from '../audit/append-audit.js';

/** Ends the caller's session, or (`everywhere`) every session of the caller's account. */
export async function logout(ctx: Ctx, sessionId: number, opts: { everywhere?: boolean } = {}): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') return;
  await inTransaction(ctx, async (tx) => {
    const ended = await tx.db
      .updateTable('sessions')
      .set({ revoked_at: tx.clock.nowIso() })
      .where('user_id', '=', actor.userId)
      .$if(!opts.everywhere, (q) => q.where('id', '=', sessionId))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const n = Number(ended.numUpdatedRows);
    if (n === 0) return;
    await appendAudit(tx, {
      action: 'logout',
      recordType: 'user',
      recordId: actor.userId,
      orgId: actor.orgId === 0 ? null : actor.orgId,
      note: opts.everywhere ? `结束全部会话${n}个` : `会话${sessionId}`,
    });
  });
}
