import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { checkResponsible } from './create-task.js';
import { getTask } from './get-task.js';
import { loadItem } from './list-records.js';
import { auditableTask, loadTaskFor, presentTask } from './task-records.js';
import { checkTaskState } from './task-rules.js';
import { TASK_LABELS, taskPatch, type TaskDetail, type TaskPatch } from './tasks.schema.js';

/**
 * Corrects a task by the assigning side: its item, title, category, owner, dates, note, and its status — 已取消 to
 * cancel it, 未开始/进行中 to reopen one (a completion date is then cleared), 已完成 with a completion date. The
 * organizations themselves are not changed here.
 */
export async function updateTask(ctx: Ctx, id: number, raw: TaskPatch): Promise<TaskDetail> {
  const patch = parseInput(taskPatch, raw, TASK_LABELS);
  return inTransaction(ctx, async (tx) => {
    const row = await loadTaskFor(tx, id, 'assigning');
    const before = presentTask(row, tx.clock.today());
    const item = patch.itemId ? await loadItem(tx, patch.itemId, 'itemId') : null;
    const status = patch.status ?? before.status;
    const completedOn = patch.completedOn !== undefined ? patch.completedOn : status === '已完成' ? before.completedOn : null;
    const startOn = patch.startOn ?? before.startOn;
    const deadline = patch.deadline ?? before.deadline;
    throwIfIssues([
      ...checkResponsible({ path: row.org_path, name: row.org_name }, { path: row.assigned_by_path, name: row.assigned_by_name }, item),
      ...checkTaskState({ startOn, deadline, status, completedOn }, tx.clock.today()),
    ]);
    await tx.db
      .updateTable('tasks')
      .set({
        ...(patch.itemId !== undefined && { item_id: patch.itemId }),
        ...(patch.title !== undefined && { title: patch.title }),
        ...(patch.category !== undefined && { category: patch.category }),
        ...(patch.ownerName !== undefined && { owner_name: patch.ownerName }),
        ...(patch.note !== undefined && { note: patch.note }),
        start_on: startOn,
        deadline,
        status,
        completed_on: completedOn,
        updated_at: tx.clock.nowIso(),
      })
      .where('id', '=', id)
      .execute();
    const after = await getTask(tx, id);
    const note = status !== before.status ? `状态：${before.status} → ${status}` : null;
    await appendAudit(tx, { action: 'update', recordType: 'task', recordId: id, orgId: row.org_id, changes: diff(auditableTask(before), auditableTask(after)), note });
    return after;
  });
}
