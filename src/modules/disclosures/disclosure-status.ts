import type { Ctx } from '../../context.js';
import { daysFrom } from '../../shared/period.js';
import { parseInput } from '../../shared/validation.js';
import { rootOf } from '../dues/dues-ledger.js';
import { presentDisclosure } from './disclosure-records.js';
import { dueOn, judgedPeriods, latestEnded, loadSchedule } from './disclosure-schedule.js';
import {
  DISCLOSURE_GRACE_DAYS,
  DISCLOSURE_LABELS,
  DISCLOSURE_REVIEW_DAYS,
  disclosureStatusQuery,
  type DisclosureStatusQuery,
  type DisclosureStatusRow,
  type DisclosureStatusView,
} from './disclosures.schema.js';

/**
 * What a superior sees of a subtree's disclosures today: for each organization and catalogue item it discloses, the
 * last period published and the state of the latest period that has ended (已公开; 待公开 while within
 * DISCLOSURE_GRACE_DAYS of its end; 逾期 after), with the periods of this year overdue; the organizations behind; and
 * the disclosures proposed more than `reviewDays` (DISCLOSURE_REVIEW_DAYS) ago and still not reviewed.
 */
export async function disclosureStatus(ctx: Ctx, raw: DisclosureStatusQuery = {}): Promise<DisclosureStatusView> {
  const q = parseInput(disclosureStatusQuery, raw, DISCLOSURE_LABELS);
  const reviewDays = q.reviewDays ?? DISCLOSURE_REVIEW_DAYS;
  const today = ctx.clock.today();
  const { root, org } = await rootOf(ctx, q.org);
  const schedule = await loadSchedule(ctx, root, today);
  const overdue = new Map<string, number>();
  for (const j of judgedPeriods(schedule, `${today.slice(0, 4)}-01-01`, today, today, today)) {
    if (j.published) continue;
    const key = `${j.pair.org.id}:${j.pair.item.id}`;
    overdue.set(key, (overdue.get(key) ?? 0) + 1);
  }

  let rows: DisclosureStatusRow[] = schedule.pairs.map((pair) => {
    const labels = [...pair.published.keys()].sort();
    const last = labels.at(-1) ?? null;
    const base = {
      orgCode: pair.org.code,
      orgName: pair.org.name,
      itemId: pair.item.id,
      itemName: pair.item.name,
      category: pair.item.category,
      cadence: pair.item.cadence,
      lastPublishedPeriod: last,
      lastPublishedOn: last === null ? null : pair.published.get(last)!.on,
      overduePeriods: overdue.get(`${pair.org.id}:${pair.item.id}`) ?? 0,
    };
    if (pair.item.every === null) return { ...base, currentPeriod: null, dueOn: null, state: '随时公开' as const };
    const current = latestEnded(pair.item.every, today);
    const due = dueOn(current);
    const state = pair.published.has(current.label) ? ('已公开' as const) : today <= due ? ('待公开' as const) : ('逾期' as const);
    return { ...base, currentPeriod: current.label, dueOn: due, state };
  });

  const behind = new Map<string, { orgCode: string; orgName: string; overdueItems: number; overduePeriods: number }>();
  for (const r of rows) {
    if (r.state !== '逾期' && r.overduePeriods === 0) continue;
    const b = behind.get(r.orgCode) ?? { orgCode: r.orgCode, orgName: r.orgName, overdueItems: 0, overduePeriods: 0 };
    b.overdueItems += 1;
    b.overduePeriods += r.overduePeriods;
    behind.set(r.orgCode, b);
  }
  if (q.behindOnly) rows = rows.filter((r) => r.state === '逾期' || r.overduePeriods > 0);

  const unreviewed = schedule.disclosures
    .filter((d) => d.reviewed_on === null && daysFrom(d.proposed_on, today) > reviewDays)
    .sort((a, b) => (a.proposed_on < b.proposed_on ? -1 : a.proposed_on > b.proposed_on ? 1 : a.id - b.id))
    .map(presentDisclosure);
  return {
    org,
    asOf: today,
    graceDays: DISCLOSURE_GRACE_DAYS,
    reviewDays,
    rows,
    behind: [...behind.values()].sort((a, b) => b.overduePeriods - a.overduePeriods || b.overdueItems - a.overdueItems),
    unreviewed,
  };
}
