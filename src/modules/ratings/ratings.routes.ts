import { z } from 'zod';
import { withActionsView } from '../access/record-actions.js';
import { withRatingActions, withWeakCaseActions, withWeakCaseActionsOne } from './rating-actions.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LIST_LABELS, errorResponses, idParams, type RouteOptions } from '../../server/http.js';
import { assessRating } from './assess-rating.js';
import { decideRating } from './decide-rating.js';
import { getDesignation } from './designation-records.js';
import { findDesignations } from './find-designations.js';
import { findRatings } from './find-ratings.js';
import { findWeakCases } from './find-weak-cases.js';
import { openWeakCase } from './open-weak-case.js';
import { ratingBreakdown, ratingFigures } from './rating-figures.js';
import { getRating } from './rating-records.js';
import { createRatingScheme, getRatingScheme, listRatingSchemes, updateRatingScheme } from './rating-schemes.js';
import { recordDesignation } from './record-designation.js';
import { revokeDesignation } from './revoke-designation.js';
import { stepWeakCase } from './step-weak-case.js';
import { updateRating } from './update-rating.js';
import { getWeakCase } from './weak-case-records.js';
import {
  RATING_LABELS,
  designationInput,
  designationListQuery,
  designationPageView,
  designationRevokeInput,
  designationView,
  ratingBreakdownQuery,
  ratingBreakdownView,
  ratingDecision,
  ratingDecisionView,
  ratingFiguresQuery,
  ratingFiguresView,
  ratingInput,
  ratingListQuery,
  ratingPageView,
  ratingPatch,
  ratingView,
  schemeInput,
  schemeUpdate,
  schemeView,
  weakCaseInput,
  weakCaseListQuery,
  weakCasePageView,
  weakCaseStep,
  weakCaseView,
} from './ratings.schema.js';

const tags = ['分类定级和软弱涣散整顿'];
const config = { labels: { ...LIST_LABELS, ...RATING_LABELS } };
const codeParams = z.object({ code: z.string().trim().min(1).max(40) });

const weakWithActions = withActionsView(weakCaseView);
const ratingWithActions = withActionsView(ratingView);

