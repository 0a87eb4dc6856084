/**
 * The queries the account services share. Every select names its columns: the password hash is read only by
 * authentication and password changes, never by a view.
 */
import { PostgresAdapter } from 'kysely';
import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import type { Role } from '../access/actor.js';
import { normalizeRoles, userScopeOf, type UserTarget } from './user-rules.js';
import type { UserView } from './users.schema.js';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  org_id: number | null;
  org_code: string | null;
  org_name: string | null;
  org_path: string | null;
  disabled: number;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export function selectUsers(ctx: Ctx) {
  return ctx.db
    .selectFrom('users as u')
    .leftJoin('organizations as o', 'o.id', 'u.org_id')
    .select([
      'u.id', 'u.username', 'u.display_name', 'u.org_id', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path',
      'u.disabled', 'u.must_change_password', 'u.failed_logins', 'u.locked_until', 'u.created_at', 'u.updated_at',
    ]);
}

/** The accounts the caller sees, as a query filter (STYLE §5). */
export function scopedUsers(ctx: Ctx) {
  const scope = userScopeOf(ctx.actor);
  const q = selectUsers(ctx);
  switch (scope.kind) {
    case 'all':
      return q;
    case 'subtree':
      return q.where((eb) =>
        eb.or([eb('u.id', '=', scope.userId), eb.and([eb('o.path', '>=', scope.path), eb('o.path', '<', subtreeUpperBound(scope.path))])]),
      );
    case 'self':
      return q.where('u.id', '=', scope.userId);
  }
}

export async function rolesOf(ctx: Ctx, userIds: number[]): Promise<Map<number, Role[]>> {
  const map = new Map<number, Role[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return map;
  const rows = await ctx.db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', userIds).execute();
  for (const r of rows) map.get(r.user_id)?.push(r.role as Role);
  for (const [id, roles] of map) map.set(id, normalizeRoles(roles));
  return map;
}

export function presentUser(row: UserRow, roles: Role[], nowIso: string): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    orgCode: row.org_code,
    orgName: row.org_name,
    roles,
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    lockedUntil: row.locked_until !== null && row.locked_until > nowIso ? row.locked_until : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the audit log records of an account: never a password or its hash. */
export function auditableUser(u: UserView): Record<string, unknown> {
  return { username: u.username, displayName: u.displayName, orgCode: u.orgCode, roles: u.roles, disabled: u.disabled, mustChangePassword: u.mustChangePassword };
}

export function userNotFound(id: number | string, field = 'id'): AppError {
  const message = `用户“${id}”不存在`;
  return new AppError('USER_NOT_FOUND', message, [{ code: 'USER_NOT_FOUND', field, message }]);
}

export function permissionDenied(message: string, field: string): AppError {
  return new AppError('PERMISSION_DENIED', message, [{ code: 'PERMISSION_DENIED', field, message }]);
}

/** An account the caller can see, with its roles; USER_NOT_FOUND otherwise — the same answer as for a missing one. */
export async function getVisibleUser(ctx: Ctx, id: number): Promise<{ row: UserRow; roles: Role[]; target: UserTarget }> {
  const row = await scopedUsers(ctx).where('u.id', '=', id).executeTakeFirst();
  if (!row) throw userNotFound(id);
  const roles = (await rolesOf(ctx, [id])).get(id) ?? [];
  return { row, roles, target: { id, orgPath: row.org_path, roles } };
}

export async function getUserView(ctx: Ctx, id: number): Promise<UserView> {
  const { row, roles } = await getVisibleUser(ctx, id);
  return presentUser(row, roles, ctx.clock.nowIso());
}

/**
 * How many enabled system administrators there are besides `exceptUserId`. On PostgreSQL their rows are locked
 * until the transaction ends, so that two administrators demoting each other at the same moment cannot both succeed
 * (SQLite runs one write transaction at a time anyway).
 */
export async function otherActiveAdmins(ctx: Ctx, exceptUserId: number): Promise<number> {
  const pg = ctx.db.getExecutor().adapter instanceof PostgresAdapter;
  const rows = await ctx.db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select('u.id')
    .where('r.role', '=', 'admin')
    .where('u.disabled', '=', 0)
    .where('u.id', '<>', exceptUserId)
    .$if(pg, (q) => q.forUpdate())
    .execute();
  return rows.length;
}

/** Ends the account's sessions (all, or all but one): after a password change or when it is disabled. */
export async function revokeSessions(ctx: Ctx, userId: number, exceptSessionId?: number): Promise<number> {
  const result = await ctx.db
    .updateTable('sessions')
    .set({ revoked_at: ctx.clock.nowIso() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .$if(exceptSessionId !== undefined, (q) => q.where('id', '<>', exceptSessionId!))
    .execute();
  return Number(result[0]?.numUpdatedRows ?? 0);
}
