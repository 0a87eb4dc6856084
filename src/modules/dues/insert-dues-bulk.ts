import type { Ctx } from '../../context.js';
import { insertValueRows as insertRows } from '../../db/bulk.js';

/** A dues base from a month on (dues_bases), for a membership already stored. Money in fen. */
export interface NewDuesBase {
  membershipId: number;
  orgId: number;
  fromMonth: string;
  category: string;
  baseFen: number | null;
  note: string | null;
}

/** An approved 减交, 免交 or 按季交纳 (dues_approvals). */
export interface NewDuesApproval {
  membershipId: number;
  orgId: number;
  kind: string;
  fromMonth: string;
  toMonth: string | null;
  monthlyFen: number | null;
  reason: string;
  approvedBy: string;
  approvedOn: string;
}

/** One month of the ledger (dues_payments): what was due and what was paid, and when. */
export interface NewDuesPayment {
  membershipId: number;
  orgId: number;
  month: string;
  dueFen: number;
  paidFen: number;
  paidOn: string;
  note: string | null;
}

const BASE_COLUMNS = ['membership_id', 'org_id', 'from_month', 'category', 'base_fen', 'note', 'created_at', 'updated_at'] as const;
const APPROVAL_COLUMNS = [
  'membership_id', 'org_id', 'kind', 'from_month', 'to_month', 'monthly_fen', 'reason', 'approved_by', 'approved_on', 'created_at', 'updated_at',
] as const;
const PAYMENT_COLUMNS = ['membership_id', 'org_id', 'month', 'due_fen', 'paid_fen', 'paid_on', 'note', 'created_at', 'updated_at'] as const;

/** Writes many already-checked dues bases with chunked inserts, inside the caller's transaction (import, demo county). */
export async function insertDuesBasesBulk(ctx: Ctx, records: NewDuesBase[]): Promise<void> {
  const now = ctx.clock.nowIso();
  await insertRows(ctx.db, 'dues_bases', BASE_COLUMNS, records.map((r) => [r.membershipId, r.orgId, r.fromMonth, r.category, r.baseFen, r.note, now, now]));
}

/** Writes many already-checked dues approvals with chunked inserts, inside the caller's transaction. */
export async function insertDuesApprovalsBulk(ctx: Ctx, records: NewDuesApproval[]): Promise<void> {
  const now = ctx.clock.nowIso();
  await insertRows(
    ctx.db,
    'dues_approvals',
    APPROVAL_COLUMNS,
    records.map((r) => [r.membershipId, r.orgId, r.kind, r.fromMonth, r.toMonth, r.monthlyFen, r.reason, r.approvedBy, r.approvedOn, now, now]),
  );
}

/** Writes many already-checked monthly dues payments with chunked inserts, inside the caller's transaction. */
export async function insertDuesPaymentsBulk(ctx: Ctx, records: NewDuesPayment[]): Promise<void> {
  const now = ctx.clock.nowIso();
  await insertRows(ctx.db, 'dues_payments', PAYMENT_COLUMNS, records.map((r) => [r.membershipId, r.orgId, r.month, r.dueFen, r.paidFen, r.paidOn, r.note, now, now]));
}