export const ratingRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/rating-schemes',
    { config, schema: { tags, summary: '评定方案（内置的中央分类定级模式、五星创评，及本地设置的方案）', response: { 200: z.object({ items: z.array(schemeView) }), ...errorResponses } } },
    async (req) => ({ items: await listRatingSchemes(req.ctx) }),
  );
  app.post(
    '/rating-schemes',
    { config, schema: { tags, summary: '新设评定方案（系统管理员；指标分值合计须等于总分，等次分数线从高到低）', body: schemeInput, response: { 201: schemeView, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await createRatingScheme(req.ctx, req.body)),
  );
  app.get(
    '/rating-schemes/:code',
    { config, schema: { tags, summary: '查看评定方案', params: codeParams, response: { 200: schemeView, ...errorResponses } } },
    async (req) => getRatingScheme(req.ctx, req.params.code),
  );
  app.put(
    '/rating-schemes/:code',
    { config, schema: { tags, summary: '修改本地评定方案（系统管理员；内置方案不能修改）', params: codeParams, body: schemeUpdate, response: { 200: schemeView, ...errorResponses } } },
    async (req) => updateRatingScheme(req.ctx, req.params.code, req.body),
  );

  app.get(
    '/ratings',
    { config, schema: { tags, summary: '查询分类定级（星级评定）记录（组织含下级；按年度和方案查询时核对等次比例）', querystring: ratingListQuery, response: { 200: ratingPageView.extend({ items: z.array(ratingWithActions) }), ...errorResponses } } },
    async (req) => {
      const page = await findRatings(req.ctx, req.query);
      return { ...page, items: await withRatingActions(req.ctx, page.items) };
    },
  );
  app.post(
    '/ratings',
    { config, schema: { tags, summary: '登记党组织年度自评（各项得分、党员评议、群众满意率），自动计算等次', body: ratingInput, response: { 201: ratingView, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await assessRating(req.ctx, req.body)),
  );
  app.get(
    '/ratings/figures',
    { config, schema: { tags, summary: '分类定级、示范创建和软弱涣散整顿统计指标', querystring: ratingFiguresQuery, response: { 200: ratingFiguresView, ...errorResponses } } },
    async (req) => ratingFigures(req.ctx, { orgCode: req.query.org, period: req.query.period }),
  );
  app.get(
    '/ratings/breakdown',
    { config, schema: { tags, summary: '某年度按方案、等次统计的已评定组织数', querystring: ratingBreakdownQuery, response: { 200: ratingBreakdownView, ...errorResponses } } },
    async (req) => ratingBreakdown(req.ctx, { orgCode: req.query.org, year: req.query.year }),
  );
  app.get(
    '/ratings/:id',
    { config: { labels: { ...config.labels, id: '评定记录编号' } }, schema: { tags, summary: '查看评定记录', params: idParams, response: { 200: ratingWithActions, ...errorResponses } } },
    async (req) => (await withRatingActions(req.ctx, [await getRating(req.ctx, req.params.id)]))[0]!,
  );
  app.patch(
    '/ratings/:id',
    {
      config: { labels: { ...config.labels, id: '评定记录编号' } },
      schema: { tags, summary: '修改自评（上级评定前）', params: idParams, body: ratingPatch, response: { 200: ratingView, ...errorResponses } },
    },
    async (req) => updateRating(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/ratings/:id/decision',
    {
      config: { labels: { ...config.labels, id: '评定记录编号' } },
      schema: {
        tags,
        summary: '上级评定等次（仅上级党组织；与计算等次不同须说明理由；超出比例上限时提示）',
        params: idParams,
        body: ratingDecision,
        response: { 200: ratingDecisionView, ...errorResponses },
      },
    },
    async (req) => decideRating(req.ctx, req.params.id, req.body),
  );

  app.get(
    '/weak-orgs',
    { config, schema: { tags, summary: '查询软弱涣散党组织整顿记录（组织含下级）', querystring: weakCaseListQuery, response: { 200: weakCasePageView.extend({ items: z.array(weakWithActions) }), ...errorResponses } } },
    async (req) => {
      const page = await findWeakCases(req.ctx, req.query);
      return { ...page, items: await withWeakCaseActions(req.ctx, page.items) };
    },
  );
  app.post(
    '/weak-orgs',
    { config, schema: { tags, summary: '列入软弱涣散排查（待研判）', body: weakCaseInput, response: { 201: weakWithActions, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await withWeakCaseActionsOne(req.ctx, await openWeakCase(req.ctx, req.body))),
  );
  app.get(
    '/weak-orgs/:id',
    { config: { labels: { ...config.labels, id: '整顿记录编号' } }, schema: { tags, summary: '查看软弱涣散整顿记录', params: idParams, response: { 200: weakWithActions, ...errorResponses } } },
    async (req) => withWeakCaseActionsOne(req.ctx, await getWeakCase(req.ctx, req.params.id)),
  );
  app.post(
    '/weak-orgs/:id/steps',
    {
      config: { labels: { ...config.labels, id: '整顿记录编号' } },
      schema: {
        tags,
        summary: '整顿步骤：plan 认定并填报整顿方案（待研判→整顿中），dismiss 不予认定，close 销号（认定、不予认定、销号仅上级党组织）',
        params: idParams,
        body: weakCaseStep,
        response: { 200: weakWithActions, ...errorResponses },
      },
    },
    async (req) => withWeakCaseActionsOne(req.ctx, await stepWeakCase(req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/designations',
    { config, schema: { tags, summary: '查询示范创建命名（示范党支部、最强党支部、党建示范村、标准化规范化达标等）', querystring: designationListQuery, response: { 200: designationPageView, ...errorResponses } } },
    async (req) => findDesignations(req.ctx, req.query),
  );
  app.post(
    '/designations',
    { config, schema: { tags, summary: '登记命名（命名、新建、提升、复核）', body: designationInput, response: { 201: designationView, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await recordDesignation(req.ctx, req.body)),
  );
  app.get(
    '/designations/:id',
    { config: { labels: { ...config.labels, id: '命名记录编号' } }, schema: { tags, summary: '查看命名记录', params: idParams, response: { 200: designationView, ...errorResponses } } },
    async (req) => getDesignation(req.ctx, req.params.id),
  );
  app.post(
    '/designations/:id/revoke',
    {
      config: { labels: { ...config.labels, id: '命名记录编号' } },
      schema: { tags, summary: '撤销命名（记录保留，注明撤销日期和原因）', params: idParams, body: designationRevokeInput, response: { 200: designationView, ...errorResponses } },
    },
    async (req) => revokeDesignation(req.ctx, req.params.id, req.body),
  );
};
