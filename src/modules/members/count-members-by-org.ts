import type { Ctx } from '../../context.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { readScoped } from '../access/scope.js';

/** Members on the roll of each organization (not of its subtree), for the organizations under `rootPath`: one grouped query. */
export async function countMembersByOrg(ctx: Ctx, rootPath?: string): Promise<Map<number, number>> {
  let q = ctx.db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select(['m.org_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('m.left_on', 'is', null)
    .groupBy('m.org_id');
  if (rootPath) q = q.where('o.path', '>=', rootPath).where('o.path', '<', subtreeUpperBound(rootPath));
  else q = q.$call(readScoped(ctx, 'o.path'));
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.org_id, Number(r.n)]));
}

/** Adds each organization's own count to every ancestor's total, using the paths ('/1/17/230/'). */
export function subtreeTotals(orgs: { id: number; path: string }[], own: Map<number, number>): Map<number, number> {
  const totals = new Map<number, number>(orgs.map((o) => [o.id, 0]));
  for (const o of orgs) {
    const n = own.get(o.id) ?? 0;
    if (n === 0) continue;
    for (const part of o.path.split('/')) {
      if (!part) continue;
      const id = Number(part);
      if (totals.has(id)) totals.set(id, totals.get(id)! + n);
    }
  }
  return totals;
}
