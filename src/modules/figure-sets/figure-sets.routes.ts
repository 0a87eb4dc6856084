import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LIST_LABELS, errorResponses, idParams, type RouteOptions } from '../../server/http.js';
import { pageWithActions, withActionsOne, withActionsView, type RecordAction } from '../access/record-actions.js';
import { createFigureSet } from './create-figure-set.js';
import { deleteFigureSet } from './delete-figure-set.js';
import { getFigureSet } from './figure-set-records.js';
import { findFigureSets } from './find-figure-sets.js';
import { manualFigures } from './manual-figures.js';
import { manualIndicators } from './manual-indicators.js';
import { setFigureValue } from './set-figure-value.js';
import {
  FIGURE_SET_LABELS,
  figureSetFiguresQuery,
  figureSetInput,
  figureSetListQuery,
  figureSetPageView,
  figureSetParams,
  figureSetRecordView,
  figureValuePatch,
  manualFiguresView,
  manualIndicatorsView,
} from './figure-sets.schema.js';

const tags = ['手工填报数据'];
const config = { labels: { ...LIST_LABELS, ...FIGURE_SET_LABELS, id: '填报表编号' } };
const one = { 200: figureSetRecordView, ...errorResponses };
const setWithActions = withActionsView(figureSetRecordView);
const offered = (): RecordAction[] => ['delete'];

export const figureSetRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/figure-sets',
    {
      config,
      schema: {
        tags,
        summary: '查询手工填报表（组织含下级；可按统计期、数据来源单位、指标筛选；同期以最近一次填报为准）',
        querystring: figureSetListQuery,
        response: { 200: figureSetPageView.extend({ items: z.array(setWithActions) }), ...errorResponses },
      },
    },
    async (req) => pageWithActions(req.ctx, await findFigureSets(req.ctx, req.query), offered),
  );

  app.post(
    '/figure-sets',
    {
      config,
      schema: {
        tags,
        summary: '填报其他部门数据（纪委监委汇总数据、经济、网信等）：组织、统计期、数据来源单位和各项指标数值，一次提交',
        body: figureSetInput,
        response: { 201: figureSetRecordView, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createFigureSet(req.ctx, req.body)),
  );

  app.get(
    '/figure-sets/figures',
    {
      config,
      schema: {
        tags,
        summary: '手工填报指标：本组织本统计期最近一次填报的数值（不含下级汇总）',
        querystring: figureSetFiguresQuery,
        response: { 200: manualFiguresView, ...errorResponses },
      },
    },
    async (req) => manualFigures(req.ctx, { orgCode: req.query.org, period: req.query.period }),
  );

  app.get(
    '/figure-sets/:id',
    { config, schema: { tags, summary: '查看手工填报表及其各项数值', params: idParams, response: { 200: setWithActions, ...errorResponses } } },
    async (req) => withActionsOne(req.ctx, await getFigureSet(req.ctx, req.params.id), offered),
  );

  app.delete(
    '/figure-sets/:id',
    { config, schema: { tags, summary: '删除误填的填报表及其数值（记入审计日志）', params: idParams, response: one } },
    async (req) => deleteFigureSet(req.ctx, req.params.id),
  );

  app.put(
    '/figure-sets/:id/values/:indicatorId',
    {
      config,
      schema: { tags, summary: '更正（或补充）填报表中某项指标的数值（记入审计日志，保留更正前后数值）', params: figureSetParams, body: figureValuePatch, response: one },
    },
    async (req) => setFigureValue(req.ctx, req.params.id, req.params.indicatorId, req.body),
  );

  app.get(
    '/indicators/manual',
    {
      config,
      schema: { tags, summary: '可手工填报的指标（指标目录中来源为其他部门或纪委监委汇总的指标）及其单位和口径', response: { 200: manualIndicatorsView, ...errorResponses } },
    },
    async () => ({ items: manualIndicators() }),
  );
};
