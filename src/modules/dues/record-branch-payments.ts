import { inTransaction, type Ctx } from '../../context.js';
import { issue, parseInput } from '../../shared/validation.js';
import { throwIfIssues } from '../../shared/errors.js';
import { accessOf, canWrite } from '../access/actor.js';
import { assertWritable } from '../access/scope.js';
import { appendAudit } from '../audit/append-audit.js';
import { memberNotFound } from '../members/find-members.js';
import { getWritableOrgRow } from '../orgs/find-orgs.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { dueFor, yuan } from './dues-rates.js';
import { addMonth, monthOf } from './dues-months.js';
import { NO_DUES_ORG_KIND, duesMembers, duesRecords } from './dues-facts.js';
import { PREPAY_MONTHS } from './dues-rules.js';
import { notCollected } from './dues-member.js';
import { DUES_LABELS, branchPaymentInput, type BranchPaymentInput, type BranchPaymentView } from './dues.schema.js';

/**
 * A secretary marks the members of a branch (every one on the roll that month whose dues the caller may record, or
 * the members listed) paid for a month, each at what is due. Members without a base, exempt or already paid are
 * reported back as skipped, not refused; everything else is written in one transaction.
 */
export async function recordBranchPayments(ctx: Ctx, raw: BranchPaymentInput): Promise<BranchPaymentView> {
  const input = parseInput(branchPaymentInput, raw, DUES_LABELS);
  return inTransaction(ctx, async (tx) => {
    const org = await getWritableOrgRow(tx, input.orgCode, 'orgCode');
    if (org.kind === NO_DUES_ORG_KIND) throw notCollected(org.name, 'orgCode');
    const today = tx.clock.today();
    const issues = [];
    if (input.paidOn > today) issues.push(issue('DATE_IN_FUTURE', 'paidOn', `交纳日期${input.paidOn}晚于今天`));
    if (input.month > addMonth(monthOf(today), PREPAY_MONTHS)) {
      issues.push(issue('DUES_MONTH_INVALID', 'month', `交纳月份${input.month}超过今后${PREPAY_MONTHS}个月，不能预交`));
    }
    throwIfIssues(issues);

    const range = { from: input.month, to: input.month };
    const onRoll = await duesMembers(tx, { root: org.path }, range);
    const skipped: BranchPaymentView['skipped'] = [];
    let candidates = onRoll;
    if (input.memberIds) {
      const wanted = [...new Set(input.memberIds)];
      const listed = wanted.length
        ? await tx.db
            .selectFrom('memberships as m')
            .innerJoin('people as p', 'p.id', 'm.person_id')
            .innerJoin('organizations as o', 'o.id', 'm.org_id')
            .select(['m.id', 'p.name', 'o.path'])
            .where('m.id', 'in', wanted)
            .where('o.path', '>=', org.path)
            .where('o.path', '<', subtreeUpperBound(org.path))
            .execute()
        : [];
      const found = new Map(listed.map((m) => [m.id, m]));
      for (const id of wanted) {
        const m = found.get(id);
        if (!m) {
          const e = memberNotFound(id);
          e.issues[0]!.field = 'memberIds';
          throw e;
        }
        assertWritable(tx, m.path, () => memberNotFound(id));
      }
      const onRollIds = new Set(onRoll.map((m) => m.id));
      for (const id of wanted) if (!onRollIds.has(id)) skipped.push({ memberId: id, name: found.get(id)!.name, reason: `${input.month}不在册或所在组织不收缴党费` });
      candidates = onRoll.filter((m) => found.has(m.id));
    } else {
      const access = accessOf(tx.actor);
      candidates = onRoll.filter((m) => canWrite(access, m.orgPath));
    }

    const records = await duesRecords(tx, { ids: candidates.map((m) => m.id) }, range);
    const paid: BranchPaymentView['paid'] = [];
    const rows = [];
    const now = tx.clock.nowIso();
    for (const m of candidates) {
      const earlier = records.payments.get(m.id)?.get(input.month);
      if (earlier) {
        skipped.push({ memberId: m.id, name: m.name, reason: `已于${earlier.paidOn}交纳` });
        continue;
      }
      const dueFen = dueFor(records.bases.get(m.id) ?? [], records.approvals.get(m.id) ?? [], input.month, records.fixed);
      if (dueFen === null) {
        skipped.push({ memberId: m.id, name: m.name, reason: '未核定党费基数' });
        continue;
      }
      if (dueFen === 0) {
        skipped.push({ memberId: m.id, name: m.name, reason: '经批准免交' });
        continue;
      }
      paid.push({ memberId: m.id, name: m.name, paidFen: dueFen, amount: yuan(dueFen) });
      rows.push({
        membership_id: m.id,
        org_id: m.orgId,
        month: input.month,
        due_fen: dueFen,
        paid_fen: dueFen,
        paid_on: input.paidOn,
        note: null,
        created_at: now,
        updated_at: now,
      });
    }
    if (rows.length > 0) await tx.db.insertInto('dues_payments').values(rows).execute();
    for (const r of rows) {
      await appendAudit(tx, {
        action: 'create',
        recordType: 'dues_payment',
        recordId: r.membership_id,
        orgId: r.org_id,
        changes: { months: [null, [input.month]], paidOn: [null, input.paidOn], total: [null, yuan(r.paid_fen)] },
        note: `按支部统一登记（${org.code}）`,
      });
    }
    const totalFen = rows.reduce((s, r) => s + r.paid_fen, 0);
    return { orgCode: org.code, orgName: org.name, month: input.month, paidOn: input.paidOn, paid, skipped, totalFen, total: yuan(totalFen) };
  });
}
