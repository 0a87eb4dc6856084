import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues, type FieldIssue } from '../../shared/errors.js';
import { issue, parseInput } from '../../shared/validation.js';
import { assertWritable } from '../access/scope.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { yuan } from '../dues/dues-rates.js';
import { memberNotFound } from '../members/find-members.js';
import { getWritableOrgRow } from '../orgs/find-orgs.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { auditableDonation } from './record-donation.js';
import { asMemberField, checkDonatedOn, presentDonation, selectDonations } from './donation-records.js';
import { DONATION_LABELS, donationBatchInput, type DonationBatchInput, type DonationBatchView } from './donations.schema.js';

/**
 * Records the donations of several members of an organization (a branch collecting for a campaign) in one call,
 * all or nothing: every member must belong to the organization or below it and be one whose records the caller may
 * change, each listed once, and on the roll on the day.
 */
export async function recordDonationBatch(ctx: Ctx, raw: DonationBatchInput): Promise<DonationBatchView> {
  const input = parseInput(donationBatchInput, raw, DONATION_LABELS);
  return inTransaction(ctx, async (tx) => {
    const org = await getWritableOrgRow(tx, input.orgCode, 'orgCode');
    const ids = [...new Set(input.items.map((i) => i.memberId))];
    const found = await tx.db
      .selectFrom('memberships as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .innerJoin('organizations as o', 'o.id', 'm.org_id')
      .select(['m.id', 'p.name', 'm.org_id', 'o.path', 'm.joined_on', 'm.left_on'])
      .where('m.id', 'in', ids)
      .where('o.path', '>=', org.path)
      .where('o.path', '<', subtreeUpperBound(org.path))
      .execute();
    const byId = new Map(found.map((m) => [m.id, m]));
    input.items.forEach((item, i) => {
      if (!byId.has(item.memberId)) throw asMemberField(memberNotFound(item.memberId), `items.${i}.memberId`);
      assertWritable(tx, byId.get(item.memberId)!.path, () => asMemberField(memberNotFound(item.memberId), `items.${i}.memberId`));
    });

    const today = tx.clock.today();
    const issues: FieldIssue[] = [];
    const seen = new Set<number>();
    input.items.forEach((item, i) => {
      const m = byId.get(item.memberId)!;
      if (seen.has(item.memberId)) issues.push(issue('FIELD_INVALID', `items.${i}.memberId`, `捐款党员：${m.name}（编号${m.id}）重复列出`));
      seen.add(item.memberId);
      issues.push(...checkDonatedOn(input.donatedOn, { name: m.name, joinedOn: m.joined_on, leftOn: m.left_on }, today));
    });
    throwIfIssues(issues);

    const now = tx.clock.nowIso();
    const inserted = await tx.db
      .insertInto('donations')
      .values(
        input.items.map((item) => ({
          org_id: byId.get(item.memberId)!.org_id,
          membership_id: item.memberId,
          campaign: input.campaign,
          donated_on: input.donatedOn,
          amount_fen: item.amount,
          note: item.note ?? null,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning('id')
      .execute();
    const rows = await selectDonations(tx)
      .where('d.id', 'in', inserted.map((r) => r.id))
      .orderBy('d.id')
      .execute();
    const items = rows.map(presentDonation);
    for (const d of items) {
      await appendAudit(tx, {
        action: 'create',
        recordType: 'donation',
        recordId: d.id,
        orgId: byId.get(d.memberId)!.org_id,
        changes: diff(null, auditableDonation(d)),
        note: `按组织统一登记（${org.code}）`,
      });
    }
    const totalFen = items.reduce((s, d) => s + d.amountFen, 0);
    return { orgCode: org.code, orgName: org.name, campaign: input.campaign, donatedOn: input.donatedOn, items, totalFen, total: yuan(totalFen) };
  });
}
