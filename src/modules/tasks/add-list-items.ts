import { inTransaction, type Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { getList } from './find-lists.js';
import { checkItems, insertItems } from './list-items-write.js';
import { loadWritableList } from './list-records.js';
import { TASK_LABELS, listItemsInput, type ListDetail, type ListItemsInput } from './tasks.schema.js';

/** Appends items to a list, numbered after its last one, in the order given. */
export async function addListItems(ctx: Ctx, listId: number, raw: ListItemsInput): Promise<ListDetail> {
  const input = parseInput(listItemsInput, raw, TASK_LABELS);
  checkItems(input.items);
  return inTransaction(ctx, async (tx) => {
    const list = await loadWritableList(tx, listId);
    const last = await tx.db
      .selectFrom('list_items')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('list_id', '=', listId)
      .executeTakeFirst();
    await insertItems(tx, list, input.items, Number(last?.seq ?? 0) + 1);
    return getList(tx, listId);
  });
}
