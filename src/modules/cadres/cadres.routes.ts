import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LIST_LABELS, errorResponses, idParams, type RouteOptions } from '../../server/http.js';
import { pageWithActions, withActionsView, type RecordAction } from '../access/record-actions.js';
import { cadreFigures } from './cadre-figures.js';
import { deleteCadreEvent } from './delete-cadre-event.js';
import { findCadreEvents } from './find-cadre-events.js';
import { recordCadreEvent } from './record-cadre-event.js';
import { CADRE_LABELS, cadreEventInput, cadreEventListQuery, cadreEventPageView, cadreEventView, cadreFiguresQuery, cadreFiguresView } from './cadres.schema.js';

const tags = ['干部工作'];
const offered = (): RecordAction[] => ['delete'];
const config = { labels: { ...LIST_LABELS, ...CADRE_LABELS, id: '干部工作记录编号' } };

export const cadreRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/cadre-events',
    {
      config,
      schema: { tags, summary: '查询干部工作记录（调整、提拔、招录、后备干部、谈话等；组织含下级）', querystring: cadreEventListQuery, response: { 200: cadreEventPageView.extend({ items: z.array(withActionsView(cadreEventView)) }), ...errorResponses } },
    },
    async (req) => pageWithActions(req.ctx, await findCadreEvents(req.ctx, req.query), offered),
  );

  app.post(
    '/cadre-events',
    {
      config,
      schema: { tags, summary: '登记干部工作记录：党员（按党员记录）或按姓名登记的人员', body: cadreEventInput, response: { 201: cadreEventView, ...errorResponses } },
    },
    async (req, reply) => reply.code(201).send(await recordCadreEvent(req.ctx, req.body)),
  );

  app.get(
    '/cadre-events/figures',
    {
      config,
      schema: { tags, summary: '干部工作统计指标（调整、提拔、招录、人才引进、后备干部、谈话诫勉、选派）', querystring: cadreFiguresQuery, response: { 200: cadreFiguresView, ...errorResponses } },
    },
    async (req) => cadreFigures(req.ctx, { orgCode: req.query.org, period: req.query.period }),
  );

  app.delete(
    '/cadre-events/:id',
    { config, schema: { tags, summary: '删除误登记的干部工作记录（记入审计日志）', params: idParams, response: { 200: cadreEventView, ...errorResponses } } },
    async (req) => deleteCadreEvent(req.ctx, req.params.id),
  );
};
