import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { monthlyDues, yuan, type DuesCategory } from './dues-rates.js';
import { loadFixedAmounts } from './dues-settings.js';
import { monthOf } from './dues-months.js';
import { checkBase } from './dues-rules.js';
import { loadDuesMember } from './dues-member.js';
import { DUES_LABELS, duesBaseInput, type DuesBaseInput, type DuesBasesView } from './dues.schema.js';

/**
 * Records a member's dues base from a month on (第十条: a new base from the month the new salary is paid): the
 * category and, for 在职 and 离退休, the after-tax monthly base in 元. A second record for the same month replaces it.
 */
export async function setDuesBase(ctx: Ctx, raw: DuesBaseInput & { memberId: number }): Promise<DuesBasesView> {
  const input = parseInput(duesBaseInput, raw, DUES_LABELS);
  return inTransaction(ctx, async (tx) => {
    const { view: member, orgId } = await loadDuesMember(tx, raw.memberId);
    if (member.leftOn) {
      const message = `${member.name}已于${member.leftOn}离开（${member.leaveReason ?? ''}），不再核定党费基数`;
      throw new AppError('MEMBER_ALREADY_LEFT', message, [{ code: 'MEMBER_ALREADY_LEFT', field: 'memberId', message }]);
    }
    const baseFen = input.base ?? null;
    throwIfIssues(checkBase({ fromMonth: input.fromMonth, category: input.category, baseFen }, member, monthOf(tx.clock.today())));
    const now = tx.clock.nowIso();
    const existing = await tx.db
      .selectFrom('dues_bases')
      .select(['id', 'category', 'base_fen', 'note'])
      .where('membership_id', '=', member.id)
      .where('from_month', '=', input.fromMonth)
      .executeTakeFirst();
    const after = { fromMonth: input.fromMonth, category: input.category, base: baseFen === null ? null : yuan(baseFen), note: input.note ?? null };
    if (existing) {
      await tx.db
        .updateTable('dues_bases')
        .set({ category: input.category, base_fen: baseFen, note: input.note ?? null, org_id: orgId, updated_at: now })
        .where('id', '=', existing.id)
        .execute();
      const before = { fromMonth: input.fromMonth, category: existing.category, base: existing.base_fen === null ? null : yuan(existing.base_fen), note: existing.note };
      await appendAudit(tx, { action: 'update', recordType: 'dues_base', recordId: existing.id, orgId, changes: diff(before, after), note: `党员记录${member.id}` });
    } else {
      const row = await tx.db
        .insertInto('dues_bases')
        .values({ membership_id: member.id, org_id: orgId, from_month: input.fromMonth, category: input.category, base_fen: baseFen, note: input.note ?? null, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await appendAudit(tx, { action: 'create', recordType: 'dues_base', recordId: row.id, orgId, changes: diff(null, after), note: `党员记录${member.id}` });
    }
    return duesBases(tx, member.id, member.name);
  });
}

/** A member's bases, oldest first, each with the monthly amount it gives. */
export async function duesBases(ctx: Ctx, memberId: number, name: string): Promise<DuesBasesView> {
  const rows = await ctx.db
    .selectFrom('dues_bases')
    .select(['from_month', 'category', 'base_fen'])
    .where('membership_id', '=', memberId)
    .orderBy('from_month')
    .execute();
  const fixed = await loadFixedAmounts(ctx);
  return {
    memberId,
    name,
    bases: rows.map((r) => {
      const monthlyFen = monthlyDues(r.category as DuesCategory, r.base_fen, fixed);
      return {
        fromMonth: r.from_month,
        category: r.category,
        baseFen: r.base_fen,
        base: r.base_fen === null ? null : yuan(r.base_fen),
        monthlyFen,
        monthly: yuan(monthlyFen),
      };
    }),
  };
}
