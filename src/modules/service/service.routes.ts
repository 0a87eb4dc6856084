import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LIST_LABELS, errorResponses, idParams, okBody, type RouteOptions } from '../../server/http.js';
import { pageWithActions, withActionsOne, withActionsView, type RecordAction } from '../access/record-actions.js';
import { figureSetView } from '../../shared/figures.js';
import { addTeamPeople } from './add-team-people.js';
import { createServiceRecord } from './create-service-record.js';
import { createServiceTeam } from './create-service-team.js';
import { deleteServiceRecord } from './delete-service-record.js';
import { endCommunityReport } from './end-community-report.js';
import { findCommunityReports } from './find-community-reports.js';
import { findServiceRecords } from './find-service-records.js';
import { findServiceTeams, getServiceTeam } from './find-service-teams.js';
import { memberService } from './member-service.js';
import { removeTeamPeople } from './remove-team-people.js';
import { reportToCommunity } from './report-to-community.js';
import { getServiceRecord } from './service-find.js';
import { serviceFigures } from './service-figures.js';
import { updateServiceRecord } from './update-service-record.js';
import {
  SERVICE_LABELS,
  communityReportEnd,
  communityReportInput,
  communityReportList,
  communityReportQuery,
  communityReportView,
  memberServiceQuery,
  memberServiceView,
  serviceFiguresQuery,
  serviceRecordInput,
  serviceRecordList,
  serviceRecordPatch,
  serviceRecordQuery,
  serviceRecordView,
  serviceTeamDetail,
  serviceTeamInput,
  serviceTeamList,
  serviceTeamQuery,
  serviceTeamView,
  teamPeopleInput,
  teamPeopleLeave,
} from './service.schema.js';

const tags = ['服务记录'];
const config = { labels: { ...LIST_LABELS, ...SERVICE_LABELS } };
const responses = <T>(ok: T) => ({ 200: ok, ...errorResponses });
const recordWithActions = withActionsView(serviceRecordView);
const recordOffered = (): RecordAction[] => ['update', 'delete'];

export const serviceRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/service/records',
    {
      config,
      schema: {
        tags,
        summary: '服务记录（志愿服务、办实事、社情民意、矛盾纠纷化解）：组织（含下级），可按类别、办理状态、日期、党员筛选',
        querystring: serviceRecordQuery,
        response: responses(serviceRecordList.extend({ items: z.array(recordWithActions) })),
      },
    },
    async (req) => pageWithActions(req.ctx, await findServiceRecords(req.ctx, req.query), recordOffered),
  );

  app.post(
    '/service/records',
    {
      config,
      schema: {
        tags,
        summary: '登记服务记录（志愿服务为已办结，可记服务时长；已办结须填办结日期）',
        body: serviceRecordInput,
        response: { 201: serviceRecordView, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createServiceRecord(req.ctx, req.body)),
  );

  app.get(
    '/service/records/:id',
    { config: { labels: { ...config.labels, id: '服务记录编号' } }, schema: { tags, summary: '一条服务记录', params: idParams, response: responses(recordWithActions) } },
    async (req) => withActionsOne(req.ctx, await getServiceRecord(req.ctx, req.params.id), recordOffered),
  );

  app.patch(
    '/service/records/:id',
    {
      config: { labels: { ...config.labels, id: '服务记录编号' } },
      schema: {
        tags,
        summary: '修改服务记录（办理中→已办结须填办结日期；已办结改回办理中须选“重新办理”，记入审计日志）',
        params: idParams,
        body: serviceRecordPatch,
        response: responses(serviceRecordView),
      },
    },
    async (req) => updateServiceRecord(req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/service/records/:id',
    {
      config: { labels: { ...config.labels, id: '服务记录编号' } },
      schema: { tags, summary: '删除误登记的服务记录（记入审计日志）', params: idParams, response: responses(okBody) },
    },
    async (req) => {
      await deleteServiceRecord(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/service/community-reports',
    {
      config,
      schema: {
        tags,
        summary: '在职党员到社区报到：本组织（含下级）党员的报到，以及到本组织社区报到的外单位党员（只显示姓名、单位层级和日期）',
        querystring: communityReportQuery,
        response: responses(communityReportList),
      },
    },
    async (req) => findCommunityReports(req.ctx, req.query),
  );

  app.post(
    '/service/community-reports',
    {
      config,
      schema: {
        tags,
        summary: '登记在职党员到社区报到（社区党组织代码或社区名称，单位层级，报到日期）',
        body: communityReportInput,
        response: { 201: communityReportView, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await reportToCommunity(req.ctx, req.body)),
  );

  app.patch(
    '/service/community-reports/:id',
    {
      config: { labels: { ...config.labels, id: '报到记录编号' } },
      schema: { tags, summary: '结束到社区报到（结束日期）', params: idParams, body: communityReportEnd, response: responses(communityReportView) },
    },
    async (req) => endCommunityReport(req.ctx, req.params.id, req.body),
  );

  app.get(
    '/service/teams',
    {
      config,
      schema: { tags, summary: '志愿服务队、党员突击队、党员先锋岗及现有人数', querystring: serviceTeamQuery, response: responses(serviceTeamList) },
    },
    async (req) => findServiceTeams(req.ctx, req.query),
  );

  app.post(
    '/service/teams',
    {
      config,
      schema: { tags, summary: '组建志愿服务队、党员突击队或设立党员先锋岗', body: serviceTeamInput, response: { 201: serviceTeamView, ...errorResponses } },
    },
    async (req, reply) => reply.code(201).send(await createServiceTeam(req.ctx, req.body)),
  );

  app.get(
    '/service/teams/:id',
    {
      config: { labels: { ...config.labels, id: '队伍编号' } },
      schema: { tags, summary: '一支队伍及其成员', params: idParams, response: responses(serviceTeamDetail) },
    },
    async (req) => getServiceTeam(req.ctx, req.params.id),
  );

  app.post(
    '/service/teams/:id/members',
    {
      config: { labels: { ...config.labels, id: '队伍编号' } },
      schema: {
        tags,
        summary: '加入队伍：党员（党员记录编号）或群众志愿者（姓名）；已在队中的为冲突',
        params: idParams,
        body: teamPeopleInput,
        response: { 201: serviceTeamDetail, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await addTeamPeople(req.ctx, req.params.id, req.body)),
  );

  app.delete(
    '/service/teams/:id/members',
    {
      config: { labels: { ...config.labels, id: '队伍编号' } },
      schema: {
        tags,
        summary: '退出队伍（退出日期；记录保留）',
        params: idParams,
        body: teamPeopleLeave,
        response: responses(serviceTeamDetail),
      },
    },
    async (req) => removeTeamPeople(req.ctx, req.params.id, req.body),
  );

  app.get(
    '/members/:id/service',
    {
      config: { labels: { ...config.labels, id: '党员记录编号' } },
      schema: {
        tags,
        summary: '某党员的服务：本年度服务记录和志愿服务时长、到社区报到、所在队伍',
        params: idParams,
        querystring: memberServiceQuery,
        response: responses(memberServiceView),
      },
    },
    async (req) => memberService(req.ctx, req.params.id, req.query),
  );

  app.get(
    '/service/figures',
    {
      config,
      schema: {
        tags,
        summary: '服务统计（指标目录编号）：志愿服务、办实事、社情民意、矛盾纠纷化解、到社区报到、服务队伍，附所计记录',
        querystring: serviceFiguresQuery,
        response: responses(figureSetView),
      },
    },
    async (req) => serviceFigures(req.ctx, { orgCode: req.query.org, period: req.query.period }),
  );
};
