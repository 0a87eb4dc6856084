import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues, type FieldIssue } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit } from '../audit/append-audit.js';
import { dueFor, yuan } from './dues-rates.js';
import { monthOf } from './dues-months.js';
import { duesRecords } from './dues-facts.js';
import { ledgerMonth } from './dues-ledger.js';
import { checkPaidOn, checkPaymentMonths, isPaidTooLate } from './dues-rules.js';
import { loadDuesMember } from './dues-member.js';
import { DUES_LABELS, duesPaymentInput, type DuesPaymentInput, type DuesPaymentView } from './dues.schema.js';

/**
 * Records a member's payment for one or more months, all or nothing: each month at what is due for it (the base in
 * force, less any approved 减交 or 免交) unless a larger amount is given (voluntary extra, 第十一条). A month already
 * paid, without a base, before joining or after leaving is refused; a month paid more than six months late is
 * recorded and reported back in `lateMonths` (the rule engine flags it).
 */
export async function recordDuesPayment(ctx: Ctx, raw: DuesPaymentInput & { memberId: number }): Promise<DuesPaymentView> {
  const input = parseInput(duesPaymentInput, raw, DUES_LABELS);
  const months = [...new Set(typeof input.months === 'string' ? [input.months] : input.months)].sort();
  return inTransaction(ctx, async (tx) => {
    const { view: member, orgId } = await loadDuesMember(tx, raw.memberId);
    const today = tx.clock.today();
    const current = monthOf(today);
    throwIfIssues([...checkPaymentMonths(months, member, current), ...checkPaidOn(input.paidOn, member, today)]);

    const range = { from: months[0]!, to: months.at(-1)! };
    const records = await duesRecords(tx, { ids: [member.id] }, range);
    const bases = records.bases.get(member.id) ?? [];
    const approvals = records.approvals.get(member.id) ?? [];
    const paid = records.payments.get(member.id);
    const invalid: FieldIssue[] = [];
    const conflicts: FieldIssue[] = [];
    const rows: { month: string; dueFen: number; paidFen: number }[] = [];
    for (const month of months) {
      const earlier = paid?.get(month);
      if (earlier) {
        conflicts.push({ code: 'DUES_ALREADY_PAID', field: 'months', message: `${member.name}${month}的党费已于${earlier.paidOn}交纳（${yuan(earlier.paidFen)}元）` });
        continue;
      }
      const dueFen = dueFor(bases, approvals, month, records.fixed);
      if (dueFen === null) {
        invalid.push({ code: 'DUES_BASE_MISSING', field: 'months', message: `${member.name}在${month}尚未核定党费基数，请先核定党费类别和基数` });
        continue;
      }
      const paidFen = input.amount ?? dueFen;
      if (paidFen < dueFen) {
        invalid.push({
          code: 'DUES_AMOUNT_INVALID',
          field: 'amount',
          message: `每月交纳金额（元）${yuan(paidFen)}少于${month}应交的${yuan(dueFen)}元；少交须经上级党委批准减交`,
        });
        continue;
      }
      rows.push({ month, dueFen, paidFen });
    }
    throwIfIssues([...invalid, ...conflicts]);

    const now = tx.clock.nowIso();
    await tx.db
      .insertInto('dues_payments')
      .values(
        rows.map((r) => ({
          membership_id: member.id,
          org_id: orgId,
          month: r.month,
          due_fen: r.dueFen,
          paid_fen: r.paidFen,
          paid_on: input.paidOn,
          note: input.note ?? null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    const totalFen = rows.reduce((s, r) => s + r.paidFen, 0);
    await appendAudit(tx, {
      action: 'create',
      recordType: 'dues_payment',
      recordId: member.id,
      orgId,
      changes: { months: [null, months], paidOn: [null, input.paidOn], total: [null, yuan(totalFen)] },
      note: input.note ?? null,
    });
    for (const r of rows) paid?.delete(r.month);
    const after = records.payments.get(member.id) ?? new Map();
    records.payments.set(member.id, after);
    for (const r of rows) after.set(r.month, { month: r.month, dueFen: r.dueFen, paidFen: r.paidFen, paidOn: input.paidOn });
    return {
      memberId: member.id,
      name: member.name,
      paidOn: input.paidOn,
      items: months.map((m) => ledgerMonth(records, member.id, m, current)),
      totalFen,
      total: yuan(totalFen),
      lateMonths: months.filter((m) => isPaidTooLate(m, input.paidOn)),
    };
  });
}
