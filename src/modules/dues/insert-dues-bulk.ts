import { CompiledQuery, PostgresAdapter, type Kysely } from 'kysely';
import type { Ctx } from '../../context.js';
import { chunkSizeFor } from '../../db/bulk.js';
import type { Database } from '../../db/schema.js';

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

/** Rows per statement when the rows travel as one JSON parameter (SQLite). */
const JSON_ROWS = 20_000;

/**
 * Multi-row inserts of plain value arrays, as insertChunked does, without the query builder: the ledger runs to
 * hundreds of thousands of rows (the demo county's two years), and building, preparing and binding statements of
 * thousands of placeholders took most of the time of writing them. On SQLite the rows go as one JSON array read by
 * json_each (a short statement, one parameter); on PostgreSQL as multi-row VALUES with numbered placeholders. Table
 * and column names are the constants above, never input.
 */
async function insertRows(db: Kysely<Database>, table: keyof Database, columns: readonly string[], rows: (string | number | null)[][]): Promise<void> {
  if (rows.length === 0) return;
  const list = columns.join(', ');
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    const text = `insert into ${table} (${list}) select ${columns.map((_, i) => `value ->> ${i}`).join(', ')} from json_each(?) order by key`;
    for (let i = 0; i < rows.length; i += JSON_ROWS) {
      await db.executeQuery(CompiledQuery.raw(text, [JSON.stringify(rows.slice(i, i + JSON_ROWS))]));
    }
    return;
  }
  const size = chunkSizeFor(columns.length);
  const texts = new Map<number, string>();
  const statement = (n: number) => {
    let text = texts.get(n);
    if (text === undefined) {
      let p = 0;
      const row = () => `(${columns.map(() => `$${++p}`).join(', ')})`;
      text = `insert into ${table} (${list}) values ${Array.from({ length: n }, row).join(', ')}`;
      texts.set(n, text);
    }
    return text;
  };
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    await db.executeQuery(CompiledQuery.raw(statement(chunk.length), chunk.flat()));
  }
}
