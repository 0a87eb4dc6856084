import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams, okBody, type RouteOptions } from '../../server/http.js';
import { clearedSessionCookie, sessionCookie } from '../../server/auth.js';
import { changeOwnPassword } from '../users/change-password.js';
import { getUser } from '../users/find-users.js';
import { z } from 'zod';
import { userView } from '../users/users.schema.js';
import { SESSION_ABSOLUTE_MS } from './auth-rules.js';
import { AUTH_LABELS, apiTokenCreated, logoutInput, apiTokenInput, apiTokenView, loginInput, loginResult, meView, passwordChangeInput } from './auth.schema.js';
import { createApiToken } from './create-api-token.js';
import { findApiTokens } from './find-api-tokens.js';
import { assertLoginRate } from './login-rate.js';
import { login } from './login.js';
import { logout } from './logout.js';
import { revokeApiToken } from './revoke-api-token.js';

const tags = ['账户与登录'];
const labels = AUTH_LABELS;
/** Open to an account whose password was reset, which must change it before anything else. */
const selfService = { labels, allowWhilePasswordMustChange: true };

export const authRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx, auth }) => {
  app.post(
    '/auth/login',
    {
      config: { labels },
      schema: {
        tags,
        summary: '登录（成功后设置会话Cookie，并返回CSRF令牌）',
        security: [],
        body: loginInput,
        response: { 200: loginResult, ...errorResponses },
      },
    },
    async (req, reply) => {
      assertLoginRate(auth.loginLimiter, req.ip);
      const result = await login(ctx, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      reply.header('set-cookie', sessionCookie(result.token, { secure: auth.cookieSecure, maxAgeSeconds: SESSION_ABSOLUTE_MS / 1000 }));
      return { user: result.user, csrfToken: result.csrfToken, expiresAt: result.expiresAt };
    },
  );

  app.post(
    '/auth/logout',
    { config: { ...selfService, sessionOnly: true }, schema: { tags, summary: '退出登录（结束本会话，或本人的全部会话）', body: logoutInput, response: { 200: okBody, ...errorResponses } } },
    async (req, reply) => {
      await logout(req.ctx, req.credential!.sessionId!, { everywhere: req.body?.everywhere ?? false });
      reply.header('set-cookie', clearedSessionCookie(auth.cookieSecure));
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    { config: selfService, schema: { tags, summary: '当前用户（以Cookie登录时含CSRF令牌）', response: { 200: meView, ...errorResponses } } },
    async (req) => {
      const credential = req.credential!;
      return { user: await getUser(req.ctx, credential.actor.userId), via: credential.via, csrfToken: credential.csrfToken };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { ...selfService, sessionOnly: true },
      schema: {
        tags,
        summary: '修改本人密码（需当前密码；其他会话随之结束）',
        body: passwordChangeInput,
        response: { 200: userView, ...errorResponses },
      },
    },
    async (req) => {
      assertLoginRate(auth.loginLimiter, req.ip);
      return changeOwnPassword(req.ctx, req.body, { keepSessionId: req.credential!.sessionId! });
    },
  );

  app.get(
    '/auth/tokens',
    { config: { labels }, schema: { tags, summary: '本人的访问令牌（供系统对接）', response: { 200: z.object({ items: z.array(apiTokenView) }), ...errorResponses } } },
    async (req) => ({ items: await findApiTokens(req.ctx) }),
  );

  app.post(
    '/auth/tokens',
    {
      config: { labels, sessionOnly: true },
      schema: { tags, summary: '创建访问令牌（令牌本身仅显示这一次）', body: apiTokenInput, response: { 201: apiTokenCreated, ...errorResponses } },
    },
    async (req, reply) => reply.code(201).send(await createApiToken(req.ctx, req.body)),
  );

  app.delete(
    '/auth/tokens/:id',
    { config: { labels, sessionOnly: true }, schema: { tags, summary: '撤销访问令牌', params: idParams, response: { 200: okBody, ...errorResponses } } },
    async (req) => {
      await revokeApiToken(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
};
