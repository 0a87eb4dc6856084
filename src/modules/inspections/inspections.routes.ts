import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LIST_LABELS, errorResponses, idParams, type RouteOptions } from '../../server/http.js';
import { problemStepsField, withSteps, withStepsOne } from './problem-steps.js';
import { pageWithActions, withActionsOne, withActionsView, type RecordAction } from '../access/record-actions.js';
import { addInspectionTargets } from './add-inspection-targets.js';
import { createInspection } from './create-inspection.js';
import { findInspections, getInspection } from './find-inspections.js';
import { findProblems } from './find-problems.js';
import { inspectionFigures, problemBreakdown } from './inspection-figures.js';
import { getProblem } from './problem-records.js';
import { recordProblem } from './record-problem.js';
import { stepProblem } from './step-problem.js';
import { updateInspection } from './update-inspection.js';
import { updateProblem } from './update-problem.js';
import {
  INSPECTION_LABELS,
  PROBLEM_ACTIONS,
  inspectionDetailView,
  inspectionFiguresQuery,
  inspectionFiguresView,
  inspectionInput,
  inspectionListQuery,
  inspectionPageView,
  inspectionPatch,
  inspectionView,
  problemBreakdownView,
  problemDetailView,
  problemInput,
  problemListQuery,
  problemPageView,
  problemPatch,
  problemStepInput,
  problemView,
  targetsInput,
} from './inspections.schema.js';

const tags = ['巡察督查和整改台账'];
const inspectionOffered = (): RecordAction[] => ['update'];
const problemWithSteps = problemDetailView.extend({ steps: problemStepsField });
const problemOne = { 200: problemWithSteps, ...errorResponses };
const inspectionConfig = { labels: { ...LIST_LABELS, ...INSPECTION_LABELS, id: '巡察（督查）编号' } };
const problemConfig = { labels: { ...LIST_LABELS, ...INSPECTION_LABELS, id: '整改问题编号' } };

export const inspectionRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/inspections',
    {
      config: inspectionConfig,
      schema: {
        tags,
        summary: '查询巡察、督查轮次（组织含下级开展的；可按类别、开始日期筛选）',
        querystring: inspectionListQuery,
        response: { 200: inspectionPageView.extend({ items: z.array(withActionsView(inspectionView)) }), ...errorResponses },
      },
    },
    async (req) => pageWithActions(req.ctx, await findInspections(req.ctx, req.query), inspectionOffered),
  );

  app.post(
    '/inspections',
    {
      config: inspectionConfig,
      schema: {
        tags,
        summary: '登记巡察、督查轮次：开展组织、类别、日期、对象（下级组织或系统外单位），移交线索和通报文书数',
        body: inspectionInput,
        response: { 201: inspectionView, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createInspection(req.ctx, req.body)),
  );

  app.get(
    '/inspections/figures',
    {
      config: inspectionConfig,
      schema: {
        tags,
        summary: '巡察督查和整改统计指标（轮次、对象、线索、发现问题、整改到位、整改率、逾期、重新整改等）',
        querystring: inspectionFiguresQuery,
        response: { 200: inspectionFiguresView, ...errorResponses },
      },
    },
    async (req) => inspectionFigures(req.ctx, { orgCode: req.query.org, period: req.query.period }),
  );

  app.get(
    '/inspections/:id',
    {
      config: inspectionConfig,
      schema: { tags, summary: '查看巡察、督查轮次：对象、本轮发现的问题及其整改状态统计', params: idParams, response: { 200: withActionsView(inspectionDetailView), ...errorResponses } },
    },
    async (req) => withActionsOne(req.ctx, await getInspection(req.ctx, req.params.id), inspectionOffered),
  );

  app.patch(
    '/inspections/:id',
    {
      config: inspectionConfig,
      schema: { tags, summary: '更正巡察、督查轮次（类别、名称、轮次、日期、线索和文书数、备注）', params: idParams, body: inspectionPatch, response: { 200: inspectionView, ...errorResponses } },
    },
    async (req) => updateInspection(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/inspections/:id/targets',
    {
      config: inspectionConfig,
      schema: { tags, summary: '增加巡察、督查对象', params: idParams, body: targetsInput, response: { 200: inspectionView, ...errorResponses } },
    },
    async (req) => addInspectionTargets(req.ctx, req.params.id, req.body),
  );

  app.get(
    '/problems',
    {
      config: problemConfig,
      schema: {
        tags,
        summary: '查询整改台账（组织含下级；可按来源、类别、状态或逾期、巡察轮次、发现日期筛选）',
        querystring: problemListQuery,
        response: { 200: problemPageView.extend({ items: z.array(problemView.extend({ steps: problemStepsField })) }), ...errorResponses },
      },
    },
    async (req) => {
      const page = await findProblems(req.ctx, req.query);
      return { ...page, items: await withSteps(req.ctx, page.items) };
    },
  );

  app.post(
    '/problems',
    {
      config: problemConfig,
      schema: { tags, summary: '登记问题（进入整改台账，状态为待整改）', body: problemInput, response: { 201: problemWithSteps, ...errorResponses } },
    },
    async (req, reply) => reply.code(201).send(await withStepsOne(req.ctx, await recordProblem(req.ctx, req.body))),
  );

  app.get(
    '/problems/breakdown',
    {
      config: problemConfig,
      schema: {
        tags,
        summary: '期内发现的问题按来源、类别、整改状态分组统计',
        querystring: inspectionFiguresQuery,
        response: { 200: problemBreakdownView, ...errorResponses },
      },
    },
    async (req) => problemBreakdown(req.ctx, { orgCode: req.query.org, period: req.query.period }),
  );

  app.get(
    '/problems/:id',
    { config: problemConfig, schema: { tags, summary: '查看整改问题及其办理记录', params: idParams, response: problemOne } },
    async (req) => withStepsOne(req.ctx, await getProblem(req.ctx, req.params.id)),
  );

  app.patch(
    '/problems/:id',
    {
      config: problemConfig,
      schema: {
        tags,
        summary: '修改整改问题（销号前：类别、层面、描述、责任人、措施、时限、备注；状态只能通过办理步骤改变）',
        params: idParams,
        body: problemPatch,
        response: problemOne,
      },
    },
    async (req) => withStepsOne(req.ctx, await updateProblem(req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/problems/:id/steps',
    {
      config: problemConfig,
      schema: {
        tags,
        summary: `办理整改步骤（${PROBLEM_ACTIONS.join('、')}；验收、销号和重新整改由上级党组织办理；只能按顺序向前）`,
        params: idParams,
        body: problemStepInput,
        response: problemOne,
      },
    },
    async (req) => withStepsOne(req.ctx, await stepProblem(req.ctx, req.params.id, req.body)),
  );
};
