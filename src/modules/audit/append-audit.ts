import type { Ctx } from '../../context.js';
import { maskIdNumber, maskPhone } from '../../shared/id-number.js';
import { actorName } from '../access/actor.js';

export const AUDIT_ACTIONS = [
  'create', 'update', 'delete', 'move', 'transfer', 'leave', 'import', 'login', 'login_failed', 'logout',
  'permission_change', 'password_change', 'token_create', 'token_revoke', 'view_personal_data', 'account_locked',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type Changes = Record<string, [unknown, unknown]>;

const PERSONAL = new Set(['idNumber', 'id_number', 'phone']);

function maskValue(field: string, v: unknown): unknown {
  if (typeof v !== 'string' || !PERSONAL.has(field)) return v;
  return field === 'phone' ? maskPhone(v) : maskIdNumber(v);
}

/** The fields that differ between two versions of a record, personal data masked. */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null, ignore: string[] = []): Changes {
  const changes: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    if (ignore.includes(k)) continue;
    const b = before?.[k] ?? null;
    const a = after?.[k] ?? null;
    if (typeof a === 'object' || typeof b === 'object') {
      if (JSON.stringify(a) === JSON.stringify(b)) continue;
    } else if (a === b) continue;
    changes[k] = [maskValue(k, b), maskValue(k, a)];
  }
  return changes;
}

export interface AuditEntry {
  action: AuditAction;
  recordType: string;
  recordId?: string | number | null;
  orgId?: number | null;
  changes?: Changes | null;
  note?: string | null;
}

/**
 * Appends one entry to the audit log, inside the caller's transaction (so a write and its entry stand or fall
 * together). The application only ever inserts into audit_log.
 */
export async function appendAudit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  const actor = ctx.actor;
  await ctx.db
    .insertInto('audit_log')
    .values({
      at: ctx.clock.nowIso(),
      actor_user_id: actor.kind === 'user' ? actor.userId : null,
      actor_name: actorName(actor),
      ip: actor.ip ?? null,
      action: entry.action,
      record_type: entry.recordType,
      record_id: entry.recordId === undefined || entry.recordId === null ? null : String(entry.recordId),
      org_id: entry.orgId ?? null,
      changes: entry.changes && Object.keys(entry.changes).length > 0 ? JSON.stringify(entry.changes) : null,
      note: entry.note ?? null,
    })
    .execute();
}
