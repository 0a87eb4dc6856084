/**
 * Who may see and manage which accounts — pure rules over the actor and the target, so they are tested without a
 * database. An account is seen like any record (STYLE §5): outside the caller's scope it is "not found".
 *   系统管理员: every account.  组织管理员: the accounts of the organization's subtree, except system administrators,
 *   and may grant every role but 系统管理员.  Anyone else: only their own account, and manages none.
 */
import { ROLES, type Actor, type Role } from '../access/actor.js';

export interface UserTarget {
  id: number;
  /** The materialized path of the account's organization; null for an administrator without one. */
  orgPath: string | null;
  roles: readonly Role[];
}

/** The accounts a caller sees: all of them, those of a subtree, or only their own. */
export type UserScope = { kind: 'all' } | { kind: 'subtree'; path: string; userId: number } | { kind: 'self'; userId: number };

export function userScopeOf(actor: Actor): UserScope {
  if (actor.kind === 'system' || actor.roles.includes('admin')) return { kind: 'all' };
  if (actor.roles.includes('org_admin')) return { kind: 'subtree', path: actor.orgPath, userId: actor.userId };
  return { kind: 'self', userId: actor.userId };
}

export function canSeeUser(actor: Actor, target: Pick<UserTarget, 'id' | 'orgPath'>): boolean {
  const scope = userScopeOf(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'subtree':
      return target.id === scope.userId || (target.orgPath !== null && target.orgPath.startsWith(scope.path));
    case 'self':
      return target.id === scope.userId;
  }
}

/** Why the caller may not manage this (visible) account, or null when it may. */
export function manageProblem(actor: Actor, target: UserTarget): string | null {
  const scope = userScopeOf(actor);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'self') return '只有系统管理员和组织管理员可以管理用户';
  if (target.roles.includes('admin')) return '组织管理员不能管理系统管理员的账户';
  return null;
}

/** Why the caller may not give these roles, or null. Only a system administrator grants 系统管理员. */
export function grantProblem(actor: Actor, roles: readonly Role[]): string | null {
  const scope = userScopeOf(actor);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'self') return '只有系统管理员和组织管理员可以分配角色';
  if (roles.includes('admin')) return '只有系统管理员可以授予“系统管理员”角色';
  return null;
}

/** Whether the caller may place an account in the organization at `orgPath` (null: no organization). */
export function canPlaceUserIn(actor: Actor, orgPath: string | null): boolean {
  const scope = userScopeOf(actor);
  if (scope.kind === 'all') return true;
  if (scope.kind === 'self') return false;
  return orgPath !== null && orgPath.startsWith(scope.path);
}

/** Roles in their canonical order, without repeats. */
export function normalizeRoles(roles: readonly string[]): Role[] {
  return ROLES.filter((r) => roles.includes(r));
}
