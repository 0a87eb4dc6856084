import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LIST_LABELS, errorResponses, idParams, pageOf, type RouteOptions } from '../../server/http.js';
import { pageWithActions, withActionsOne, withActionsView, type RecordAction } from '../access/record-actions.js';
import { findDevelopment, getDevelopment } from './find-development.js';
import { createDevelopment, updateDevelopment } from './record-development.js';
import { DEVELOPMENT_LABELS, developmentInput, developmentListQuery, developmentPatch, developmentView } from './development.schema.js';

const tags = ['发展党员'];
const config = { labels: { ...DEVELOPMENT_LABELS, ...LIST_LABELS, id: '发展党员记录编号', stage: '所处阶段' } };
const developmentWithActions = withActionsView(developmentView);
/** Step dates are entered and corrected by the record's organization, at every stage (the service checks the dates). */
const offered = (): RecordAction[] => ['update'];

export const developmentRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/development',
    {
      config,
      schema: {
        tags,
        summary: '查询发展党员记录（组织及其下级）',
        querystring: developmentListQuery,
        response: { 200: pageOf(developmentWithActions), ...errorResponses },
      },
    },
    async (req) => pageWithActions(req.ctx, await findDevelopment(req.ctx, req.query), offered),
  );

  app.get(
    '/development/:id',
    { config, schema: { tags, summary: '查看发展党员记录', params: idParams, response: { 200: developmentWithActions, ...errorResponses } } },
    async (req) => withActionsOne(req.ctx, await getDevelopment(req.ctx, req.params.id), offered),
  );

  app.post(
    '/development',
    {
      config,
      schema: { tags, summary: '新建发展党员记录（递交入党申请书起）', body: developmentInput, response: { 201: developmentWithActions, ...errorResponses } },
    },
    async (req, reply) => reply.code(201).send(await withActionsOne(req.ctx, await createDevelopment(req.ctx, req.body), offered)),
  );

  app.patch(
    '/development/:id',
    {
      config,
      schema: {
        tags,
        summary: '填写或更正各步骤日期（null 清除；阶段由日期推定）',
        params: idParams,
        body: z.strictObject(developmentPatch.shape),
        response: { 200: developmentWithActions, ...errorResponses },
      },
    },
    async (req) => withActionsOne(req.ctx, await updateDevelopment(req.ctx, req.params.id, req.body), offered),
  );
};
