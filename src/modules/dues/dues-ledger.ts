import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { accessOf } from '../access/actor.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { loadMember } from '../members/find-members.js';
import { approvalFor, baseFor, dueFor, yuan } from './dues-rates.js';
import { monthCount, monthOf, monthList } from './dues-months.js';
import { duesMembersPage, duesRecords, type DuesMember, type DuesRecords, type MonthRange } from './dues-facts.js';
import { monthStatus, onRoll } from './dues-rules.js';
import type { DuesLedgerView, DuesMemberView, DuesMonthView } from './dues.schema.js';

/** The longest span a ledger or the figures cover at once: five years. */
export const MAX_RANGE_MONTHS = 60;

/** The months asked about: by default January of this year to this month; at most five years. */
export function monthRange(ctx: Ctx, q: { from?: string | undefined; to?: string | undefined }): MonthRange {
  const current = monthOf(ctx.clock.today());
  const to = q.to ?? (q.from && q.from > current ? q.from : current);
  const from = q.from ?? `${to.slice(0, 4)}-01`;
  if (from > to) {
    const message = `起始月份${from}晚于截止月份${to}`;
    throw new AppError('DATE_ORDER_INVALID', message, [{ code: 'DATE_ORDER_INVALID', field: 'to', message }]);
  }
  if (monthCount(from, to) > MAX_RANGE_MONTHS) {
    const message = `起始月份${from}至截止月份${to}超过${MAX_RANGE_MONTHS}个月，请分段查询`;
    throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field: 'from', message }]);
  }
  return { from, to };
}

/** The subtree asked about: an organization the caller sees, or everything the caller sees. */
export async function rootOf(ctx: Ctx, orgCode: string | undefined): Promise<{ root: string | null; org: { code: string; name: string } | null }> {
  if (orgCode !== undefined) {
    const org = await getOrgRow(ctx, orgCode, 'org');
    return { root: org.path, org: { code: org.code, name: org.name } };
  }
  return { root: accessOf(ctx.actor).readRoot, org: null };
}

function money(fen: number | null): string | null {
  return fen === null ? null : yuan(fen);
}

/** One cell of the ledger: what was due, what was paid and when, and what that makes of the month. */
export function ledgerMonth(records: DuesRecords, memberId: number, month: string, currentMonth: string): DuesMonthView {
  const bases = records.bases.get(memberId) ?? [];
  const approvals = records.approvals.get(memberId) ?? [];
  const payment = records.payments.get(memberId)?.get(month) ?? null;
  const dueFen = payment ? payment.dueFen : dueFor(bases, approvals, month, records.fixed);
  const quarterly = approvalFor(approvals, month, ['按季交纳']) !== null;
  return {
    month,
    status: monthStatus({ month, dueFen, paidOn: payment?.paidOn ?? null, quarterly, currentMonth }),
    dueFen,
    due: money(dueFen),
    paidFen: payment?.paidFen ?? null,
    paid: money(payment?.paidFen ?? null),
    paidOn: payment?.paidOn ?? null,
  };
}

/** Whether a member pays by the quarter in a month (按季交纳 approved). */
export function isQuarterly(records: DuesRecords, memberId: number, month: string): boolean {
  return approvalFor(records.approvals.get(memberId) ?? [], month, ['按季交纳']) !== null;
}

/** A member's row of the ledger: the months on the roll within the range. */
export function ledgerRow(member: DuesMember, records: DuesRecords, range: MonthRange, currentMonth: string): DuesMemberView {
  const months = monthList(range.from, range.to)
    .filter((m) => onRoll(member, m))
    .map((m) => ledgerMonth(records, member.id, m, currentMonth));
  const last = months.at(-1)?.month ?? range.to;
  const base = baseFor(records.bases.get(member.id) ?? [], last);
  return {
    memberId: member.id,
    name: member.name,
    orgCode: member.orgCode,
    orgName: member.orgName,
    memberStatus: member.memberStatus,
    leftOn: member.leftOn,
    category: base?.category ?? null,
    baseFen: base?.baseFen ?? null,
    base: money(base?.baseFen ?? null),
    months,
    dueFen: months.reduce((sum, m) => sum + (m.status === '未到期' ? 0 : (m.dueFen ?? 0)), 0),
    paidFen: months.reduce((sum, m) => sum + (m.paidFen ?? 0), 0),
    unpaidMonths: months.filter((m) => m.status === '未交').length,
  };
}

/**
 * The dues ledger of an organization's subtree (or of everything the caller sees), one page of members with each
 * month of the range: four queries for the page however large it is, plus the organization's own lookup.
 */
export async function duesLedger(
  ctx: Ctx,
  q: { orgCode?: string | undefined; from?: string | undefined; to?: string | undefined; limit?: number; offset?: number },
): Promise<DuesLedgerView> {
  const range = monthRange(ctx, q);
  const { root } = await rootOf(ctx, q.orgCode);
  const page = await duesMembersPage(ctx, { root }, range, { limit: q.limit ?? 50, offset: q.offset ?? 0 });
  const records = await duesRecords(ctx, { ids: page.members.map((m) => m.id) }, range);
  const current = monthOf(ctx.clock.today());
  return { ...range, total: page.total, items: page.members.map((m) => ledgerRow(m, records, range, current)) };
}

/** One member's dues over a range (a member the caller sees; one who has left shows the months before leaving). */
export async function memberDues(ctx: Ctx, memberId: number, q: { from?: string | undefined; to?: string | undefined } = {}): Promise<DuesMemberView> {
  const range = monthRange(ctx, q);
  const { view, orgId, orgPath } = await loadMember(ctx, memberId);
  const records = await duesRecords(ctx, { ids: [memberId] }, range);
  const member: DuesMember = {
    id: view.id,
    name: view.name,
    orgId,
    orgCode: view.orgCode,
    orgName: view.orgName,
    orgPath,
    memberStatus: view.status,
    joinedOn: view.joinedOn,
    leftOn: view.leftOn,
  };
  return ledgerRow(member, records, range, monthOf(ctx.clock.today()));
}
