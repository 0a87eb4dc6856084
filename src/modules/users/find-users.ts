import type { Ctx } from '../../context.js';
import { getUserView, presentUser, rolesOf, scopedUsers } from './users.repo.js';
import { userListQuery, type UserListQuery, type UserView } from './users.schema.js';

/**
 * The accounts the caller sees (system administrator: all; organization administrator: its subtree's; anyone else:
 * their own), by username.
 */
export async function findUsers(ctx: Ctx, query: UserListQuery = {}): Promise<{ total: number; items: UserView[] }> {
  const { limit, offset } = userListQuery.parse(query);
  const base = scopedUsers(ctx);
  const counted = await base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.orderBy('u.username').limit(limit).offset(offset).execute();
  const roles = await rolesOf(ctx, rows.map((r) => r.id));
  const now = ctx.clock.nowIso();
  return { total: Number(counted.n), items: rows.map((r) => presentUser(r, roles.get(r.id) ?? [], now)) };
}

/** One account the caller sees; USER_NOT_FOUND otherwise. */
export async function getUser(ctx: Ctx, id: number): Promise<UserView> {
  return getUserView(ctx, id);
}
