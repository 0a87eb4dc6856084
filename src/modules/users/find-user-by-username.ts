import type { Ctx } from '../../context.js';
import { getUser } from './find-users.js';
import { userNotFound } from './users.repo.js';
import type { UserView } from './users.schema.js';

/** The account with this username (compared in lower case), if the caller may see it. */
export async function findUserByUsername(ctx: Ctx, username: string): Promise<UserView> {
  const row = await ctx.db.selectFrom('users').select('id').where('username', '=', username.trim().toLowerCase()).executeTakeFirst();
  if (!row) throw userNotFound(username, 'username');
  return getUser(ctx, row.id);
}
