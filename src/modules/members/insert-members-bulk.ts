import type { Ctx } from '../../context.js';
import { insertChunkedReturningIds } from '../../db/bulk.js';
import { personValues } from '../people/people.repo.js';
import type { CheckedPerson } from '../people/person-rules.js';

export interface NewMemberRecord {
  person: CheckedPerson;
  orgId: number;
  status: string;
  joinedOn: string;
  confirmedOn: string | null;
  entryKind?: string | null;
  entryOn?: string | null;
  isMobile?: boolean;
  mobileDestination?: string | null;
  partyPost?: string | null;
  leftOn?: string | null;
  leaveReason?: string | null;
  leaveNote?: string | null;
}

/**
 * Writes many already-checked members (people + memberships) with chunked multi-row inserts: the path of an
 * import and of the demo county. The caller checks the records and runs this inside its transaction.
 * Returns the membership ids in input order.
 */
export async function insertMembersBulk(ctx: Ctx, records: NewMemberRecord[]): Promise<number[]> {
  const now = ctx.clock.nowIso();
  const personIds = await insertChunkedReturningIds(ctx.db, 'people', records.map((r) => personValues(ctx, r.person, now)));
  return insertChunkedReturningIds(
    ctx.db,
    'memberships',
    records.map((r, i) => ({
      person_id: personIds[i]!,
      org_id: r.orgId,
      status: r.status,
      joined_on: r.joinedOn,
      confirmed_on: r.confirmedOn,
      entry_kind: r.entryKind ?? null,
      entry_on: r.entryOn ?? null,
      is_mobile: r.isMobile ? 1 : 0,
      mobile_destination: r.mobileDestination ?? null,
      party_post: r.partyPost ?? null,
      left_on: r.leftOn ?? null,
      leave_reason: r.leaveReason ?? null,
      leave_note: r.leaveNote ?? null,
      created_at: now,
      updated_at: now,
    })),
  );
}
