import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { getTask } from './get-task.js';
import { auditableTask, loadTaskFor, presentTask } from './task-records.js';
import { checkTaskState, isOpen } from './task-rules.js';
import { TASK_LABELS, taskCompleteInput, type TaskCompleteInput, type TaskDetail } from './tasks.schema.js';

export function taskClosed(id: number, status: string): AppError {
  const message = `任务 ${id} ${status}，不能再报告进展、督办或标记完成（交办组织可改回进行中）`;
  return new AppError('TASK_CLOSED', message, [{ code: 'TASK_CLOSED', field: 'id', message }]);
}

/**
 * Marks a task complete (已完成) by the responsible side, on a date from its start to today; after the deadline it
 * stands as completed late (逾期完成). A task already completed or cancelled is refused (TASK_CLOSED, 409).
 */
export async function completeTask(ctx: Ctx, id: number, raw: TaskCompleteInput): Promise<TaskDetail> {
  const input = parseInput(taskCompleteInput, raw, TASK_LABELS);
  return inTransaction(ctx, async (tx) => {
    const row = await loadTaskFor(tx, id, 'responsible');
    if (!isOpen(row.status)) throw taskClosed(id, row.status);
    const before = presentTask(row, tx.clock.today());
    throwIfIssues(checkTaskState({ startOn: row.start_on, deadline: row.deadline, status: '已完成', completedOn: input.completedOn }, tx.clock.today()));
    await tx.db.updateTable('tasks').set({ status: '已完成', completed_on: input.completedOn, updated_at: tx.clock.nowIso() }).where('id', '=', id).execute();
    const after = await getTask(tx, id);
    await appendAudit(tx, { action: 'update', recordType: 'task', recordId: id, orgId: row.org_id, changes: diff(auditableTask(before), auditableTask(after)), note: '标记完成' });
    return after;
  });
}
