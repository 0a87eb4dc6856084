import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, type RouteOptions } from '../../server/http.js';
import { countMembers } from '../members/find-members.js';
import { createOrg } from './create-org.js';
import { getOrg, listSubtree } from './find-orgs.js';
import { moveOrg } from './move-org.js';
import { orgActions, orgActionsView } from './org-actions.js';
import { buildTree, type TreeNode } from './tree.js';
import { updateOrg } from './update-org.js';
import {
  ORG_LABELS,
  memberCountView,
  moveOrgInput,
  orgCode,
  orgInput,
  orgList,
  orgListQuery,
  orgPatch,
  orgView,
  type OrgList,
  type OrgTreeNode,
  type OrgView,
} from './orgs.schema.js';

const tags = ['组织'];
const labels = { ...ORG_LABELS, root: '根组织代码', format: '格式' };
const config = { labels };
const codeParams = z.object({ code: orgCode });

function presentTree(nodes: TreeNode<OrgView>[]): OrgTreeNode[] {
  return nodes.map((n) => ({ ...n.node, children: presentTree(n.children) }));
}

export const orgRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/orgs',
    { config, schema: { tags, summary: '查询组织（列表或树）', querystring: orgListQuery, response: { 200: orgList, ...errorResponses } } },
    async (req): Promise<OrgList> => {
      const orgs = await listSubtree(req.ctx, req.query.root);
      return req.query.format === 'tree' ? { format: 'tree', items: presentTree(buildTree(orgs)) } : { format: 'flat', items: orgs };
    },
  );

  app.get(
    '/orgs/:code',
    { config, schema: { tags, summary: '查看组织', params: codeParams, response: { 200: orgView, ...errorResponses } } },
    async (req) => getOrg(req.ctx, req.params.code),
  );

  app.post(
    '/orgs',
    { config, schema: { tags, summary: '新建组织', body: orgInput, response: { 201: orgView, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await createOrg(req.ctx, req.body)),
  );

  app.patch(
    '/orgs/:code',
    {
      config,
      schema: {
        tags,
        summary: '修改组织信息（调整上级组织请用“移动组织”）',
        params: codeParams,
        body: z.strictObject(orgPatch.shape),
        response: { 200: orgView, ...errorResponses },
      },
    },
    async (req) => updateOrg(req.ctx, req.params.code, req.body),
  );

  app.post(
    '/orgs/:code/move',
    {
      config,
      schema: { tags, summary: '移动组织（连同全部下级）到新的上级组织之下', params: codeParams, body: moveOrgInput, response: { 200: orgView, ...errorResponses } },
    },
    async (req) => moveOrg(req.ctx, req.params.code, req.body.parentCode),
  );

  app.get(
    '/orgs/:code/member-count',
    {
      config,
      schema: { tags, summary: '统计组织及其下级的现有党员人数', params: codeParams, response: { 200: memberCountView, ...errorResponses } },
    },
    async (req) => ({ orgCode: req.params.code, count: await countMembers(req.ctx, req.params.code) }),
  );

  app.get(
    '/orgs/:code/actions',
    {
      config,
      schema: { tags, summary: '当前用户在此组织可以办理的事项（网页据此显示按钮；每次写入仍由服务端检查）', params: codeParams, response: { 200: orgActionsView, ...errorResponses } },
    },
    async (req) => orgActions(req.ctx, req.params.code),
  );
};
