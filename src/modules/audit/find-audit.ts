import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { addDays } from '../../shared/dates.js';
import { accessOf } from '../access/actor.js';
import { ACTION_LABELS, type AuditEntryView } from './audit.schema.js';

export interface AuditFilter {
  user?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number;
  offset?: number;
}

/** The audit log is for system administrators (and the local command line). */
export function assertAuditReader(ctx: Ctx): void {
  if (accessOf(ctx.actor).isAdmin) return;
  const message = '只有系统管理员可以查看审计日志';
  throw new AppError('PERMISSION_DENIED', message, [{ code: 'PERMISSION_DENIED', field: 'audit', message }]);
}

function filtered(ctx: Ctx, f: AuditFilter) {
  let q = ctx.db.selectFrom('audit_log');
  if (f.user) q = q.where('actor_name', '=', f.user);
  if (f.recordType) q = q.where('record_type', '=', f.recordType);
  if (f.recordId) q = q.where('record_id', '=', f.recordId);
  if (f.action) q = q.where('action', '=', f.action);
  // `at` is an ISO timestamp in UTC; a day filter covers the whole day.
  if (f.from) q = q.where('at', '>=', `${f.from}T00:00:00`);
  if (f.to) q = q.where('at', '<', `${addDays(f.to, 1)}T00:00:00`);
  return q;
}

/** Audit entries, newest first, by user, record, action and time. */
export async function findAudit(ctx: Ctx, f: AuditFilter): Promise<{ total: number; items: AuditEntryView[] }> {
  assertAuditReader(ctx);
  const [rows, count] = await Promise.all([
    filtered(ctx, f).selectAll().orderBy('id', 'desc').limit(f.limit ?? 100).offset(f.offset ?? 0).execute(),
    filtered(ctx, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      ip: r.ip,
      action: r.action,
      actionLabel: ACTION_LABELS[r.action as keyof typeof ACTION_LABELS] ?? r.action,
      recordType: r.record_type,
      recordId: r.record_id,
      orgId: r.org_id,
      changes: r.changes ? (JSON.parse(r.changes) as Record<string, [unknown, unknown]>) : null,
      note: r.note,
    })),
  };
}
