/**
 * The disclosure figures (三务公开) of an organization's subtree for a reporting period. The catalog of
 * ../shared/indicators has no disclosure ids; these are new ones, named the same way.
 *
 * Decisions, stated once (repeated in each figure's computation text):
 * - A periodic item's period is judged in the reporting period that holds its due date (its last day plus
 *   DISCLOSURE_GRACE_DAYS), once that date has passed: 2026Q4 (due 2027-01-15) is judged in 2027.
 * - On time: published on or before the due date. Overdue: nothing published by the reporting period's end (or
 *   today, if earlier). A period published late is neither.
 * - Expected organizations: see disclosure-rules.ts (isDiscloser) — 党总支, 党支部 and 联合党支部 not under a 党总支, of
 *   the item's sector, under the organization that defines the item; and any organization that has disclosed it.
 */
import type { Ctx } from '../../context.js';
import { percent, type Figure, type FigureSet } from '../../shared/figures.js';
import { parsePeriod } from '../../shared/period.js';
import { rootOf } from '../dues/dues-ledger.js';
import { judgedPeriods, loadSchedule } from './disclosure-schedule.js';
import { DISCLOSURE_GRACE_DAYS } from './disclosures.schema.js';

export async function disclosureFigures(ctx: Ctx, q: { orgCode?: string | undefined; period: string }): Promise<FigureSet> {
  const period = parsePeriod(q.period);
  const { root, org } = await rootOf(ctx, q.orgCode);
  const today = ctx.clock.today();
  const asOf = period.end < today ? period.end : today;
  const schedule = await loadSchedule(ctx, root, period.end);
  const judged = judgedPeriods(schedule, period.start, period.end, today, asOf);
  const onTime = judged.filter((j) => j.published !== null && j.published.on <= j.dueOn);
  const overdue = judged.filter((j) => j.published === null);
  const published = schedule.disclosures.filter((d) => d.published_on !== null && d.published_on >= period.start && d.published_on <= period.end);
  const distinct = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);
  const rule = `每期期末后${DISCLOSURE_GRACE_DAYS}日为最迟公开日期，最迟日期在统计期内且已过的期次计入`;

  const figures: Figure[] = [
    {
      id: 'disclosures_published',
      label: '三务公开次数',
      unit: '次',
      value: published.length,
      computation: '期内公开日期在统计期内的公开记录条数（党务、村务、财务，含随时公开）',
      evidence: { table: 'disclosures', ids: published.map((d) => d.id) },
    },
    {
      id: 'disclosures_overdue',
      label: '应公开未公开期次',
      unit: '期',
      value: overdue.length,
      computation: `按组织×公开事项×期次计：${rule}，至统计期末（或今天）仍未公开的期次数`,
      evidence: { table: 'disclosure_items', ids: distinct(overdue.map((j) => j.pair.item.id)) },
    },
    {
      id: 'disclosure_on_time_rate',
      label: '三务公开按期公开率',
      unit: '%',
      value: percent(onTime.length, judged.length),
      computation: `按期公开的期次 / 应公开的期次 ×100（${rule}；最迟日期前公开为按期）`,
      evidence: { table: 'disclosures', ids: onTime.map((j) => j.published!.id).sort((a, b) => a - b) },
    },
    {
      id: 'orgs_behind_disclosure',
      label: '三务公开滞后的党组织',
      unit: '个',
      value: new Set(overdue.map((j) => j.pair.org.id)).size,
      computation: '有应公开未公开期次的党组织个数',
      evidence: { table: 'organizations', ids: distinct(overdue.map((j) => j.pair.org.id)) },
    },
  ];
  return { org, period, figures };
}
