import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { readScoped } from '../access/scope.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { presentProblem, selectProblems } from './problem-records.js';
import { INSPECTION_LABELS, problemListQuery, type ProblemListQuery, type ProblemPageView } from './inspections.schema.js';

/**
 * Problems of an organization's subtree (or everything the caller sees), by source, category, status (or 逾期:
 * not 已销号 and past the deadline today), round and finding dates; overdue first by deadline for 逾期, else newest
 * first. A round's id filters its problems whether or not the caller sees the round itself.
 */
export async function findProblems(ctx: Ctx, raw: ProblemListQuery): Promise<ProblemPageView> {
  const q = parseInput(problemListQuery, raw, INSPECTION_LABELS);
  const org = q.org !== undefined ? await getOrgRow(ctx, q.org, 'org') : null;
  const today = ctx.clock.today();
  const overdue = q.status === '逾期' || q.status === 'overdue';
  const filter = <T extends ReturnType<typeof selectProblems>>(qb: T): T => {
    let b = qb as ReturnType<typeof selectProblems>;
    b = org ? b.where('o.path', '>=', org.path).where('o.path', '<', subtreeUpperBound(org.path)) : b.$call(readScoped(ctx, 'o.path'));
    if (q.source) b = b.where('p.source', '=', q.source);
    if (q.category) b = b.where('p.category', '=', q.category);
    if (overdue) b = b.where('p.status', '<>', '已销号').where('p.deadline', '<', today);
    else if (q.status) b = b.where('p.status', '=', q.status);
    if (q.inspection !== undefined) b = b.where('p.inspection_id', '=', q.inspection);
    if (q.from) b = b.where('p.found_on', '>=', q.from);
    if (q.to) b = b.where('p.found_on', '<=', q.to);
    return b as T;
  };
  let list = filter(selectProblems(ctx));
  list = overdue ? list.orderBy('p.deadline').orderBy('p.id') : list.orderBy('p.found_on', 'desc').orderBy('p.id', 'desc');
  const [rows, count] = await Promise.all([
    list.limit(q.limit).offset(q.offset).execute(),
    filter(selectProblems(ctx)).clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items: rows.map((r) => presentProblem(r, today)) };
}
