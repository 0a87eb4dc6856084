import { inTransaction, type Ctx } from '../../context.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { auditableDonation } from './record-donation.js';
import { loadWritableDonation, presentDonation } from './donation-records.js';
import type { DonationView } from './donations.schema.js';

/** Deletes a donation entered by mistake; the audit log keeps what it was. */
export async function deleteDonation(ctx: Ctx, id: number): Promise<DonationView> {
  return inTransaction(ctx, async (tx) => {
    const row = await loadWritableDonation(tx, id);
    const before = presentDonation(row);
    await tx.db.deleteFrom('donations').where('id', '=', id).execute();
    await appendAudit(tx, { action: 'delete', recordType: 'donation', recordId: id, orgId: row.org_id, changes: diff(auditableDonation(before), null) });
    return before;
  });
}
