import type { Ctx } from '../../context.js';
import { parsePeriod } from '../../shared/period.js';
import { parseInput } from '../../shared/validation.js';
import { readScoped } from '../access/scope.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { presentFigureSet, selectFigureSets, valuesOf } from './figure-set-records.js';
import { FIGURE_SET_LABELS, figureSetListQuery, type FigureSetListQuery, type FigureSetPageView } from './figure-sets.schema.js';

/**
 * Figure sets entered in an organization's subtree (or everything the caller sees), newest period first and, within
 * a period, the latest entered first (the one the figures use). `period` lists the sets whose period lies inside it
 * (2026 lists the year's, halves', quarters' and months' sets); `source` is the source department as entered;
 * `indicator` keeps the sets holding a value of that catalog id. Each set comes with its values.
 */
export async function findFigureSets(ctx: Ctx, raw: FigureSetListQuery): Promise<FigureSetPageView> {
  const q = parseInput(figureSetListQuery, raw, FIGURE_SET_LABELS);
  const period = q.period !== undefined ? parsePeriod(q.period) : null;
  const org = q.org !== undefined ? await getOrgRow(ctx, q.org, 'org') : null;
  const filter = <T extends ReturnType<typeof selectFigureSets> | ReturnType<typeof countSets>>(qb: T): T => {
    let b = qb as ReturnType<typeof selectFigureSets>;
    b = org ? b.where('o.path', '>=', org.path).where('o.path', '<', subtreeUpperBound(org.path)) : b.$call(readScoped(ctx, 'o.path'));
    if (period) b = b.where('s.period_start', '>=', period.start).where('s.period_end', '<=', period.end);
    if (q.source) b = b.where('s.source_department', '=', q.source);
    if (q.indicator) {
      const indicator = q.indicator;
      b = b.where((eb) =>
        eb.exists(eb.selectFrom('figure_values as v').select('v.id').whereRef('v.set_id', '=', 's.id').where('v.indicator_id', '=', indicator)),
      );
    }
    return b as T;
  };
  const [rows, count] = await Promise.all([
    filter(selectFigureSets(ctx))
      .orderBy('s.period_start', 'desc')
      .orderBy('s.period_end', 'desc')
      .orderBy('s.entered_on', 'desc')
      .orderBy('s.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    filter(countSets(ctx)).executeTakeFirstOrThrow(),
  ]);
  const values = await valuesOf(ctx, rows.map((r) => r.id));
  return { total: Number(count.n), items: rows.map((r) => presentFigureSet(r, values.get(r.id) ?? [])) };
}

function countSets(ctx: Ctx) {
  return ctx.db
    .selectFrom('figure_sets as s')
    .innerJoin('organizations as o', 'o.id', 's.org_id')
    .select((eb) => eb.fn.countAll<number>().as('n'));
}
