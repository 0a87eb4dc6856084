import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LIST_LABELS, errorResponses, idParams, type RouteOptions } from '../../server/http.js';
import { pageWithActions, withActionsView, type RecordAction } from '../access/record-actions.js';
import { deleteDonation } from './delete-donation.js';
import { donationFigures } from './donation-figures.js';
import { donationCampaigns, findDonations } from './find-donations.js';
import { recordDonationBatch } from './record-donation-batch.js';
import { recordDonation } from './record-donation.js';
import {
  DONATION_LABELS,
  donationBatchBody,
  donationBatchView,
  donationBody,
  donationCampaignsQuery,
  donationCampaignsView,
  donationFiguresQuery,
  donationFiguresView,
  donationListQuery,
  donationPageView,
  donationView,
} from './donations.schema.js';

const tags = ['党员捐款'];
const offered = (): RecordAction[] => ['delete'];
const config = { labels: { ...LIST_LABELS, ...DONATION_LABELS, id: '捐款记录编号' } };

export const donationRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/donations',
    {
      config,
      schema: {
        tags,
        summary: '查询党员自愿捐款（特殊党费）记录（组织含下级；可按活动、日期筛选），附合计金额',
        querystring: donationListQuery,
        response: { 200: donationPageView.extend({ items: z.array(withActionsView(donationView)) }), ...errorResponses },
      },
    },
    async (req) => pageWithActions(req.ctx, await findDonations(req.ctx, req.query), offered),
  );

  app.post(
    '/donations',
    {
      config,
      schema: { tags, summary: '登记党员自愿捐款（金额以元计，最多两位小数）', body: donationBody, response: { 201: donationView, ...errorResponses } },
    },
    async (req, reply) => reply.code(201).send(await recordDonation(req.ctx, req.body)),
  );

  app.post(
    '/donations/batch',
    {
      config,
      schema: {
        tags,
        summary: '按组织一次登记多名党员的捐款（同一活动、同一日期；全部成功或全部不写入）',
        body: donationBatchBody,
        response: { 201: donationBatchView, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await recordDonationBatch(req.ctx, req.body)),
  );

  app.get(
    '/donations/figures',
    {
      config,
      schema: {
        tags,
        summary: '党员捐款统计指标：捐款人数、捐款率（占期末在册党员）、捐款金额',
        querystring: donationFiguresQuery,
        response: { 200: donationFiguresView, ...errorResponses },
      },
    },
    async (req) => donationFigures(req.ctx, { orgCode: req.query.org, period: req.query.period, campaign: req.query.campaign }),
  );

  app.get(
    '/donations/campaigns',
    {
      config,
      schema: { tags, summary: '捐款活动及其人数、笔数、合计金额', querystring: donationCampaignsQuery, response: { 200: donationCampaignsView, ...errorResponses } },
    },
    async (req) => donationCampaigns(req.ctx, req.query),
  );

  app.delete(
    '/donations/:id',
    { config, schema: { tags, summary: '删除误登记的捐款记录（记入审计日志）', params: idParams, response: { 200: donationView, ...errorResponses } } },
    async (req) => deleteDonation(req.ctx, req.params.id),
  );
};
