import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { loadWritableMember } from '../members/find-members.js';
import { asMemberField, checkDonatedOn, presentDonation, selectDonations } from './donation-records.js';
import { DONATION_LABELS, donationInput, type DonationInput, type DonationView } from './donations.schema.js';

/** Records a member's voluntary donation (自愿捐款/特殊党费) to a campaign, under the member's organization. */
export async function recordDonation(ctx: Ctx, raw: DonationInput): Promise<DonationView> {
  const input = parseInput(donationInput, raw, DONATION_LABELS);
  return inTransaction(ctx, async (tx) => {
    const member = await loadWritableMember(tx, input.memberId).catch((e: unknown) => Promise.reject(asMemberField(e, 'memberId')));
    throwIfIssues(checkDonatedOn(input.donatedOn, member.view, tx.clock.today()));
    const now = tx.clock.nowIso();
    const row = await tx.db
      .insertInto('donations')
      .values({
        org_id: member.orgId,
        membership_id: input.memberId,
        campaign: input.campaign,
        donated_on: input.donatedOn,
        amount_fen: input.amount,
        note: input.note ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = presentDonation(await selectDonations(tx).where('d.id', '=', row.id).executeTakeFirstOrThrow());
    await appendAudit(tx, { action: 'create', recordType: 'donation', recordId: row.id, orgId: member.orgId, changes: diff(null, auditableDonation(created)) });
    return created;
  });
}

/** The fields of a donation as the audit log records them. */
export function auditableDonation(v: DonationView): Record<string, unknown> {
  return { memberId: v.memberId, name: v.name, orgCode: v.orgCode, campaign: v.campaign, donatedOn: v.donatedOn, amount: v.amount, note: v.note };
}
