import type { Ctx } from '../../context.js';
import { insertValueRows } from '../../db/bulk.js';

/** A member's voluntary donation (donations: 自愿捐款, 特殊党费) to a campaign; money in fen; already checked. */
export interface NewDonation {
  orgId: number;
  membershipId: number;
  campaign: string;
  donatedOn: string;
  amountFen: number;
  note: string | null;
}

const COLUMNS = ['org_id', 'membership_id', 'campaign', 'donated_on', 'amount_fen', 'note', 'created_at', 'updated_at'] as const;

/** Writes many checked donations with chunked inserts, inside the caller's transaction (import, demo county). */
export async function insertDonationsBulk(ctx: Ctx, records: NewDonation[]): Promise<void> {
  const now = ctx.clock.nowIso();
  await insertValueRows(
    ctx.db,
    'donations',
    COLUMNS,
    records.map((r) => [r.orgId, r.membershipId, r.campaign, r.donatedOn, r.amountFen, r.note, now, now]),
  );
}
