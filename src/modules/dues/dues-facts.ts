/**
 * The dues facts of a set of members in a fixed handful of grouped queries, however many members there are: the
 * members on the roll during a span of months, then their bases, approvals and payments (one query each).
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import type { ApprovalRow, BaseRow, DuesApprovalKind, DuesCategory, FixedAmounts } from './dues-rates.js';
import { loadFixedAmounts } from './dues-settings.js';
import { addMonth, firstDay, lastDayBound } from './dues-months.js';

/** 临时党支部 do not collect dues: their members pay in the branch that holds their membership. */
export const NO_DUES_ORG_KIND = '临时党支部';

export interface MonthRange {
  from: string;
  to: string;
}

export interface DuesMember {
  id: number;
  name: string;
  orgId: number;
  orgCode: string;
  orgName: string;
  orgPath: string;
  memberStatus: string;
  joinedOn: string;
  leftOn: string | null;
}

export interface PaymentRow {
  month: string;
  dueFen: number;
  paidFen: number;
  paidOn: string;
}

export interface DuesRecords {
  /** This deployment's fixed amounts (农民党员 per the province). */
  fixed: FixedAmounts;
  bases: Map<number, BaseRow[]>;
  approvals: Map<number, ApprovalRow[]>;
  payments: Map<number, Map<string, PaymentRow>>;
}

/** Which members: those of an organization's subtree (null: everything), or these membership ids. */
export type MemberScope = { root: string | null } | { ids: readonly number[] };

/** The member filter as one condition on `m.id` or on `o.path` (the subtree's indexed range). */
function scopeFilter(scope: MemberScope) {
  if ('ids' in scope) return sql<boolean>`m.id in (${sql.join([...scope.ids])})`;
  if (scope.root === null) return sql<boolean>`1 = 1`;
  return sql<boolean>`o.path >= ${scope.root} and o.path < ${subtreeUpperBound(scope.root)}`;
}

function membersQuery(ctx: Ctx, scope: MemberScope, range: MonthRange) {
  const q = ctx.db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .where('o.kind', '<>', NO_DUES_ORG_KIND)
    .where('m.joined_on', '<=', lastDayBound(range.to))
    .where((eb) => eb.or([eb('m.left_on', 'is', null), eb('m.left_on', '>=', firstDay(addMonth(range.from, 1)))]))
    .where(scopeFilter(scope));
  return q;
}

const memberColumns = [
  'm.id', 'p.name', 'm.org_id', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path', 'm.status', 'm.joined_on', 'm.left_on',
] as const;

type MemberRow = { id: number; name: string; org_id: number; org_code: string; org_name: string; org_path: string; status: string; joined_on: string; left_on: string | null };

function present(r: MemberRow): DuesMember {
  return {
    id: r.id,
    name: r.name,
    orgId: r.org_id,
    orgCode: r.org_code,
    orgName: r.org_name,
    orgPath: r.org_path,
    memberStatus: r.status,
    joinedOn: r.joined_on,
    leftOn: r.left_on,
  };
}

/** Members on the roll at some time in the range (from the month of joining to the month before leaving). */
export async function duesMembers(ctx: Ctx, scope: MemberScope, range: MonthRange): Promise<DuesMember[]> {
  if ('ids' in scope && scope.ids.length === 0) return [];
  const rows = await membersQuery(ctx, scope, range).select(memberColumns).orderBy('o.path').orderBy('m.id').execute();
  return rows.map(present);
}

/** One page of them, and how many there are: two queries. */
export async function duesMembersPage(
  ctx: Ctx,
  scope: MemberScope,
  range: MonthRange,
  page: { limit: number; offset: number },
): Promise<{ total: number; members: DuesMember[] }> {
  const [rows, count] = await Promise.all([
    membersQuery(ctx, scope, range).select(memberColumns).orderBy('o.path').orderBy('m.id').limit(page.limit).offset(page.offset).execute(),
    membersQuery(ctx, scope, range)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), members: rows.map(present) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The bases (all up to `to`: the one in force at `from` may be older), approvals and payments of the range. */
export async function duesRecords(ctx: Ctx, scope: MemberScope, range: MonthRange): Promise<DuesRecords> {
  const records: DuesRecords = { fixed: await loadFixedAmounts(ctx), bases: new Map(), approvals: new Map(), payments: new Map() };
  if ('ids' in scope && scope.ids.length === 0) return records;
  const filter = scopeFilter(scope);
  const [bases, approvals, payments] = await Promise.all([
    ctx.db
      .selectFrom('dues_bases as d')
      .innerJoin('memberships as m', 'm.id', 'd.membership_id')
      .innerJoin('organizations as o', 'o.id', 'm.org_id')
      .where(filter)
      .select(['d.membership_id', 'd.from_month', 'd.category', 'd.base_fen'])
      .where('d.from_month', '<=', range.to)
      .orderBy('d.from_month')
      .execute(),
    ctx.db
      .selectFrom('dues_approvals as d')
      .innerJoin('memberships as m', 'm.id', 'd.membership_id')
      .innerJoin('organizations as o', 'o.id', 'm.org_id')
      .where(filter)
      .select(['d.membership_id', 'd.kind', 'd.from_month', 'd.to_month', 'd.monthly_fen'])
      .where('d.from_month', '<=', range.to)
      .where((eb) => eb.or([eb('d.to_month', 'is', null), eb('d.to_month', '>=', range.from)]))
      .orderBy('d.from_month')
      .orderBy('d.id')
      .execute(),
    ctx.db
      .selectFrom('dues_payments as d')
      .innerJoin('memberships as m', 'm.id', 'd.membership_id')
      .innerJoin('organizations as o', 'o.id', 'm.org_id')
      .where(filter)
      .select(['d.membership_id', 'd.month', 'd.due_fen', 'd.paid_fen', 'd.paid_on'])
      .where('d.month', '>=', range.from)
      .where('d.month', '<=', range.to)
      .execute(),
  ]);
  for (const b of bases) push(records.bases, b.membership_id, { fromMonth: b.from_month, category: b.category as DuesCategory, baseFen: b.base_fen });
  for (const a of approvals) {
    push(records.approvals, a.membership_id, { kind: a.kind as DuesApprovalKind, fromMonth: a.from_month, toMonth: a.to_month, monthlyFen: a.monthly_fen });
  }
  for (const p of payments) {
    let byMonth = records.payments.get(p.membership_id);
    if (!byMonth) records.payments.set(p.membership_id, (byMonth = new Map()));
    byMonth.set(p.month, { month: p.month, dueFen: Number(p.due_fen), paidFen: Number(p.paid_fen), paidOn: p.paid_on });
  }
  return records;
}
