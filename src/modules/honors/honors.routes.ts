import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LIST_LABELS, errorResponses, idParams, type RouteOptions } from '../../server/http.js';
import { pageWithActions, withActionsOne, withActionsView, type RecordAction } from '../access/record-actions.js';
import { findHonors, memberHonors } from './find-honors.js';
import { honorBreakdown, honorFigures } from './honor-figures.js';
import { getHonor } from './honor-records.js';
import { recordHonor } from './record-honor.js';
import { revokeHonor } from './revoke-honor.js';
import { updateHonor } from './update-honor.js';
import {
  HONOR_LABELS,
  honorBreakdownView,
  honorFiguresQuery,
  honorFiguresView,
  honorInput,
  honorListQuery,
  honorPageView,
  honorPatch,
  honorRevokeInput,
  honorView,
  type HonorView,
} from './honors.schema.js';

const tags = ['表彰和选树'];
const config = { labels: { ...LIST_LABELS, ...HONOR_LABELS, id: '荣誉记录编号' } };
const honorWithActions = withActionsView(honorView);
const one = { 200: honorWithActions, ...errorResponses };
/** Any honor may be corrected by its organization; a valid one may be revoked. */
const offered = (h: HonorView): RecordAction[] => (h.status === '有效' ? ['update', 'revoke'] : ['update']);

export const honorRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/honors',
    {
      config,
      schema: {
        tags,
        summary: '查询表彰、命名、推荐、选树和评选记录（组织含下级；可按类别、对象、称号、级别、授予日期筛选）',
        querystring: honorListQuery,
        response: { 200: honorPageView.extend({ items: z.array(honorWithActions) }), ...errorResponses },
      },
    },
    async (req) => pageWithActions(req.ctx, await findHonors(req.ctx, req.query), offered),
  );

  app.post(
    '/honors',
    {
      config,
      schema: {
        tags,
        summary: '登记荣誉：个人（党员或按姓名）、集体（本系统组织或按名称）、家庭',
        body: honorInput,
        response: { 201: honorWithActions, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await withActionsOne(req.ctx, await recordHonor(req.ctx, req.body), offered)),
  );

  app.get(
    '/honors/figures',
    {
      config,
      schema: {
        tags,
        summary: '表彰和选树统计指标（受表彰个人、党组织、优秀党务工作者、上级命名、推荐、持有、选树、评选）',
        querystring: honorFiguresQuery,
        response: { 200: honorFiguresView, ...errorResponses },
      },
    },
    async (req) => honorFigures(req.ctx, { orgCode: req.query.org, period: req.query.period }),
  );

  app.get(
    '/honors/breakdown',
    {
      config,
      schema: {
        tags,
        summary: '期内荣誉按类别、级别、授予对象分组统计',
        querystring: honorFiguresQuery,
        response: { 200: honorBreakdownView, ...errorResponses },
      },
    },
    async (req) => honorBreakdown(req.ctx, { orgCode: req.query.org, period: req.query.period }),
  );

  app.get(
    '/honors/:id',
    { config, schema: { tags, summary: '查看荣誉记录', params: idParams, response: one } },
    async (req) => withActionsOne(req.ctx, await getHonor(req.ctx, req.params.id), offered),
  );

  app.patch(
    '/honors/:id',
    {
      config,
      schema: { tags, summary: '更正荣誉记录（类别、称号、级别、授予机关、日期、备注；授予对象不在此修改）', params: idParams, body: honorPatch, response: one },
    },
    async (req) => withActionsOne(req.ctx, await updateHonor(req.ctx, req.params.id, req.body), offered),
  );

  app.post(
    '/honors/:id/revoke',
    {
      config,
      schema: { tags, summary: '撤销荣誉（记录保留，注明撤销日期和原因；不能重复撤销）', params: idParams, body: honorRevokeInput, response: one },
    },
    async (req) => withActionsOne(req.ctx, await revokeHonor(req.ctx, req.params.id, req.body), offered),
  );

  app.get(
    '/members/:id/honors',
    {
      config: { labels: { ...config.labels, id: '党员记录编号' } },
      schema: { tags, summary: '某党员获得的荣誉', params: idParams, response: { 200: z.object({ items: z.array(honorView) }), ...errorResponses } },
    },
    async (req) => ({ items: await memberHonors(req.ctx, req.params.id) }),
  );
};
