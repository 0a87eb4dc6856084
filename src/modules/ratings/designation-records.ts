/** Reading designations (示范党支部, 最强党支部, 党建示范村 …): one select, the view, and the lookups the writes share. */
import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { assertWritable, isReadable } from '../access/scope.js';
import type { DesignationView } from './ratings.schema.js';

export function selectDesignations(ctx: Ctx) {
  return ctx.db
    .selectFrom('designations as d')
    .innerJoin('organizations as o', 'o.id', 'd.org_id')
    .select([
      'd.id', 'd.org_id', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path', 'd.title', 'd.kind', 'd.action', 'd.level',
      'd.designated_on', 'd.revoked_on', 'd.note',
    ]);
}

export type DesignationRow = Awaited<ReturnType<ReturnType<typeof selectDesignations>['executeTakeFirstOrThrow']>>;

export function presentDesignation(r: DesignationRow): DesignationView {
  return {
    id: r.id,
    orgCode: r.org_code,
    orgName: r.org_name,
    title: r.title,
    kind: r.kind,
    action: r.action,
    level: r.level,
    designatedOn: r.designated_on,
    revokedOn: r.revoked_on,
    status: r.revoked_on === null ? '有效' : '已撤销',
    note: r.note,
  };
}

export function designationNotFound(id: number): AppError {
  const message = `命名记录 ${id} 不存在`;
  return new AppError('DESIGNATION_NOT_FOUND', message, [{ code: 'DESIGNATION_NOT_FOUND', field: 'id', message }]);
}

export async function loadDesignation(ctx: Ctx, id: number): Promise<DesignationRow> {
  const row = await selectDesignations(ctx).where('d.id', '=', id).executeTakeFirst();
  if (!row || !isReadable(ctx, row.org_path)) throw designationNotFound(id);
  return row;
}

export async function loadWritableDesignation(ctx: Ctx, id: number): Promise<DesignationRow> {
  const row = await loadDesignation(ctx, id);
  assertWritable(ctx, row.org_path, () => designationNotFound(id));
  return row;
}

export async function getDesignation(ctx: Ctx, id: number): Promise<DesignationView> {
  return presentDesignation(await loadDesignation(ctx, id));
}

export function auditableDesignation(v: DesignationView): Record<string, unknown> {
  return {
    orgCode: v.orgCode, title: v.title, kind: v.kind, action: v.action, level: v.level, designatedOn: v.designatedOn, revokedOn: v.revokedOn, note: v.note,
  };
}
