import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LIST_LABELS, errorResponses, idParams, type RouteOptions } from '../../server/http.js';
import { createDisclosureItem } from './create-disclosure-item.js';
import { disclosureFigures } from './disclosure-figures.js';
import { getDisclosure } from './disclosure-records.js';
import { disclosureStatus } from './disclosure-status.js';
import { findDisclosureItems } from './find-disclosure-items.js';
import { findDisclosures } from './find-disclosures.js';
import { installDisclosureCatalogue } from './install-disclosure-catalogue.js';
import { proposeDisclosure } from './propose-disclosure.js';
import { takeDisclosureStep } from './take-disclosure-step.js';
import {
  DISCLOSURE_LABELS,
  disclosureFiguresQuery,
  disclosureFiguresView,
  disclosureInput,
  disclosureInstallInput,
  disclosureInstallView,
  disclosureItemInput,
  disclosureItemListQuery,
  disclosureItemView,
  disclosureItemsView,
  disclosureListQuery,
  disclosurePageView,
  disclosureStatusQuery,
  disclosureStatusView,
  disclosureStepInput,
  disclosureView,
} from './disclosures.schema.js';

const tags = ['三务公开'];
const config = { labels: { ...LIST_LABELS, ...DISCLOSURE_LABELS, id: '公开记录编号' } };

export const disclosureRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/disclosure-items',
    {
      config,
      schema: { tags, summary: '公开目录：适用于某组织（本级和上级定义）及其下级定义的公开事项', querystring: disclosureItemListQuery, response: { 200: disclosureItemsView, ...errorResponses } },
    },
    async (req) => ({ items: await findDisclosureItems(req.ctx, req.query) }),
  );

  app.post(
    '/disclosure-items',
    {
      config,
      schema: { tags, summary: '增设公开事项（类别、名称、频次、适用单位类型），适用于本级和下级组织', body: disclosureItemInput, response: { 201: disclosureItemView, ...errorResponses } },
    },
    async (req, reply) => reply.code(201).send(await createDisclosureItem(req.ctx, req.body)),
  );

  app.post(
    '/disclosure-items/install',
    {
      config,
      schema: {
        tags,
        summary: '为组织设置默认公开目录（党务每季度和随时、村务每季度和随时、财务每季度和随时；或为财务往来较多的村只设置财务收支每月公开）',
        body: disclosureInstallInput,
        response: { 200: disclosureInstallView, ...errorResponses },
      },
    },
    async (req) => installDisclosureCatalogue(req.ctx, req.body),
  );

  app.get(
    '/disclosures',
    {
      config,
      schema: { tags, summary: '查询公开记录（组织含下级；可按事项、类别、办理状态、提出日期筛选）', querystring: disclosureListQuery, response: { 200: disclosurePageView, ...errorResponses } },
    },
    async (req) => findDisclosures(req.ctx, req.query),
  );

  app.post(
    '/disclosures',
    {
      config,
      schema: { tags, summary: '提出公开（组织、公开事项、期次、内容、提出日期）', body: disclosureInput, response: { 201: disclosureView, ...errorResponses } },
    },
    async (req, reply) => reply.code(201).send(await proposeDisclosure(req.ctx, req.body)),
  );

  app.get(
    '/disclosures/status',
    {
      config,
      schema: {
        tags,
        summary: '三务公开进度：各组织各事项最近公开期次、是否逾期，滞后的组织，提出后久未审核的公开',
        querystring: disclosureStatusQuery,
        response: { 200: disclosureStatusView, ...errorResponses },
      },
    },
    async (req) => disclosureStatus(req.ctx, req.query),
  );

  app.get(
    '/disclosures/figures',
    {
      config,
      schema: { tags, summary: '三务公开统计指标（公开次数、应公开未公开期次、按期公开率、滞后组织数）', querystring: disclosureFiguresQuery, response: { 200: disclosureFiguresView, ...errorResponses } },
    },
    async (req) => disclosureFigures(req.ctx, { orgCode: req.query.org, period: req.query.period }),
  );

  app.get(
    '/disclosures/:id',
    { config, schema: { tags, summary: '查看公开记录', params: idParams, response: { 200: disclosureView, ...errorResponses } } },
    async (req) => getDisclosure(req.ctx, req.params.id),
  );

  app.post(
    '/disclosures/:id/steps',
    {
      config,
      schema: {
        tags,
        summary: '办理公开的下一环节：审核（含保密审查）→ 审批 → 公开，依次办理，不能跳过或倒退',
        params: idParams,
        body: disclosureStepInput,
        response: { 200: disclosureView, ...errorResponses },
      },
    },
    async (req) => takeDisclosureStep(req.ctx, req.params.id, req.body),
  );
};
