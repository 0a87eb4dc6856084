import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LIST_LABELS, errorResponses, idParams, type RouteOptions } from '../../server/http.js';
import { pageWithActions, withActionsView, type RecordAction } from '../access/record-actions.js';
import { deletePublication } from './delete-publication.js';
import { findPublications } from './find-publications.js';
import { publicityFigures } from './publicity-figures.js';
import { recordPublication } from './record-publication.js';
import {
  PUBLICITY_LABELS,
  publicationInput,
  publicationListQuery,
  publicationPageView,
  publicationView,
  publicityFiguresQuery,
  publicityFiguresView,
} from './publicity.schema.js';

const tags = ['宣传'];
const offered = (): RecordAction[] => ['delete'];
const config = { labels: { ...LIST_LABELS, ...PUBLICITY_LABELS, id: '宣传稿件记录编号' } };

export const publicityRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/publications',
    {
      config,
      schema: { tags, summary: '查询宣传稿件（组织含下级；可按媒体级别、形式、主题、刊发日期筛选）', querystring: publicationListQuery, response: { 200: publicationPageView.extend({ items: z.array(withActionsView(publicationView)) }), ...errorResponses } },
    },
    async (req) => pageWithActions(req.ctx, await findPublications(req.ctx, req.query), offered),
  );

  app.post(
    '/publications',
    { config, schema: { tags, summary: '登记宣传稿件（媒体级别、媒体名称、形式、原创或转载、刊发日期）', body: publicationInput, response: { 201: publicationView, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await recordPublication(req.ctx, req.body)),
  );

  app.get(
    '/publications/figures',
    {
      config,
      schema: { tags, summary: '宣传统计指标（各级媒体用稿、新媒体推送、原创和转载、视频、专版、广播）', querystring: publicityFiguresQuery, response: { 200: publicityFiguresView, ...errorResponses } },
    },
    async (req) => publicityFigures(req.ctx, { orgCode: req.query.org, period: req.query.period }),
  );

  app.delete(
    '/publications/:id',
    { config, schema: { tags, summary: '删除误登记的宣传稿件（记入审计日志）', params: idParams, response: { 200: publicationView, ...errorResponses } } },
    async (req) => deletePublication(req.ctx, req.params.id),
  );
};
