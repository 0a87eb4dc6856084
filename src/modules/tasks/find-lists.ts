import type { Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { readScoped } from '../access/scope.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { loadList, presentItem, presentList, selectLists } from './list-records.js';
import { presentTask, selectTasks } from './task-records.js';
import { TASK_LABELS, listQuery, type ListDetail, type ListPageView, type ListQuery, type TaskCounts, type TaskView } from './tasks.schema.js';

/** Status counts of tasks: each status, and the derived overdue (open past deadline) and completed late. */
export function countTasks(tasks: TaskView[]): TaskCounts {
  return {
    total: tasks.length,
    notStarted: tasks.filter((t) => t.status === '未开始').length,
    inProgress: tasks.filter((t) => t.status === '进行中').length,
    completed: tasks.filter((t) => t.status === '已完成').length,
    cancelled: tasks.filter((t) => t.status === '已取消').length,
    overdue: tasks.filter((t) => t.overdue).length,
    completedLate: tasks.filter((t) => t.completedLate).length,
  };
}

/**
 * A list with its items in order and, per item, the tasks broken down from it that the caller sees (by deadline) and
 * their status counts. Three queries, however long the list.
 */
export async function getList(ctx: Ctx, id: number): Promise<ListDetail> {
  const list = presentList(await loadList(ctx, id));
  const [items, taskRows] = await Promise.all([
    ctx.db
      .selectFrom('list_items')
      .select(['id', 'list_id', 'seq', 'content', 'category', 'target_value', 'target_unit'])
      .where('list_id', '=', id)
      .orderBy('seq')
      .execute(),
    selectTasks(ctx).where('li.list_id', '=', id).$call(readScoped(ctx, 'o.path')).orderBy('t.deadline').orderBy('t.id').execute(),
  ]);
  const today = ctx.clock.today();
  const tasks = taskRows.map((r) => presentTask(r, today));
  return {
    ...list,
    itemCount: items.length,
    items: items.map((i) => {
      const own = tasks.filter((t) => t.itemId === i.id);
      return { ...presentItem(i), tasks: own, counts: countTasks(own) };
    }),
    counts: countTasks(tasks),
  };
}

/** Lists of an organization's subtree (or everything the caller sees), newest year first, filtered by year and kind. */
export async function findLists(ctx: Ctx, raw: ListQuery): Promise<ListPageView> {
  const q = parseInput(listQuery, raw, TASK_LABELS);
  const org = q.org !== undefined ? await getOrgRow(ctx, q.org, 'org') : null;
  const filter = <T extends ReturnType<typeof selectLists> | ReturnType<typeof countLists>>(qb: T): T => {
    let b = qb as ReturnType<typeof selectLists>;
    b = org ? b.where('o.path', '>=', org.path).where('o.path', '<', subtreeUpperBound(org.path)) : b.$call(readScoped(ctx, 'o.path'));
    if (q.year !== undefined) b = b.where('l.year', '=', q.year);
    if (q.kind) b = b.where('l.kind', '=', q.kind);
    return b as T;
  };
  const [rows, count] = await Promise.all([
    filter(selectLists(ctx)).orderBy('l.year', 'desc').orderBy('o.path').orderBy('l.id').limit(q.limit).offset(q.offset).execute(),
    filter(countLists(ctx)).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items: rows.map(presentList) };
}

function countLists(ctx: Ctx) {
  return ctx.db
    .selectFrom('responsibility_lists as l')
    .innerJoin('organizations as o', 'o.id', 'l.org_id')
    .select((eb) => eb.fn.countAll<number>().as('n'));
}
