import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { assertWritable } from '../access/scope.js';
import { auditableItem, listItemNotFound, loadItem, presentItem } from './list-records.js';
import { checkListItemTarget } from './task-rules.js';
import { TASK_LABELS, listItemPatch, type ListItemPatch, type ListItemView } from './tasks.schema.js';

/** Corrects an item of a list: its content, category or planned target (its number stays). */
export async function updateListItem(ctx: Ctx, listId: number, itemId: number, raw: ListItemPatch): Promise<ListItemView> {
  const patch = parseInput(listItemPatch, raw, TASK_LABELS);
  return inTransaction(ctx, async (tx) => {
    const row = await loadItem(tx, itemId, 'itemId');
    if (row.list_id !== listId) throw listItemNotFound(itemId, 'itemId');
    assertWritable(tx, row.org_path, () => listItemNotFound(itemId, 'itemId'));
    const before = presentItem(row);
    const targetValue = patch.targetValue !== undefined ? patch.targetValue : before.targetValue;
    const targetUnit = patch.targetUnit !== undefined ? patch.targetUnit : before.targetUnit;
    throwIfIssues(checkListItemTarget({ targetValue, targetUnit }));
    await tx.db
      .updateTable('list_items')
      .set({
        ...(patch.content !== undefined && { content: patch.content }),
        ...(patch.category !== undefined && { category: patch.category }),
        ...(patch.targetValue !== undefined && { target_value: patch.targetValue }),
        ...(patch.targetUnit !== undefined && { target_unit: patch.targetUnit }),
        updated_at: tx.clock.nowIso(),
      })
      .where('id', '=', itemId)
      .execute();
    const after = presentItem(await loadItem(tx, itemId));
    await appendAudit(tx, { action: 'update', recordType: 'list_item', recordId: itemId, orgId: row.org_id, changes: diff(auditableItem(before), auditableItem(after)) });
    return after;
  });
}
