import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, idParams, pageOf, type RouteOptions } from '../../server/http.js';
import { createUser } from './create-user.js';
import { findUsers, getUser } from './find-users.js';
import { resetPassword } from './reset-password.js';
import { updateUser } from './update-user.js';
import { USER_LABELS, passwordReset, userInput, userListQuery, userPatch, userView } from './users.schema.js';

const tags = ['用户管理'];
const config = { labels: USER_LABELS };
const detail = { 200: userView, ...errorResponses };

export const userRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/users',
    {
      config,
      schema: {
        tags,
        summary: '查询用户（系统管理员：全部；组织管理员：本组织及下级；其他：本人）',
        querystring: userListQuery,
        response: { 200: pageOf(userView), ...errorResponses },
      },
    },
    async (req) => findUsers(req.ctx, req.query),
  );

  app.get('/users/:id', { config, schema: { tags, summary: '查看用户', params: idParams, response: detail } }, async (req) => getUser(req.ctx, req.params.id));

  app.post(
    '/users',
    { config, schema: { tags, summary: '新建用户（组织管理员不能授予系统管理员角色）', body: userInput, response: { 201: userView, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await createUser(req.ctx, req.body)),
  );

  app.patch(
    '/users/:id',
    { config, schema: { tags, summary: '修改用户的姓名、角色或停用状态', params: idParams, body: userPatch, response: detail } },
    async (req) => updateUser(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/users/:id/password',
    {
      config,
      schema: { tags, summary: '重置用户密码（该用户下次登录须修改密码，现有会话全部结束）', params: idParams, body: passwordReset, response: detail },
    },
    async (req) => resetPassword(req.ctx, req.params.id, req.body.password),
  );
};
