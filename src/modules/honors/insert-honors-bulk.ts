import type { Ctx } from '../../context.js';
import { insertValueRows } from '../../db/bulk.js';

/** An honor (honors): 表彰, 命名, 推荐, 选树 or 评选 to a person, an organization or a household; already checked. */
export interface NewHonor {
  orgId: number;
  kind: string;
  recipientKind: string;
  membershipId: number | null;
  recipientOrgId: number | null;
  recipientName: string;
  title: string;
  level: string;
  awardedBy: string;
  awardedOn: string;
  revokedOn: string | null;
  note: string | null;
}

const COLUMNS = [
  'org_id', 'kind', 'recipient_kind', 'membership_id', 'recipient_org_id', 'recipient_name', 'title', 'level', 'awarded_by', 'awarded_on',
  'revoked_on', 'note', 'created_at', 'updated_at',
] as const;

/** Writes many checked honors with chunked inserts, inside the caller's transaction (import, demo county). */
export async function insertHonorsBulk(ctx: Ctx, records: NewHonor[]): Promise<void> {
  const now = ctx.clock.nowIso();
  await insertValueRows(
    ctx.db,
    'honors',
    COLUMNS,
    records.map((r) => [
      r.orgId, r.kind, r.recipientKind, r.membershipId, r.recipientOrgId, r.recipientName, r.title, r.level, r.awardedBy, r.awardedOn, r.revokedOn, r.note, now, now,
    ]),
  );
}
