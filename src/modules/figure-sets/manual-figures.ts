/**
 * The hand-entered figures of an organization for a reporting period, under the catalog's ids, for the report
 * generator (which marks them as hand-entered in its appendix: their computation begins with 手工填报).
 *
 * Decisions, stated once:
 * - A hand-entered figure is another department's aggregate for the organization it was entered for, so it is the
 *   value entered for exactly that organization — never summed over the subtree (the county's 立案 count is not the
 *   sum of what the townships reported, and adding both would count twice). Without `orgCode`: the caller's own
 *   organization (a user's; for the command line, the root of the tree when there is exactly one).
 * - Exactly the period asked: a set for 2026 answers a report for 2026, not for 2026H1 or 2026Q3 (a department's
 *   year figure cannot be split, nor quarters added into a year).
 * - Supersession: when several sets of the organization and period hold the same indicator, the figure uses the
 *   latest entered (entry date, then the later set); the computation says how many earlier entries it replaces.
 */
import type { Ctx } from '../../context.js';
import { catalogEntry, isManualEntry, manualIds, manualLabel } from '../../indicators/catalog.js';
import type { Figure, FigureSet } from '../../shared/figures.js';
import { parsePeriod } from '../../shared/period.js';
import { accessOf } from '../access/actor.js';
import { getOrgRow } from '../orgs/find-orgs.js';

/** The organization a figure is asked for: the one named, or the caller's own (see above). */
async function targetOrg(ctx: Ctx, orgCode: string | undefined): Promise<{ id: number; code: string; name: string } | null> {
  if (orgCode !== undefined) return getOrgRow(ctx, orgCode, 'org');
  const root = accessOf(ctx.actor).readRoot;
  if (root !== null) {
    return (await ctx.db.selectFrom('organizations').select(['id', 'code', 'name']).where('path', '=', root).executeTakeFirst()) ?? null;
  }
  const roots = await ctx.db.selectFrom('organizations').select(['id', 'code', 'name']).where('parent_id', 'is', null).limit(2).execute();
  return roots.length === 1 ? roots[0]! : null;
}

export async function manualFigures(ctx: Ctx, q: { orgCode?: string | undefined; period: string }): Promise<FigureSet> {
  const period = parsePeriod(q.period);
  const org = await targetOrg(ctx, q.orgCode);
  const named = q.orgCode !== undefined && org ? { code: org.code, name: org.name } : null;
  if (!org) return { org: named, period, figures: [] };
  const rows = await ctx.db
    .selectFrom('figure_values as v')
    .innerJoin('figure_sets as s', 's.id', 'v.set_id')
    .select(['v.id', 'v.indicator_id', 'v.value', 'v.unit', 's.source_department', 's.entered_by', 's.entered_on'])
    .where('s.org_id', '=', org.id)
    .where('s.period_label', '=', period.label)
    .orderBy('s.entered_on', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
  const latest = new Map<string, { row: (typeof rows)[number]; earlier: number }>();
  for (const r of rows) {
    const seen = latest.get(r.indicator_id);
    if (seen) seen.earlier++;
    else latest.set(r.indicator_id, { row: r, earlier: 0 });
  }
  const figures: Figure[] = [];
  for (const id of manualIds()) {
    const found = latest.get(id);
    const entry = catalogEntry(id);
    if (!found || !entry || !isManualEntry(entry)) continue;
    const r = found.row;
    const replaced = found.earlier > 0 ? `；同期另有${found.earlier}次较早填报，以最近一次为准` : '';
    figures.push({
      id,
      label: manualLabel(id),
      unit: r.unit,
      value: Number(r.value),
      computation: `手工填报：${r.source_department}，${r.entered_by} 于 ${r.entered_on} 填报（${org.name}${period.title}，不含下级汇总${replaced}）`,
      evidence: { table: 'figure_values', ids: [r.id] },
    });
  }
  return { org: named, period, figures };
}
