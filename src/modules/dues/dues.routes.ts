import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LIST_LABELS, errorResponses, idParams, type RouteOptions } from '../../server/http.js';
import { duesFigures } from './dues-figures.js';
import { duesLedger, memberDues } from './dues-ledger.js';
import { recordBranchPayments } from './record-branch-payments.js';
import { recordDuesApproval } from './record-dues-approval.js';
import { recordDuesPayment } from './record-dues-payment.js';
import { setDuesBase } from './set-dues-base.js';
import {
  DUES_LABELS,
  branchPaymentInput,
  branchPaymentView,
  duesApprovalBody,
  duesApprovalView,
  duesBaseBody,
  duesBasesView,
  duesFiguresQuery,
  duesFiguresView,
  duesLedgerQuery,
  duesLedgerView,
  duesMemberView,
  duesPaymentBody,
  duesPaymentView,
  duesRangeQuery,
} from './dues.schema.js';

const tags = ['党费'];
const config = { labels: { ...LIST_LABELS, ...DUES_LABELS, id: '党员记录编号' } };

export const duesRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/dues',
    {
      config,
      schema: {
        tags,
        summary: '党费台账：组织（含下级）党员各月应交、实交、交纳日期和状态（按党员分页；默认本年1月至本月）',
        querystring: duesLedgerQuery,
        response: { 200: duesLedgerView, ...errorResponses },
      },
    },
    async (req) => duesLedger(req.ctx, { ...req.query, orgCode: req.query.org }),
  );

  app.get(
    '/dues/figures',
    {
      config,
      schema: {
        tags,
        summary: '党费统计：应交、实交、交纳率、连续3个月以上未交和未核定基数的党员（附明细）',
        querystring: duesFiguresQuery,
        response: { 200: duesFiguresView, ...errorResponses },
      },
    },
    async (req) => duesFigures(req.ctx, { ...req.query, orgCode: req.query.org }),
  );

  app.post(
    '/dues/branch-payments',
    {
      config,
      schema: {
        tags,
        summary: '按支部登记某月党费：全体（或所列）党员按应交金额记为已交，未核定基数、免交、已交的列为跳过',
        body: branchPaymentInput,
        response: { 200: branchPaymentView, ...errorResponses },
      },
    },
    async (req) => recordBranchPayments(req.ctx, req.body),
  );

  app.get(
    '/members/:id/dues',
    {
      config,
      schema: { tags, summary: '某党员各月党费', params: idParams, querystring: duesRangeQuery, response: { 200: duesMemberView, ...errorResponses } },
    },
    async (req) => memberDues(req.ctx, req.params.id, req.query),
  );

  app.post(
    '/members/:id/dues/bases',
    {
      config,
      schema: {
        tags,
        summary: '核定党费类别和基数（自某月起；同月再次核定则更正）',
        params: idParams,
        body: duesBaseBody,
        response: { 200: duesBasesView, ...errorResponses },
      },
    },
    async (req) => setDuesBase(req.ctx, { ...req.body, memberId: req.params.id }),
  );

  app.post(
    '/members/:id/dues/approvals',
    {
      config,
      schema: {
        tags,
        summary: '登记减交、免交（须上一级党委批准）或按季交纳（支部同意）',
        params: idParams,
        body: duesApprovalBody,
        response: { 201: duesApprovalView, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await recordDuesApproval(req.ctx, { ...req.body, memberId: req.params.id })),
  );

  app.post(
    '/members/:id/dues/payments',
    {
      config,
      schema: {
        tags,
        summary: '登记党员交纳党费（一个或多个月，全部成功或全部不写入）',
        params: idParams,
        body: duesPaymentBody,
        response: { 201: duesPaymentView, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await recordDuesPayment(req.ctx, { ...req.body, memberId: req.params.id })),
  );
};
