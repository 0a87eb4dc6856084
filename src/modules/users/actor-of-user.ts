import type { Ctx } from '../../context.js';
import type { Actor, Role } from '../access/actor.js';
import { rolesOf, selectUsers, type UserRow } from './users.repo.js';

export type UserActor = Extract<Actor, { kind: 'user' }>;

/**
 * An account with no organization (only a system administrator may have none) acts from the path '/0/', which no
 * organization has: should such an account ever lose the admin role, it sees nothing rather than everything.
 */
export const NO_ORG_PATH = '/0/';

export function actorOf(row: Pick<UserRow, 'id' | 'username' | 'org_id' | 'org_path'>, roles: Role[], ip: string | null): UserActor {
  return { kind: 'user', userId: row.id, username: row.username, orgId: row.org_id ?? 0, orgPath: row.org_path ?? NO_ORG_PATH, roles, ip };
}

/**
 * The actor an enabled account acts as, read afresh for each request (a role change takes effect at the next one);
 * undefined if the account does not exist or is disabled.
 */
export async function actorOfUser(ctx: Ctx, userId: number, ip: string | null): Promise<{ actor: UserActor; row: UserRow } | undefined> {
  const row = await selectUsers(ctx).where('u.id', '=', userId).executeTakeFirst();
  if (!row || row.disabled === 1) return undefined;
  const roles = (await rolesOf(ctx, [userId])).get(userId) ?? [];
  return { actor: actorOf(row, roles, ip), row };
}
