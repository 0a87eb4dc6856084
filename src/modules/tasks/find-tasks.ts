import type { Ctx } from '../../context.js';
import { addDays } from '../../shared/dates.js';
import { AppError } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { readScoped } from '../access/scope.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { presentTask, selectTasks } from './task-records.js';
import { OPEN_STATUSES } from './task-rules.js';
import { TASK_LABELS, openTasksQuery, taskQuery, type OpenTasksQuery, type OpenTasksView, type TaskPageView, type TaskQuery } from './tasks.schema.js';

/**
 * Tasks whose responsible organization is in an organization's subtree (or everything the caller sees), by deadline:
 * filtered by the assigning organization, year (the task's start-to-deadline span meets the year), status — 未完成
 * for 未开始 and 进行中 together, 逾期 for those past their deadline today — category, list item and deadline range.
 */
export async function findTasks(ctx: Ctx, raw: TaskQuery): Promise<TaskPageView> {
  const q = parseInput(taskQuery, raw, TASK_LABELS);
  const org = q.org !== undefined ? await getOrgRow(ctx, q.org, 'org') : null;
  const by = q.assignedBy !== undefined ? await getOrgRow(ctx, q.assignedBy, 'assignedBy') : null;
  const today = ctx.clock.today();
  const filter = <T extends ReturnType<typeof selectTasks> | ReturnType<typeof countTasksQuery>>(qb: T): T => {
    let b = qb as ReturnType<typeof selectTasks>;
    b = org ? b.where('o.path', '>=', org.path).where('o.path', '<', subtreeUpperBound(org.path)) : b.$call(readScoped(ctx, 'o.path'));
    if (by) b = b.where('t.assigned_by_org_id', '=', by.id);
    if (q.year !== undefined) b = b.where('t.start_on', '<=', `${q.year}-12-31`).where('t.deadline', '>=', `${q.year}-01-01`);
    if (q.status === '逾期') b = b.where('t.status', 'in', OPEN_STATUSES).where('t.deadline', '<', today);
    else if (q.status === '未完成') b = b.where('t.status', 'in', OPEN_STATUSES);
    else if (q.status) b = b.where('t.status', '=', q.status);
    if (q.category) b = b.where('t.category', '=', q.category);
    if (q.itemId !== undefined) b = b.where('t.item_id', '=', q.itemId);
    if (q.from) b = b.where('t.deadline', '>=', q.from);
    if (q.to) b = b.where('t.deadline', '<=', q.to);
    return b as T;
  };
  const [rows, count] = await Promise.all([
    filter(selectTasks(ctx)).orderBy('t.deadline').orderBy('t.id').limit(q.limit).offset(q.offset).execute(),
    filter(countTasksQuery(ctx)).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items: rows.map((r) => presentTask(r, today)) };
}

function countTasksQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('tasks as t')
    .innerJoin('organizations as o', 'o.id', 't.org_id')
    .select((eb) => eb.fn.countAll<number>().as('n'));
}

/**
 * An organization's own open tasks (it is the responsible one; not its subordinates'): overdue first, then by
 * deadline, each due within `days` marked 临期. Without `org`, the caller's own organization.
 */
export async function openTasks(ctx: Ctx, raw: OpenTasksQuery): Promise<OpenTasksView> {
  const q = parseInput(openTasksQuery, raw, TASK_LABELS);
  let code = q.org;
  if (code === undefined) {
    if (ctx.actor.kind !== 'user') {
      const message = '缺少必填项：组织代码（命令行须指明组织）';
      throw new AppError('FIELD_REQUIRED', message, [{ code: 'FIELD_REQUIRED', field: 'org', message }]);
    }
    const own = await ctx.db.selectFrom('organizations').select('code').where('id', '=', ctx.actor.orgId).executeTakeFirstOrThrow();
    code = own.code;
  }
  const org = await getOrgRow(ctx, code, 'org');
  const today = ctx.clock.today();
  const soon = addDays(today, q.days);
  const rows = await selectTasks(ctx).where('t.org_id', '=', org.id).where('t.status', 'in', OPEN_STATUSES).orderBy('t.deadline').orderBy('t.id').execute();
  const items = rows.map((r) => {
    const t = presentTask(r, today);
    return { ...t, dueSoon: !t.overdue && t.deadline <= soon };
  });
  const overdue = items.filter((t) => t.overdue).length;
  const dueSoon = items.filter((t) => t.dueSoon).length;
  return {
    org: { code: org.code, name: org.name },
    today,
    days: q.days,
    counts: { overdue, dueSoon, later: items.length - overdue - dueSoon },
    items,
  };
}
