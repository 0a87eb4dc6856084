import type { Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { readScoped } from '../access/scope.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { presentWeakCase, selectWeakCases } from './weak-case-records.js';
import { RATING_LABELS, weakCaseListQuery, type WeakCaseListQuery, type WeakCasePageView } from './ratings.schema.js';

/** 软弱涣散 cases of an organization's subtree (or all the caller sees), newest first, by year, status and source. */
export async function findWeakCases(ctx: Ctx, raw: WeakCaseListQuery): Promise<WeakCasePageView> {
  const q = parseInput(weakCaseListQuery, raw, RATING_LABELS);
  const org = q.org !== undefined ? await getOrgRow(ctx, q.org, 'org') : null;
  const filter = (b: ReturnType<typeof selectWeakCases>) => {
    b = org ? b.where('o.path', '>=', org.path).where('o.path', '<', subtreeUpperBound(org.path)) : b.$call(readScoped(ctx, 'o.path'));
    if (q.year !== undefined) b = b.where('w.year', '=', q.year);
    if (q.status !== undefined) b = b.where('w.status', '=', q.status);
    if (q.source !== undefined) b = b.where('w.source', '=', q.source);
    return b;
  };
  const [rows, count] = await Promise.all([
    filter(selectWeakCases(ctx)).orderBy('w.flagged_on', 'desc').orderBy('w.id', 'desc').limit(q.limit).offset(q.offset).execute(),
    filter(selectWeakCases(ctx)).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const today = ctx.clock.today();
  return { total: Number(count.n), items: rows.map((r) => presentWeakCase(r, today)) };
}
