import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LIST_LABELS, errorResponses, type RouteOptions } from '../../server/http.js';
import { FIGURES_LABELS, ledgerFiguresQuery, ledgerFiguresView } from './figures.schema.js';
import { ledgerFigures, parseLedgers } from './ledger-figures.js';

export const figuresRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/figures',
    {
      config: { labels: { ...LIST_LABELS, ...FIGURES_LABELS } },
      schema: {
        tags: ['统计'],
        summary: '各台账的统计数字（指标目录编号）：组织、党员、发展党员、组织生活、党费、学习培训、服务、表彰、捐款、任务、巡察整改、定级、公开、干部、宣传和手工填报，附计算方法和所依据的记录数',
        querystring: ledgerFiguresQuery,
        response: { 200: ledgerFiguresView, ...errorResponses },
      },
    },
    async (req) =>
      ledgerFigures(req.ctx, { orgCode: req.query.org, period: req.query.period, ledgers: parseLedgers(req.query.ledger), evidence: req.query.evidence }),
  );
};
