import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { actorName } from '../access/actor.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { taskClosed } from './complete-task.js';
import { getTask } from './get-task.js';
import { loadTaskFor } from './task-records.js';
import { checkTaskEvent, isOpen } from './task-rules.js';
import { TASK_LABELS, taskEventInput, type TaskDetail, type TaskEventInput } from './tasks.schema.js';

/**
 * Records an event on an open task, by the caller's name: a progress report (进展, with an optional percent) by the
 * responsible side — the first one moves a task not yet started to 进行中 — or a supervision note (督办, 催办, 约谈,
 * 提醒) by the assigning side. Dated from the task's start to today; a completed or cancelled task takes none
 * (TASK_CLOSED).
 */
export async function recordTaskEvent(ctx: Ctx, taskId: number, raw: TaskEventInput): Promise<TaskDetail> {
  const input = parseInput(taskEventInput, raw, TASK_LABELS);
  return inTransaction(ctx, async (tx) => {
    const row = await loadTaskFor(tx, taskId, input.kind === '进展' ? 'responsible' : 'assigning');
    if (!isOpen(row.status)) throw taskClosed(taskId, row.status);
    const percent = input.percent ?? null;
    throwIfIssues(checkTaskEvent({ kind: input.kind, happenedOn: input.happenedOn, percent }, row.start_on, tx.clock.today()));
    const now = tx.clock.nowIso();
    const event = await tx.db
      .insertInto('task_events')
      .values({
        org_id: row.org_id,
        task_id: taskId,
        kind: input.kind,
        happened_on: input.happenedOn,
        content: input.content,
        percent,
        actor: actorName(tx.actor),
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      action: 'create',
      recordType: 'task_event',
      recordId: event.id,
      orgId: row.org_id,
      changes: diff(null, { taskId, kind: input.kind, happenedOn: input.happenedOn, content: input.content, percent }),
    });
    if (input.kind === '进展' && row.status === '未开始') {
      await tx.db.updateTable('tasks').set({ status: '进行中', updated_at: now }).where('id', '=', taskId).execute();
      await appendAudit(tx, { action: 'update', recordType: 'task', recordId: taskId, orgId: row.org_id, changes: { status: ['未开始', '进行中'] }, note: '报告进展' });
    }
    return getTask(tx, taskId);
  });
}
