/**
 * Reading honors: one select with the recording organization (and the recipient organization's code), the view,
 * and the lookups the writes share (an honor the caller sees, one the caller may change).
 */
import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { assertWritable, isReadable } from '../access/scope.js';
import type { HonorView } from './honors.schema.js';

export function selectHonors(ctx: Ctx) {
  return ctx.db
    .selectFrom('honors as h')
    .innerJoin('organizations as o', 'o.id', 'h.org_id')
    .leftJoin('organizations as r', 'r.id', 'h.recipient_org_id')
    .select([
      'h.id', 'h.kind', 'h.recipient_kind', 'h.membership_id', 'r.code as recipient_org_code', 'h.recipient_name', 'h.org_id',
      'o.code as org_code', 'o.name as org_name', 'o.path as org_path', 'h.title', 'h.level', 'h.awarded_by', 'h.awarded_on',
      'h.revoked_on', 'h.note',
    ]);
}

export type HonorRow = Awaited<ReturnType<ReturnType<typeof selectHonors>['executeTakeFirstOrThrow']>>;

export function presentHonor(r: HonorRow): HonorView {
  return {
    id: r.id,
    kind: r.kind,
    recipientKind: r.recipient_kind,
    memberId: r.membership_id,
    recipientOrgCode: r.recipient_org_code,
    recipientName: r.recipient_name,
    orgCode: r.org_code,
    orgName: r.org_name,
    title: r.title,
    level: r.level,
    awardedBy: r.awarded_by,
    awardedOn: r.awarded_on,
    revokedOn: r.revoked_on,
    status: r.revoked_on === null ? '有效' : '已撤销',
    note: r.note,
  };
}

export function honorNotFound(id: number): AppError {
  const message = `荣誉记录 ${id} 不存在`;
  return new AppError('HONOR_NOT_FOUND', message, [{ code: 'HONOR_NOT_FOUND', field: 'id', message }]);
}

/** An honor the caller sees (HONOR_NOT_FOUND otherwise, exactly as for a missing one). */
export async function loadHonor(ctx: Ctx, id: number): Promise<HonorRow> {
  const row = await selectHonors(ctx).where('h.id', '=', id).executeTakeFirst();
  if (!row || !isReadable(ctx, row.org_path)) throw honorNotFound(id);
  return row;
}

/** An honor the caller may change: HONOR_NOT_FOUND outside what the caller sees, PERMISSION_DENIED inside it. */
export async function loadWritableHonor(ctx: Ctx, id: number): Promise<HonorRow> {
  const row = await loadHonor(ctx, id);
  assertWritable(ctx, row.org_path, () => honorNotFound(id));
  return row;
}

export async function getHonor(ctx: Ctx, id: number): Promise<HonorView> {
  return presentHonor(await loadHonor(ctx, id));
}

/** The fields of an honor as the audit log records them. */
export function auditableHonor(v: HonorView): Record<string, unknown> {
  return {
    kind: v.kind,
    recipientKind: v.recipientKind,
    memberId: v.memberId,
    recipientOrgCode: v.recipientOrgCode,
    recipientName: v.recipientName,
    orgCode: v.orgCode,
    title: v.title,
    level: v.level,
    awardedBy: v.awardedBy,
    awardedOn: v.awardedOn,
    revokedOn: v.revokedOn,
    note: v.note,
  };
}
