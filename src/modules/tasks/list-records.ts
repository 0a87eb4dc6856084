/**
 * Reading responsibility lists and their items: the select with the organization and the item count, the views,
 * and the lookups the writes share (a list the caller sees, one the caller may change, an item of a list).
 */
import type { Ctx } from '../../context.js';
import type { ListItemsTable } from '../../db/schema.js';
import { AppError } from '../../shared/errors.js';
import { assertWritable, isReadable } from '../access/scope.js';
import type { ListItemView, ListView } from './tasks.schema.js';

export function selectLists(ctx: Ctx) {
  return ctx.db
    .selectFrom('responsibility_lists as l')
    .innerJoin('organizations as o', 'o.id', 'l.org_id')
    .select((eb) => [
      'l.id', 'l.org_id', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path', 'l.year', 'l.kind', 'l.title',
      'l.issued_on', 'l.note',
      eb.selectFrom('list_items as i').select((e) => e.fn.countAll<number>().as('n')).whereRef('i.list_id', '=', 'l.id').as('item_count'),
    ]);
}

export type ListRow = Awaited<ReturnType<ReturnType<typeof selectLists>['executeTakeFirstOrThrow']>>;

export function presentList(r: ListRow): ListView {
  return {
    id: r.id,
    orgCode: r.org_code,
    orgName: r.org_name,
    year: Number(r.year),
    kind: r.kind,
    title: r.title,
    issuedOn: r.issued_on,
    note: r.note,
    itemCount: Number(r.item_count ?? 0),
  };
}

type ItemRow = Pick<ListItemsTable, 'list_id' | 'seq' | 'content' | 'category' | 'target_value' | 'target_unit'> & { id: number };

export function presentItem(r: ItemRow): ListItemView {
  return {
    id: r.id,
    listId: r.list_id,
    seq: Number(r.seq),
    content: r.content,
    category: r.category,
    targetValue: r.target_value === null ? null : Number(r.target_value),
    targetUnit: r.target_unit,
  };
}

export function listNotFound(id: number): AppError {
  const message = `清单 ${id} 不存在`;
  return new AppError('LIST_NOT_FOUND', message, [{ code: 'LIST_NOT_FOUND', field: 'id', message }]);
}

export function listItemNotFound(id: number, field = 'itemId'): AppError {
  const message = `清单事项 ${id} 不存在`;
  return new AppError('LIST_ITEM_NOT_FOUND', message, [{ code: 'LIST_ITEM_NOT_FOUND', field, message }]);
}

/** A list the caller sees (LIST_NOT_FOUND otherwise, exactly as for a missing one). */
export async function loadList(ctx: Ctx, id: number): Promise<ListRow> {
  const row = await selectLists(ctx).where('l.id', '=', id).executeTakeFirst();
  if (!row || !isReadable(ctx, row.org_path)) throw listNotFound(id);
  return row;
}

/** A list the caller may change: LIST_NOT_FOUND outside what the caller sees, PERMISSION_DENIED inside it. */
export async function loadWritableList(ctx: Ctx, id: number): Promise<ListRow> {
  const row = await loadList(ctx, id);
  assertWritable(ctx, row.org_path, () => listNotFound(id));
  return row;
}

/** An item the caller sees, with its list's organization (LIST_ITEM_NOT_FOUND naming `field` otherwise). */
export async function loadItem(ctx: Ctx, id: number, field = 'itemId') {
  const row = await ctx.db
    .selectFrom('list_items as i')
    .innerJoin('responsibility_lists as l', 'l.id', 'i.list_id')
    .innerJoin('organizations as o', 'o.id', 'l.org_id')
    .select(['i.id', 'i.list_id', 'i.seq', 'i.content', 'i.category', 'i.target_value', 'i.target_unit', 'i.org_id', 'o.path as org_path', 'l.title as list_title'])
    .where('i.id', '=', id)
    .executeTakeFirst();
  if (!row || !isReadable(ctx, row.org_path)) throw listItemNotFound(id, field);
  return row;
}

export function auditableList(v: ListView): Record<string, unknown> {
  return { orgCode: v.orgCode, year: v.year, kind: v.kind, title: v.title, issuedOn: v.issuedOn, note: v.note };
}

export function auditableItem(v: ListItemView): Record<string, unknown> {
  return { listId: v.listId, seq: v.seq, content: v.content, category: v.category, targetValue: v.targetValue, targetUnit: v.targetUnit };
}
