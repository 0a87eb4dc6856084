/**
 * Reading the catalogue and the disclosures: one select each (with the organization and the item), the views, and
 * the lookups the writes share. A catalogue item is seen by the callers of its own subtree and by those below it
 * (whom it applies to): an item defined by a township is the branches' catalogue too.
 */
import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { accessOf } from '../access/actor.js';
import { assertWritable, isReadable } from '../access/scope.js';
import { pathsUpTo, statusOf } from './disclosure-rules.js';
import type { DisclosureItemView, DisclosureView } from './disclosures.schema.js';

export function selectItems(ctx: Ctx) {
  return ctx.db
    .selectFrom('disclosure_items as i')
    .innerJoin('organizations as o', 'o.id', 'i.org_id')
    .select(['i.id', 'i.org_id', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path', 'i.category', 'i.name', 'i.cadence', 'i.sector', 'i.active']);
}
export type ItemRow = Awaited<ReturnType<ReturnType<typeof selectItems>['executeTakeFirstOrThrow']>>;

export function presentItem(r: ItemRow): DisclosureItemView {
  return { id: r.id, orgCode: r.org_code, orgName: r.org_name, category: r.category, name: r.name, cadence: r.cadence, sector: r.sector, active: Boolean(r.active) };
}

export function itemNotFound(id: number, field = 'itemId'): AppError {
  const message = `公开事项 ${id} 不存在`;
  return new AppError('DISCLOSURE_ITEM_NOT_FOUND', message, [{ code: 'DISCLOSURE_ITEM_NOT_FOUND', field, message }]);
}

/** An item the caller sees: defined inside the caller's scope, or by an organization above it (it applies there). */
export function isItemVisible(ctx: Ctx, definingPath: string): boolean {
  const root = accessOf(ctx.actor).readRoot;
  return isReadable(ctx, definingPath) || (root !== null && pathsUpTo(root).includes(definingPath));
}

export async function loadItem(ctx: Ctx, id: number, field = 'itemId'): Promise<ItemRow> {
  const row = await selectItems(ctx).where('i.id', '=', id).executeTakeFirst();
  if (!row || !isItemVisible(ctx, row.org_path)) throw itemNotFound(id, field);
  return row;
}

export function selectDisclosures(ctx: Ctx) {
  return ctx.db
    .selectFrom('disclosures as d')
    .innerJoin('organizations as o', 'o.id', 'd.org_id')
    .innerJoin('disclosure_items as i', 'i.id', 'd.item_id')
    .select([
      'd.id', 'd.org_id', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path', 'd.item_id', 'i.name as item_name', 'i.category',
      'i.cadence', 'd.period_label', 'd.content', 'd.proposed_on', 'd.reviewed_on', 'd.reviewed_by', 'd.approved_on', 'd.approved_by',
      'd.published_on', 'd.note',
    ]);
}
export type DisclosureRow = Awaited<ReturnType<ReturnType<typeof selectDisclosures>['executeTakeFirstOrThrow']>>;

export function presentDisclosure(r: DisclosureRow): DisclosureView {
  return {
    id: r.id,
    orgCode: r.org_code,
    orgName: r.org_name,
    itemId: r.item_id,
    itemName: r.item_name,
    category: r.category,
    cadence: r.cadence,
    periodLabel: r.period_label,
    content: r.content,
    proposedOn: r.proposed_on,
    reviewedOn: r.reviewed_on,
    reviewedBy: r.reviewed_by,
    approvedOn: r.approved_on,
    approvedBy: r.approved_by,
    publishedOn: r.published_on,
    status: statusOf(r),
    note: r.note,
  };
}

export function disclosureNotFound(id: number): AppError {
  const message = `公开记录 ${id} 不存在`;
  return new AppError('DISCLOSURE_NOT_FOUND', message, [{ code: 'DISCLOSURE_NOT_FOUND', field: 'id', message }]);
}

export async function loadDisclosure(ctx: Ctx, id: number): Promise<DisclosureRow> {
  const row = await selectDisclosures(ctx).where('d.id', '=', id).executeTakeFirst();
  if (!row || !isReadable(ctx, row.org_path)) throw disclosureNotFound(id);
  return row;
}

export async function loadWritableDisclosure(ctx: Ctx, id: number): Promise<DisclosureRow> {
  const row = await loadDisclosure(ctx, id);
  assertWritable(ctx, row.org_path, () => disclosureNotFound(id));
  return row;
}

export async function getDisclosure(ctx: Ctx, id: number): Promise<DisclosureView> {
  return presentDisclosure(await loadDisclosure(ctx, id));
}

/** The fields of a disclosure as the audit log records them. */
export function auditableDisclosure(v: DisclosureView): Record<string, unknown> {
  const { id: _id, orgName: _n, itemName: _i, category: _c, cadence: _k, ...rest } = v;
  return rest;
}
