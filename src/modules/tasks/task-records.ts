/**
 * Reading tasks: one select with the responsible and the assigning organization and the latest progress, the view,
 * and the lookups the writes share. A task is seen by whoever sees its responsible organization (tasks.org_id): the
 * assigning organization is always above it, so the assigning side sees it too.
 */
import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import type { TaskStatus } from '../../shared/vocab.js';
import { accessOf, canWrite } from '../access/actor.js';
import { isReadable } from '../access/scope.js';
import { overdueOf } from './task-rules.js';
import type { TaskEventView, TaskView } from './tasks.schema.js';

export function selectTasks(ctx: Ctx) {
  return ctx.db
    .selectFrom('tasks as t')
    .innerJoin('organizations as o', 'o.id', 't.org_id')
    .innerJoin('organizations as a', 'a.id', 't.assigned_by_org_id')
    .leftJoin('list_items as li', 'li.id', 't.item_id')
    .select((eb) => [
      't.id', 't.org_id', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path', 't.assigned_by_org_id',
      'a.code as assigned_by_code', 'a.name as assigned_by_name', 'a.path as assigned_by_path', 't.item_id', 'li.list_id',
      't.title', 't.category', 't.owner_name', 't.start_on', 't.deadline', 't.status', 't.completed_on', 't.note',
      eb
        .selectFrom('task_events as e')
        .select('e.percent')
        .whereRef('e.task_id', '=', 't.id')
        .where('e.kind', '=', '进展')
        .where('e.percent', 'is not', null)
        .orderBy('e.happened_on', 'desc')
        .orderBy('e.id', 'desc')
        .limit(1)
        .as('percent'),
    ]);
}

export type TaskRow = Awaited<ReturnType<ReturnType<typeof selectTasks>['executeTakeFirstOrThrow']>>;

export function presentTask(r: TaskRow, today: string): TaskView {
  return {
    id: r.id,
    orgCode: r.org_code,
    orgName: r.org_name,
    assignedByCode: r.assigned_by_code,
    assignedByName: r.assigned_by_name,
    itemId: r.item_id,
    listId: r.list_id,
    title: r.title,
    category: r.category,
    ownerName: r.owner_name,
    startOn: r.start_on,
    deadline: r.deadline,
    status: r.status as TaskStatus,
    completedOn: r.completed_on,
    ...overdueOf({ status: r.status, deadline: r.deadline, completedOn: r.completed_on }, today),
    percent: r.percent === null || r.percent === undefined ? null : Number(r.percent),
    note: r.note,
  };
}

export function taskNotFound(id: number): AppError {
  const message = `任务 ${id} 不存在`;
  return new AppError('TASK_NOT_FOUND', message, [{ code: 'TASK_NOT_FOUND', field: 'id', message }]);
}

/** A task the caller sees (TASK_NOT_FOUND otherwise, exactly as for a missing one). */
export async function loadTask(ctx: Ctx, id: number): Promise<TaskRow> {
  const row = await selectTasks(ctx).where('t.id', '=', id).executeTakeFirst();
  if (!row || !isReadable(ctx, row.org_path)) throw taskNotFound(id);
  return row;
}

export type TaskSide = 'assigning' | 'responsible';

/**
 * A task the caller may act on from one side: the assigning organization's writers edit, cancel and supervise; the
 * responsible organization's writers report progress and complete it. The task is seen, so refusal is
 * PERMISSION_DENIED (never "not found").
 */
export async function loadTaskFor(ctx: Ctx, id: number, side: TaskSide): Promise<TaskRow> {
  const row = await loadTask(ctx, id);
  const access = accessOf(ctx.actor);
  if (canWrite(access, side === 'assigning' ? row.assigned_by_path : row.org_path)) return row;
  const message = !access.canWrite
    ? '您的角色只能查看，不能修改'
    : side === 'assigning'
      ? `只有交办组织（${row.assigned_by_name}）可以修改、取消任务或督办`
      : `只有责任组织（${row.org_name}）可以报告进展或标记完成`;
  throw new AppError('PERMISSION_DENIED', message, [{ code: 'PERMISSION_DENIED', field: 'id', message }]);
}

export async function getTaskView(ctx: Ctx, id: number): Promise<TaskView> {
  return presentTask(await loadTask(ctx, id), ctx.clock.today());
}

export function presentEvent(e: { id: number; task_id: number; kind: string; happened_on: string; content: string; percent: number | null; actor: string }): TaskEventView {
  return { id: e.id, taskId: e.task_id, kind: e.kind, happenedOn: e.happened_on, content: e.content, percent: e.percent, actor: e.actor };
}

/** The fields of a task as the audit log records them. */
export function auditableTask(v: TaskView): Record<string, unknown> {
  return {
    orgCode: v.orgCode,
    assignedByCode: v.assignedByCode,
    itemId: v.itemId,
    title: v.title,
    category: v.category,
    ownerName: v.ownerName,
    startOn: v.startOn,
    deadline: v.deadline,
    status: v.status,
    completedOn: v.completedOn,
    note: v.note,
  };
}
