import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LIST_LABELS, errorResponses, idParams, type RouteOptions } from '../../server/http.js';
import { pageWithActions, withActionsOne, withActionsView, type RecordAction } from '../access/record-actions.js';
import { figureSetView } from '../../shared/figures.js';
import { addAttendance, removeAttendance } from './training-attendance.js';
import { createTraining } from './create-training.js';
import { deleteStudyRecord } from './delete-study.js';
import { getTraining, listTrainings } from './find-trainings.js';
import { memberStudy } from './member-study.js';
import { recordStudy } from './record-study.js';
import { studyFigures, studyRanking } from './study-figures.js';
import { listStudyRecords } from './study-records.js';
import { updateTraining } from './update-training.js';
import {
  STUDY_LABELS,
  attendanceInput,
  attendanceRemoveInput,
  memberStudyQuery,
  memberStudyView,
  rankingView,
  recordStudyView,
  studyFiguresQuery,
  studyListQuery,
  studyListView,
  studyRankingQuery,
  studyRecordInput,
  studyRecordView,
  trainingDetailView,
  trainingInput,
  trainingListQuery,
  trainingListView,
  trainingPatch,
  trainingView,
} from './study.schema.js';

const tags = ['学习培训'];
const config = { labels: { ...LIST_LABELS, ...STUDY_LABELS } };
const studyWithActions = withActionsView(studyRecordView);
const trainingWithActions = withActionsView(trainingView);
const studyOffered = (): RecordAction[] => ['delete'];
const trainingOffered = (): RecordAction[] => ['update'];
const attendanceParams = idParams.extend({ memberId: z.coerce.number().int().min(1).max(2_147_483_647) });

export const studyRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/study/records',
    {
      config,
      schema: {
        tags,
        summary: '学习记录：某党员的，或组织（含下级）的（按类别、日期筛选，分页，新的在前）',
        querystring: studyListQuery,
        response: { 200: studyListView.extend({ items: z.array(studyWithActions) }), ...errorResponses },
      },
    },
    async (req) => pageWithActions(req.ctx, await listStudyRecords(req.ctx, req.query), studyOffered),
  );

  app.post(
    '/study/records',
    {
      config,
      schema: {
        tags,
        summary: '登记党员学习（学时最多一位小数；每满半小时积1分，每人每日最多8分）',
        body: studyRecordInput,
        response: { 201: recordStudyView, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await recordStudy(req.ctx, req.body)),
  );

  app.delete(
    '/study/records/:id',
    {
      config: { labels: { ...config.labels, id: '学习记录编号' } },
      schema: { tags, summary: '删除学习记录（记入审计日志）', params: idParams, response: { 200: studyRecordView, ...errorResponses } },
    },
    async (req) => deleteStudyRecord(req.ctx, req.params.id),
  );

  app.get(
    '/members/:id/study',
    {
      config: { labels: { ...config.labels, id: '党员记录编号' } },
      schema: {
        tags,
        summary: '某党员全年学习培训：集中学习培训学时、应达学时（32或56）、差额、积分和明细',
        params: idParams,
        querystring: memberStudyQuery,
        response: { 200: memberStudyView, ...errorResponses },
      },
    },
    async (req) => memberStudy(req.ctx, req.params.id, req.query),
  );

  app.get(
    '/study/figures',
    {
      config,
      schema: {
        tags,
        summary: '学习培训统计（指标目录编号）：培训次数、人次、覆盖率、人均学时、中心组学习等',
        querystring: studyFiguresQuery,
        response: { 200: figureSetView, ...errorResponses },
      },
    },
    async (req) => studyFigures(req.ctx, { orgCode: req.query.org, period: req.query.period }),
  );

  app.get(
    '/study/ranking',
    {
      config,
      schema: {
        tags,
        summary: '按人均学习积分排名：下一级组织（或所属党支部），并列同名次',
        querystring: studyRankingQuery,
        response: { 200: rankingView, ...errorResponses },
      },
    },
    async (req) => studyRanking(req.ctx, { orgCode: req.query.org, period: req.query.period, level: req.query.level }),
  );

  app.get(
    '/trainings',
    {
      config,
      schema: {
        tags,
        summary: '培训列表：组织（含下级）主办的，按统计期、类别、培训对象筛选（分页）',
        querystring: trainingListQuery,
        response: { 200: trainingListView.extend({ items: z.array(trainingWithActions) }), ...errorResponses },
      },
    },
    async (req) => pageWithActions(req.ctx, await listTrainings(req.ctx, req.query), trainingOffered),
  );

  app.post(
    '/trainings',
    {
      config,
      schema: { tags, summary: '登记培训（培训班、专题讲座、现场教学、理论宣讲等）', body: trainingInput, response: { 201: trainingView, ...errorResponses } },
    },
    async (req, reply) => reply.code(201).send(await createTraining(req.ctx, req.body)),
  );

  app.get(
    '/trainings/:id',
    {
      config: { labels: { ...config.labels, id: '培训编号' } },
      schema: { tags, summary: '培训详情及参训党员', params: idParams, response: { 200: withActionsView(trainingDetailView), ...errorResponses } },
    },
    async (req) => withActionsOne(req.ctx, await getTraining(req.ctx, req.params.id), trainingOffered),
  );

  app.patch(
    '/trainings/:id',
    {
      config: { labels: { ...config.labels, id: '培训编号' } },
      schema: { tags, summary: '修改培训', params: idParams, body: trainingPatch, response: { 200: trainingView, ...errorResponses } },
    },
    async (req) => updateTraining(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/trainings/:id/attendance',
    {
      config: { labels: { ...config.labels, id: '培训编号' } },
      schema: {
        tags,
        summary: '登记参训党员（学时默认为培训学时，默认已完成；已登记的返回409）',
        params: idParams,
        body: attendanceInput,
        response: { 200: trainingDetailView, ...errorResponses },
      },
    },
    async (req) => addAttendance(req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/trainings/:id/attendance',
    {
      config: { labels: { ...config.labels, id: '培训编号' } },
      schema: { tags, summary: '取消参训登记（请求体列出党员记录编号）', params: idParams, body: attendanceRemoveInput, response: { 200: trainingDetailView, ...errorResponses } },
    },
    async (req) => removeAttendance(req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/trainings/:id/attendance/:memberId',
    {
      config: { labels: { ...config.labels, id: '培训编号' } },
      schema: { tags, summary: '取消某党员的参训登记', params: attendanceParams, response: { 200: trainingDetailView, ...errorResponses } },
    },
    async (req) => removeAttendance(req.ctx, req.params.id, { memberIds: [req.params.memberId] }),
  );
};
