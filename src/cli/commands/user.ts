import type { Command } from 'commander';
import { ROLES, ROLE_LABELS, type Role } from '../../modules/access/actor.js';
import { createUser } from '../../modules/users/create-user.js';
import { findUsers } from '../../modules/users/find-users.js';
import { findUserByUsername } from '../../modules/users/find-user-by-username.js';
import { generatePassword } from '../../modules/users/generate-password.js';
import { resetPassword } from '../../modules/users/reset-password.js';
import { setUserDisabled } from '../../modules/users/set-user-disabled.js';
import { updateUserRoles } from '../../modules/users/update-user-roles.js';
import type { UserView } from '../../modules/users/users.schema.js';
import { AppError } from '../../shared/errors.js';
import { printJson, println, withSession, type GlobalOptions } from '../runtime.js';
import { formatTable } from '../table.js';

const ROLE_HELP = ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、');

function parseRoles(values: string[]): Role[] {
  for (const v of values) {
    if (!(ROLES as readonly string[]).includes(v)) {
      const message = `角色“${v}”无效，应为：${ROLE_HELP}`;
      throw new AppError('VALUE_NOT_ALLOWED', message, [{ code: 'VALUE_NOT_ALLOWED', field: '--role', message }]);
    }
  }
  return values as Role[];
}

/** The password from standard input (first line), or a generated one that is printed once. */
async function passwordFrom(stdin: boolean | undefined): Promise<{ password: string; generated: boolean }> {
  if (!stdin) return { password: generatePassword(), generated: true };
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  const password = text.split(/\r?\n/)[0] ?? '';
  if (!password) throw new AppError('FIELD_REQUIRED', '标准输入中没有密码', [{ code: 'FIELD_REQUIRED', field: '--password-stdin', message: '标准输入中没有密码' }]);
  return { password, generated: false };
}

function describe(u: UserView): string {
  return `${u.username}（${u.displayName}，${u.orgName ?? '不属于任何组织'}，${u.roles.map((r) => ROLE_LABELS[r]).join('、')}${u.disabled ? '，已停用' : ''}）`;
}

export function registerUser(program: Command, globals: () => GlobalOptions): void {
  const user = program.command('user').description('管理用户账号（新增、列出、角色、重置密码、停用）');

  user
    .command('add')
    .description('新增用户；不给 --password-stdin 时生成一次性密码并只显示这一次')
    .argument('<用户名>', '3–32个字符：字母、数字、下划线、点、连字符')
    .requiredOption('--name <姓名>', '显示的姓名')
    .option('--org <代码>', '所属组织代码（系统管理员可不填）')
    .option('--role <角色>', `角色（可重复或用逗号分隔）：${ROLE_HELP}`, (v: string, prev: string[]) => [...prev, ...v.split(/[,，]/).filter(Boolean)], [] as string[])
    .option('--admin', '授予系统管理员角色')
    .option('--password-stdin', '从标准输入读取密码（第一行）')
    .action(async (username: string, opts: { name: string; org?: string; role: string[]; admin?: boolean; passwordStdin?: boolean }) => {
      const g = globals();
      const roles = parseRoles([...opts.role, ...(opts.admin ? ['admin'] : [])]);
      const { password, generated } = await passwordFrom(opts.passwordStdin);
      await withSession(g, async ({ ctx }) => {
        const created = await createUser(ctx, { username, displayName: opts.name, orgCode: opts.org ?? null, roles, password, mustChangePassword: generated });
        if (g.json) printJson({ user: created, ...(generated && { oneTimePassword: password }) });
        else {
          println(`已创建用户 ${describe(created)}`);
          if (generated) println(`一次性密码（只显示这一次，首次登录后须修改）：${password}`);
        }
      });
    });

  user
    .command('list')
    .description('列出用户')
    .action(async () => {
      const g = globals();
      await withSession(g, async ({ ctx }) => {
        const page = await findUsers(ctx, { limit: 1000 });
        if (g.json) return printJson(page);
        println(
          formatTable(
            ['用户名', '姓名', '所属组织', '角色', '状态'],
            page.items.map((u) => [u.username, u.displayName, u.orgName ?? '—', u.roles.map((r) => ROLE_LABELS[r]).join('、'), u.disabled ? '已停用' : '正常']),
          ),
        );
        println(`共${page.total}个用户`);
      });
    });

  user
    .command('roles')
    .description('设置用户的角色（替换原有角色）')
    .argument('<用户名>')
    .argument('<角色...>', ROLE_HELP)
    .action(async (username: string, roleArgs: string[]) => {
      const g = globals();
      const roles = parseRoles(roleArgs);
      await withSession(g, async ({ ctx }) => {
        const u = await findUserByUsername(ctx, username);
        const updated = await updateUserRoles(ctx, u.id, roles);
        if (g.json) printJson(updated);
        else println(`已更新：${describe(updated)}`);
      });
    });

  user
    .command('passwd')
    .description('重置用户密码；不给 --password-stdin 时生成一次性密码并只显示这一次')
    .argument('<用户名>')
    .option('--password-stdin', '从标准输入读取新密码（第一行）')
    .action(async (username: string, opts: { passwordStdin?: boolean }) => {
      const g = globals();
      const { password, generated } = await passwordFrom(opts.passwordStdin);
      await withSession(g, async ({ ctx }) => {
        const u = await findUserByUsername(ctx, username);
        const updated = await resetPassword(ctx, u.id, password, { mustChange: generated });
        if (g.json) printJson({ user: updated, ...(generated && { oneTimePassword: password }) });
        else {
          println(`已重置 ${updated.username} 的密码，原有登录会话已失效`);
          if (generated) println(`一次性密码（只显示这一次，首次登录后须修改）：${password}`);
        }
      });
    });

  for (const [name, disabled, text] of [['disable', true, '停用'], ['enable', false, '启用']] as const) {
    user
      .command(name)
      .description(`${text}用户`)
      .argument('<用户名>')
      .action(async (username: string) => {
        const g = globals();
        await withSession(g, async ({ ctx }) => {
          const u = await findUserByUsername(ctx, username);
          const updated = await setUserDisabled(ctx, u.id, disabled);
          if (g.json) printJson(updated);
          else println(`已${text}：${describe(updated)}`);
        });
      });
  }
}
