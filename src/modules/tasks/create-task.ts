import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues, type FieldIssue } from '../../shared/errors.js';
import { issue, parseInput } from '../../shared/validation.js';
import { assertWritable } from '../access/scope.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { getOrgRow, orgNotFound } from '../orgs/find-orgs.js';
import { getTask } from './get-task.js';
import { loadItem } from './list-records.js';
import { auditableTask } from './task-records.js';
import { checkTaskState } from './task-rules.js';
import { TASK_LABELS, taskInput, type TaskDetail, type TaskInput } from './tasks.schema.js';

/** The issue when a task's responsible organization is outside the assigning organization's (or the list's) subtree. */
export function checkResponsible(
  responsible: { path: string; name: string },
  assigning: { path: string; name: string },
  item: { id: number; org_path: string } | null,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!responsible.path.startsWith(assigning.path)) {
    issues.push(issue('FIELD_INVALID', 'orgCode', `组织代码：责任组织${responsible.name}不是交办组织${assigning.name}本身或其下级组织`));
  }
  if (item && !responsible.path.startsWith(item.org_path)) {
    issues.push(issue('FIELD_INVALID', 'itemId', `清单事项编号：事项 ${item.id} 所在清单的组织不包括责任组织${responsible.name}`));
  }
  return issues;
}

/**
 * Assigns a task (任务、督办事项) to an organization in the assigning organization's subtree and a named person,
 * optionally broken down from a list item. The organizations and the item are looked up first (each outside the
 * caller's scope "not found"), then the fields are checked together, then the caller's right to change the
 * assigning organization's records.
 */
export async function createTask(ctx: Ctx, raw: TaskInput): Promise<TaskDetail> {
  const input = parseInput(taskInput, raw, TASK_LABELS);
  return inTransaction(ctx, async (tx) => {
    const assigning = await getOrgRow(tx, input.assignedByCode, 'assignedByCode');
    const responsible = await getOrgRow(tx, input.orgCode, 'orgCode');
    const item = input.itemId ? await loadItem(tx, input.itemId, 'itemId') : null;
    const completedOn = input.completedOn ?? null;
    throwIfIssues([
      ...checkResponsible(responsible, assigning, item),
      ...checkTaskState({ startOn: input.startOn, deadline: input.deadline, status: input.status, completedOn }, tx.clock.today()),
    ]);
    assertWritable(tx, assigning.path, () => orgNotFound(assigning.code, 'assignedByCode'));

    const now = tx.clock.nowIso();
    const row = await tx.db
      .insertInto('tasks')
      .values({
        org_id: responsible.id,
        item_id: item?.id ?? null,
        assigned_by_org_id: assigning.id,
        title: input.title,
        category: input.category ?? null,
        owner_name: input.ownerName,
        start_on: input.startOn,
        deadline: input.deadline,
        status: input.status,
        completed_on: completedOn,
        note: input.note ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await getTask(tx, row.id);
    await appendAudit(tx, { action: 'create', recordType: 'task', recordId: row.id, orgId: responsible.id, changes: diff(null, auditableTask(created)) });
    return created;
  });
}
