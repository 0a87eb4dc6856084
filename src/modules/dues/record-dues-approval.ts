import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { loadFixedAmounts } from './dues-settings.js';
import { baseFor, monthlyDues, yuan, type ApprovalRow, type DuesApprovalKind, type DuesCategory } from './dues-rates.js';
import { checkApproval, spansOverlap } from './dues-rules.js';
import { loadDuesMember } from './dues-member.js';
import { DUES_LABELS, duesApprovalInput, type DuesApprovalInput, type DuesApprovalView } from './dues.schema.js';

const RELIEF: readonly string[] = ['减交', '免交'];

/**
 * Records an approved arrangement for a member's dues: 减交 (a lower monthly amount) or 免交, approved by the
 * superior committee on the member's application, or 按季交纳, agreed by the branch (第十二条).
 */
export async function recordDuesApproval(ctx: Ctx, raw: DuesApprovalInput & { memberId: number }): Promise<DuesApprovalView> {
  const input = parseInput(duesApprovalInput, raw, DUES_LABELS);
  return inTransaction(ctx, async (tx) => {
    const { view: member, orgId } = await loadDuesMember(tx, raw.memberId);
    if (member.leftOn) {
      const message = `${member.name}已于${member.leftOn}离开（${member.leaveReason ?? ''}）`;
      throw new AppError('MEMBER_ALREADY_LEFT', message, [{ code: 'MEMBER_ALREADY_LEFT', field: 'memberId', message }]);
    }
    const [bases, approvals] = await Promise.all([
      tx.db.selectFrom('dues_bases').select(['from_month', 'category', 'base_fen']).where('membership_id', '=', member.id).execute(),
      tx.db.selectFrom('dues_approvals').select(['kind', 'from_month', 'to_month', 'monthly_fen']).where('membership_id', '=', member.id).orderBy('id').execute(),
    ]);
    const base = baseFor(
      bases.map((b) => ({ fromMonth: b.from_month, category: b.category as DuesCategory, baseFen: b.base_fen })),
      input.fromMonth,
    );
    const span = { fromMonth: input.fromMonth, toMonth: input.toMonth ?? null };
    const sameGroup = (kind: string) => (RELIEF.includes(input.kind) ? RELIEF.includes(kind) : kind === input.kind);
    const overlapping: ApprovalRow | null =
      approvals
        .map((a) => ({ kind: a.kind as DuesApprovalKind, fromMonth: a.from_month, toMonth: a.to_month, monthlyFen: a.monthly_fen }))
        .find((a) => sameGroup(a.kind) && spansOverlap(a, span)) ?? null;
    const monthlyFen = input.monthly ?? null;
    throwIfIssues(
      checkApproval({ ...span, kind: input.kind, monthlyFen, approvedBy: input.approvedBy ?? null, approvedOn: input.approvedOn }, member, {
        today: tx.clock.today(),
        normalDueFen: base ? monthlyDues(base.category, base.baseFen, await loadFixedAmounts(tx)) : null,
        overlapping,
      }),
    );
    // 按季交纳 is the branch's own decision: without a name given, the branch is who approved it.
    const approvedBy = input.approvedBy || member.orgName;
    const now = tx.clock.nowIso();
    const row = await tx.db
      .insertInto('dues_approvals')
      .values({
        membership_id: member.id,
        org_id: orgId,
        kind: input.kind,
        from_month: input.fromMonth,
        to_month: span.toMonth,
        monthly_fen: monthlyFen,
        reason: input.reason,
        approved_by: approvedBy,
        approved_on: input.approvedOn,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const view: DuesApprovalView = {
      id: row.id,
      memberId: member.id,
      kind: input.kind,
      fromMonth: input.fromMonth,
      toMonth: span.toMonth,
      monthlyFen,
      monthly: monthlyFen === null ? null : yuan(monthlyFen),
      reason: input.reason,
      approvedBy,
      approvedOn: input.approvedOn,
    };
    const { id: _id, monthlyFen: _f, ...fields } = view;
    await appendAudit(tx, { action: 'create', recordType: 'dues_approval', recordId: row.id, orgId, changes: diff(null, fields) });
    return view;
  });
}
