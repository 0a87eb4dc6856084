import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LIST_LABELS, errorResponses, idParams, pageOf, type RouteOptions } from '../../server/http.js';
import { withActionsView } from '../access/record-actions.js';
import { createMember } from './create-member.js';
import { findMembers } from './find-members.js';
import { viewMember } from './view-member.js';
import { leaveMember } from './leave-member.js';
import { transferMember } from './transfer-member.js';
import { updateMember } from './update-member.js';
import { membersWithActions, memberWithActions } from './member-actions.js';
import {
  MEMBER_LABELS,
  leaveInput,
  memberDetail,
  memberInput,
  memberListItem,
  memberListQuery,
  memberPatch,
  transferInput,
} from './members.schema.js';

const tags = ['党员'];
const config = {
  labels: { ...MEMBER_LABELS, ...LIST_LABELS, id: '党员记录编号', subtree: '是否含下级组织', includeLeft: '是否含已离开的党员' },
};
const memberDetailWithActions = withActionsView(memberDetail);
const detail = { 200: memberDetailWithActions, ...errorResponses };

export const memberRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/members',
    {
      config,
      schema: {
        tags,
        summary: '查询党员（公民身份号码和手机号码已隐去部分数字）',
        querystring: memberListQuery,
        response: { 200: pageOf(withActionsView(memberListItem)), ...errorResponses },
      },
    },
    async (req) => {
      const page = await findMembers(req.ctx, req.query);
      return { ...page, items: await membersWithActions(req.ctx, page.items) };
    },
  );

  app.get(
    '/members/:id',
    { config, schema: { tags, summary: '查看党员详情（完整公民身份号码和手机号码仅对有权角色显示，并记入审计日志；查看角色显示脱敏值）', params: idParams, response: detail } },
    async (req) => memberWithActions(req.ctx, await viewMember(req.ctx, req.params.id)),
  );

  app.post(
    '/members',
    { config, schema: { tags, summary: '登记党员', body: memberInput, response: { 201: memberDetailWithActions, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await memberWithActions(req.ctx, await createMember(req.ctx, req.body))),
  );

  app.patch(
    '/members/:id',
    {
      config,
      schema: {
        tags,
        summary: '更正党员信息（公民身份号码不可修改；转接、离开另有接口）',
        params: idParams,
        body: z.strictObject(memberPatch.shape),
        response: detail,
      },
    },
    async (req) => memberWithActions(req.ctx, await updateMember(req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/members/:id/transfer',
    { config, schema: { tags, summary: '组织关系转接（县内）', params: idParams, body: transferInput, response: detail } },
    async (req) => memberWithActions(req.ctx, await transferMember(req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/members/:id/leave',
    { config, schema: { tags, summary: '党员离开（转出、死亡、出党等），记录保留', params: idParams, body: leaveInput, response: detail } },
    async (req) => memberWithActions(req.ctx, await leaveMember(req.ctx, req.params.id, req.body)),
  );
};
