/**
 * The disclosure schedule of a subtree: which organization discloses which catalogue item (the pairs), and for a
 * periodic item which periods were due and when each was published. Read in a fixed handful of queries (the
 * organizations, the items, the disclosures) whatever the size of the subtree; the status view and the figures
 * both judge from it.
 *
 * A period (unit of the item's cadence) is due from its last day; its due date is the last day plus
 * DISCLOSURE_GRACE_DAYS. It is on time when published on or before the due date, overdue when its due date has
 * passed and nothing is published. Periods before the catalogue was installed are judged too (the catalogue states
 * what the law already asked).
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { addDays } from '../../shared/dates.js';
import { periodOf, unitsEndingIn, type Every, type Unit } from '../../shared/period.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { CADENCE_EVERY, appliesTo, isDiscloser, pathsUpTo } from './disclosure-rules.js';
import { selectDisclosures, type DisclosureRow } from './disclosure-records.js';
import { DISCLOSURE_GRACE_DAYS } from './disclosures.schema.js';

export interface ScheduleOrg {
  id: number;
  code: string;
  name: string;
  path: string;
}
export interface ScheduleItem {
  id: number;
  name: string;
  category: string;
  cadence: string;
  every: Every | null;
}
export interface Pair {
  org: ScheduleOrg;
  item: ScheduleItem;
  /** Published disclosures of the pair by period label (the earliest publication of each). */
  published: Map<string, { id: number; on: string }>;
}
export interface Schedule {
  pairs: Pair[];
  /** Every disclosure of the subtree proposed on or before the date asked. */
  disclosures: DisclosureRow[];
}

export interface JudgedPeriod {
  pair: Pair;
  unit: Unit;
  dueOn: string;
  /** The publication on or before the date judged at, if any. */
  published: { id: number; on: string } | null;
}

export function dueOn(unit: Unit): string {
  return addDays(unit.end, DISCLOSURE_GRACE_DAYS);
}

/** The schedule of the subtree at `root` (null: everything), with disclosures proposed on or before `asOf`. */
export async function loadSchedule(ctx: Ctx, root: string | null, asOf: string): Promise<Schedule> {
  const inSubtree = root === null ? sql<boolean>`1 = 1` : sql<boolean>`o.path >= ${root} and o.path < ${subtreeUpperBound(root)}`;
  const [orgs, items, disclosures] = await Promise.all([
    ctx.db
      .selectFrom('organizations as o')
      .leftJoin('organizations as p', 'p.id', 'o.parent_id')
      .select(['o.id', 'o.code', 'o.name', 'o.path', 'o.kind', 'o.sector', 'p.kind as parent_kind'])
      .where(inSubtree)
      .orderBy('o.path')
      .execute(),
    ctx.db
      .selectFrom('disclosure_items as i')
      .innerJoin('organizations as o', 'o.id', 'i.org_id')
      .select(['i.id', 'i.name', 'i.category', 'i.cadence', 'i.sector', 'i.active', 'o.path'])
      .where(root === null ? sql<boolean>`1 = 1` : sql<boolean>`(o.path in (${sql.join(pathsUpTo(root))}) or (${inSubtree}))`)
      .orderBy('i.category')
      .orderBy('i.id')
      .execute(),
    selectDisclosures(ctx).where(inSubtree).where('d.proposed_on', '<=', asOf).orderBy('d.id').execute(),
  ]);
  const recorded = new Set(disclosures.map((d) => `${d.org_id}:${d.item_id}`));
  const published = new Map<string, Map<string, { id: number; on: string }>>();
  for (const d of disclosures) {
    if (d.published_on === null || d.published_on > asOf) continue;
    const key = `${d.org_id}:${d.item_id}`;
    const byLabel = published.get(key) ?? new Map<string, { id: number; on: string }>();
    const had = byLabel.get(d.period_label);
    if (!had || d.published_on < had.on) byLabel.set(d.period_label, { id: d.id, on: d.published_on });
    published.set(key, byLabel);
  }
  const pairs: Pair[] = [];
  for (const o of orgs) {
    for (const i of items) {
      if (!i.active || !appliesTo({ path: i.path, sector: i.sector }, { path: o.path, sector: o.sector })) continue;
      const key = `${o.id}:${i.id}`;
      if (!isDiscloser(o.kind, o.parent_kind) && !recorded.has(key)) continue;
      pairs.push({
        org: { id: o.id, code: o.code, name: o.name, path: o.path },
        item: { id: i.id, name: i.name, category: i.category, cadence: i.cadence, every: CADENCE_EVERY[i.cadence] ?? null },
        published: published.get(key) ?? new Map(),
      });
    }
  }
  return { pairs, disclosures };
}

/**
 * The periods of the periodic pairs whose due date falls in [from, to] and has passed by `today`, each with its
 * publication on or before `asOf` (null: not published by then).
 */
export function judgedPeriods(schedule: Schedule, from: string, to: string, today: string, asOf: string): JudgedPeriod[] {
  const out: JudgedPeriod[] = [];
  for (const pair of schedule.pairs) {
    if (pair.item.every === null) continue;
    for (const unit of unitsEndingIn(pair.item.every, addDays(from, -DISCLOSURE_GRACE_DAYS), addDays(to, -DISCLOSURE_GRACE_DAYS))) {
      const due = dueOn(unit);
      if (due >= today) continue;
      const p = pair.published.get(unit.label);
      out.push({ pair, unit, dueOn: due, published: p && p.on <= asOf ? p : null });
    }
  }
  return out;
}

/** The latest unit of a grain that has ended before `today`. */
export function latestEnded(every: Every, today: string): Unit {
  return periodOf(addDays(periodOf(today, every).start, -1), every);
}
