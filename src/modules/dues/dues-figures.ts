/**
 * The dues figures of an organization's subtree for a span of months, each traceable to its records: computed from
 * the same facts as the ledger (members on the roll, their bases, approvals and payments: four grouped queries, plus
 * the organization's lookup), never from stored totals.
 */
import type { Ctx } from '../../context.js';
import { yuan } from './dues-rates.js';
import { addMonth, monthOf, monthList } from './dues-months.js';
import { duesMembers, duesRecords } from './dues-facts.js';
import { isQuarterly, ledgerMonth, monthRange, rootOf } from './dues-ledger.js';
import { isOverdue, onRoll } from './dues-rules.js';
import type { DuesFiguresView } from './dues.schema.js';

/** Arrears are counted from three consecutive unpaid months (domain-rules §4: warn at 3, 6 is 自行脱党 territory). */
export const ARREARS_MONTHS = 3;
/** How far back a run of unpaid months is followed, before the range if need be. */
const ARREARS_LOOKBACK = 12;

/**
 * - dueFen, dueMonths: member-months on the roll from `from` to `through` (the earlier of `to` and this month) with
 *   something due (a paid month counts at the due recorded with its payment); paidMonths those of them paid;
 *   paymentRate = paidMonths / dueMonths; paidFen what was paid for the months of the same span.
 * - membersInArrears: members whose unpaid months run at least three in a row up to `to`, counting only months
 *   already over (for 按季交纳, quarters over); an exempt, paid or unassessed month ends the run.
 * - membersWithoutBase: members with a month on the roll in the span and no base recorded for it.
 */
export async function duesFigures(
  ctx: Ctx,
  q: { orgCode?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<DuesFiguresView> {
  return (await duesFiguresWithMembers(ctx, q)).view;
}

/** The figures with the members behind the totals: those with something due in the span, and those who paid. */
export async function duesFiguresWithMembers(
  ctx: Ctx,
  q: { orgCode?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<{ view: DuesFiguresView; dueMemberIds: number[]; paidMemberIds: number[] }> {
  const range = monthRange(ctx, q);
  const { root, org } = await rootOf(ctx, q.orgCode);
  const current = monthOf(ctx.clock.today());
  const through = range.to < current ? range.to : current;
  // The last month already over, and how far back a run of unpaid months may be followed.
  const arrearsEnd = range.to < current ? range.to : addMonth(current, -1);
  const lookFrom = addMonth(arrearsEnd, -(ARREARS_LOOKBACK - 1));
  const loaded = { from: lookFrom < range.from ? lookFrom : range.from, to: range.to };
  const members = await duesMembers(ctx, { root }, loaded);
  const records = await duesRecords(ctx, { root }, loaded);

  let dueFen = 0;
  let paidFen = 0;
  let dueMonths = 0;
  let paidMonths = 0;
  let memberCount = 0;
  const inArrears: DuesFiguresView['evidence']['inArrears'] = [];
  const withoutBase: DuesFiguresView['evidence']['withoutBase'] = [];
  const spanMonths = range.from <= through ? monthList(range.from, through) : [];
  const dueMemberIds: number[] = [];
  const paidMemberIds: number[] = [];

  for (const m of members) {
    const span = spanMonths.filter((month) => onRoll(m, month));
    if (span.length > 0 || monthList(range.from, range.to).some((month) => onRoll(m, month))) memberCount++;
    const unassessed: string[] = [];
    let due = false;
    let paid = false;
    for (const month of span) {
      const cell = ledgerMonth(records, m.id, month, current);
      paidFen += cell.paidFen ?? 0;
      if (cell.paidFen !== null && cell.paidFen > 0) paid = true;
      if (cell.dueFen === null) {
        if (cell.paidFen === null) unassessed.push(month);
        continue;
      }
      if (cell.dueFen > 0) {
        due = true;
        dueMonths++;
        dueFen += cell.dueFen;
        if (cell.paidOn !== null) paidMonths++;
      }
    }
    if (due) dueMemberIds.push(m.id);
    if (paid) paidMemberIds.push(m.id);
    if (unassessed.length > 0) withoutBase.push({ memberId: m.id, name: m.name, orgCode: m.orgCode, months: unassessed });

    const run: string[] = [];
    for (let month = arrearsEnd; month >= loaded.from && onRoll(m, month); month = addMonth(month, -1)) {
      const cell = ledgerMonth(records, m.id, month, current);
      const quarterly = isQuarterly(records, m.id, month);
      if (isOverdue(cell.status, month, quarterly, current)) run.unshift(month);
      else if (cell.status === '未交') continue; // a quarter still open: neither owed yet nor paid
      else break;
    }
    if (run.length >= ARREARS_MONTHS) inArrears.push({ memberId: m.id, name: m.name, orgCode: m.orgCode, months: run });
  }

  const view: DuesFiguresView = {
    org: org?.code ?? null,
    orgName: org?.name ?? null,
    from: range.from,
    to: range.to,
    through,
    memberCount,
    dueFen,
    due: yuan(dueFen),
    paidFen,
    paid: yuan(paidFen),
    dueMonths,
    paidMonths,
    paymentRate: dueMonths > 0 ? Math.round((paidMonths / dueMonths) * 10_000) / 10_000 : null,
    membersInArrears: inArrears.length,
    membersWithoutBase: withoutBase.length,
    evidence: { inArrears, withoutBase },
  };
  return { view, dueMemberIds, paidMemberIds };
}
