import type { Ctx } from '../../context.js';
import { createUser } from './create-user.js';
import { generatePassword } from './generate-password.js';

/**
 * On first start: when no account holds the admin role, creates `admin` with a one-time password that the caller
 * prints once (it must be changed at first login). Returns undefined when an administrator already exists.
 */
export async function ensureFirstAdmin(ctx: Ctx): Promise<{ username: string; password: string } | undefined> {
  const admin = await ctx.db.selectFrom('user_roles').select('user_id').where('role', '=', 'admin').executeTakeFirst();
  if (admin) return undefined;
  const taken = await ctx.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
  const username = taken ? `admin${Date.now() % 100000}` : 'admin';
  const password = generatePassword();
  await createUser(ctx, { username, displayName: '系统管理员', orgCode: null, roles: ['admin'], password, mustChangePassword: true });
  return { username, password };
}
