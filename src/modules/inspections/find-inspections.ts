import type { Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { PROBLEM_STATUSES } from '../../shared/vocab.js';
import { readScoped } from '../access/scope.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { loadInspection, presentInspection, selectInspections, targetsOf } from './inspection-records.js';
import { presentProblem, selectProblems } from './problem-records.js';
import {
  INSPECTION_LABELS,
  inspectionListQuery,
  type InspectionDetailView,
  type InspectionListQuery,
  type InspectionPageView,
} from './inspections.schema.js';

/**
 * Rounds conducted in an organization's subtree (or everything the caller sees), newest first, by kind and by the
 * dates they started; each with its targets (one more query for the page).
 */
export async function findInspections(ctx: Ctx, raw: InspectionListQuery): Promise<InspectionPageView> {
  const q = parseInput(inspectionListQuery, raw, INSPECTION_LABELS);
  const org = q.org !== undefined ? await getOrgRow(ctx, q.org, 'org') : null;
  const filter = <T extends ReturnType<typeof selectInspections>>(qb: T): T => {
    let b = qb as ReturnType<typeof selectInspections>;
    b = org ? b.where('o.path', '>=', org.path).where('o.path', '<', subtreeUpperBound(org.path)) : b.$call(readScoped(ctx, 'o.path'));
    if (q.kind) b = b.where('i.kind', '=', q.kind);
    if (q.from) b = b.where('i.start_on', '>=', q.from);
    if (q.to) b = b.where('i.start_on', '<=', q.to);
    return b as T;
  };
  const [rows, count] = await Promise.all([
    filter(selectInspections(ctx)).orderBy('i.start_on', 'desc').orderBy('i.id', 'desc').limit(q.limit).offset(q.offset).execute(),
    filter(selectInspections(ctx))
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const targets = await targetsOf(ctx, rows.map((r) => r.id));
  return { total: Number(count.n), items: rows.map((r) => presentInspection(r, targets.get(r.id) ?? [])) };
}

/**
 * A round with its targets, the problems registered from it (those the caller sees), and their counts by status
 * (逾期: not 已销号 and past the deadline today).
 */
export async function getInspection(ctx: Ctx, id: number): Promise<InspectionDetailView> {
  const row = await loadInspection(ctx, id);
  const today = ctx.clock.today();
  const [targets, problemRows] = await Promise.all([
    targetsOf(ctx, [id]),
    selectProblems(ctx).where('p.inspection_id', '=', id).$call(readScoped(ctx, 'o.path')).orderBy('o.path').orderBy('p.id').execute(),
  ]);
  const problems = problemRows.map((p) => presentProblem(p, today));
  const counts = Object.fromEntries(PROBLEM_STATUSES.map((s) => [s, problems.filter((p) => p.status === s).length])) as Record<
    (typeof PROBLEM_STATUSES)[number],
    number
  >;
  return {
    ...presentInspection(row, targets.get(id) ?? []),
    problems,
    statusCounts: { ...counts, 逾期: problems.filter((p) => p.overdue).length, total: problems.length },
  };
}
