/**
 * Accounts at the edge (STYLE §3): what a request may carry and what an answer shows. A view never holds a password
 * or its hash.
 */
import { z } from 'zod';
import { ROLES, ROLE_LABELS } from '../access/actor.js';
import { orgCode } from '../orgs/orgs.schema.js';
import { PASSWORD_MAX_LENGTH } from './password-rules.js';

export const USER_LABELS: Record<string, string> = {
  id: '用户编号',
  username: '用户名',
  displayName: '姓名',
  orgCode: '所属组织代码',
  roles: '角色',
  password: '密码',
  mustChangePassword: '首次登录须修改密码',
  disabled: '是否停用',
  current: '当前密码',
  next: '新密码',
  limit: '每页条数',
  offset: '起始位置',
};

/** Usernames are compared and stored in lower case, so that “ZhangSan” and “zhangsan” are one account. */
export const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, { message: '应为3–32个字符，只能包含字母、数字、下划线、点和连字符' })
  .transform((s) => s.toLowerCase());

/** A password as typed. Its strength is checked by the service (password-rules.ts), which knows the username. */
export const password = z
  .string()
  .min(1, { message: '不能为空' })
  .max(PASSWORD_MAX_LENGTH, { message: `不能超过${PASSWORD_MAX_LENGTH}个字符` });

const roleNames = ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、');
export const role = z.enum(ROLES, { message: `应为以下之一：${roleNames}` });
export const roleList = z
  .array(role)
  .max(ROLES.length)
  .transform((roles) => ROLES.filter((r) => roles.includes(r)));

export const displayName = z.string().trim().min(1, { message: '不能为空' }).max(50, { message: '不能超过50个字符' });

export const userInput = z.object({
  username,
  displayName,
  orgCode: orgCode.nullish().describe('所属组织；仅系统管理员可以不属于任何组织'),
  roles: roleList.refine((r) => r.length > 0, { message: '至少需要一个角色' }),
  password,
  mustChangePassword: z.boolean().default(true).describe('首次登录须修改密码（默认是）'),
});
export type UserInput = z.input<typeof userInput>;

export const userPatch = z.strictObject({
  displayName: displayName.optional(),
  roles: roleList.optional(),
  disabled: z.boolean().optional(),
});
export type UserPatch = z.input<typeof userPatch>;

export const passwordReset = z.object({ password });

export const userListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type UserListQuery = z.input<typeof userListQuery>;

export const userView = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    orgCode: z.string().nullable().describe('所属组织代码；不属于任何组织的系统管理员为 null'),
    orgName: z.string().nullable(),
    roles: z.array(z.enum(ROLES)),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    lockedUntil: z.string().nullable().describe('连续登录失败后锁定至此时刻（ISO 8601）；未锁定为 null'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'UserView', description: '用户（不含密码）' });
export type UserView = z.infer<typeof userView>;
