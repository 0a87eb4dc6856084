import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../users/password-rules.js';
import { password, userView } from '../users/users.schema.js';

export const AUTH_LABELS: Record<string, string> = {
  username: '用户名',
  password: '密码',
  current: '当前密码',
  next: '新密码',
  name: '令牌名称',
  expiresInDays: '有效天数',
  id: '令牌编号',
};

/** Loose on purpose: a malformed username is simply a failed login, not a hint about which usernames are valid. */
export const loginInput = z.object({
  username: z.string().trim().min(1, { message: '不能为空' }).max(64, { message: '不能超过64个字符' }),
  password: z.string().min(1, { message: '不能为空' }).max(PASSWORD_MAX_LENGTH, { message: `不能超过${PASSWORD_MAX_LENGTH}个字符` }),
});
export type LoginInput = z.infer<typeof loginInput>;

const csrfToken = z.string().describe('CSRF令牌：以Cookie登录时，每个修改数据的请求须在请求头 X-CSRF-Token 中带上它');

export const loginResult = z.object({
  user: userView,
  csrfToken,
  expiresAt: z.string().describe('会话最迟失效时刻（ISO 8601）；闲置8小时也会失效'),
});

export const meView = z.object({
  user: userView,
  via: z.enum(['session', 'token']).describe('本次请求的身份凭据：会话Cookie或访问令牌'),
  csrfToken: csrfToken.nullable(),
});

/** The body is optional (Fastify hands an absent one over as null): a plain POST ends this session. */
export const logoutInput = z
  .object({ everywhere: z.boolean().default(false).describe('true：结束本人在所有设备上的会话') })
  .nullish();

export const passwordChangeInput = z.object({ current: password, next: password });

export const apiTokenInput = z.object({
  name: z.string().trim().min(1, { message: '不能为空' }).max(100, { message: '不能超过100个字符' }).describe('用途，如“组织部数据同步”'),
  expiresInDays: z.number().int().min(1).max(3650).nullish().describe('有效天数；不填则长期有效，直至撤销'),
});
export type ApiTokenInput = z.input<typeof apiTokenInput>;

export const apiTokenView = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string().describe('令牌开头几位，用于辨认'),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
  })
  .meta({ id: 'ApiTokenView', description: '访问令牌（不含令牌本身）' });
export type ApiTokenView = z.infer<typeof apiTokenView>;

export const apiTokenCreated = apiTokenView.extend({
  token: z.string().describe('令牌本身，仅此一次显示：请求头 Authorization: Bearer <令牌>'),
});
