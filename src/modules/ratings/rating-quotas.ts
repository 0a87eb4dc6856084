/**
 * The quota check (等次比例): within a superior's subtree, for a year and a scheme, the share of the decided
 * organizations holding each grade that has a quota — one grouped query. A warning, never a block.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { checkQuotas, type QuotaCheck } from './rating-grade.js';
import type { SchemeView } from './ratings.schema.js';

export async function quotaChecks(ctx: Ctx, q: { root: string | null; where: string; year: number; scheme: SchemeView }): Promise<QuotaCheck[]> {
  if (q.scheme.config.quotas.length === 0) return [];
  let b = ctx.db
    .selectFrom('ratings as r')
    .innerJoin('organizations as o', 'o.id', 'r.org_id')
    .select(['r.final_grade', sql<number>`count(*)`.as('n')])
    .where('r.year', '=', q.year)
    .where('r.scheme_code', '=', q.scheme.code)
    .where('r.decided_on', 'is not', null)
    .groupBy('r.final_grade');
  if (q.root !== null) b = b.where('o.path', '>=', q.root).where('o.path', '<', subtreeUpperBound(q.root));
  const rows = await b.execute();
  const counts = new Map<string, number>();
  let decided = 0;
  for (const r of rows) {
    decided += Number(r.n);
    if (r.final_grade !== null) counts.set(r.final_grade, Number(r.n));
  }
  return checkQuotas(q.scheme.config, counts, decided, q.where);
}

/** The path of the organization above the one at `path` ('/1/17/230/' → '/1/17/'), or null at the top. */
export function parentPath(path: string): string | null {
  const cut = path.lastIndexOf('/', path.length - 2);
  return cut <= 0 ? null : path.slice(0, cut + 1);
}
