import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LIST_LABELS, errorResponses, idParams, pageOf, type RouteOptions } from '../../server/http.js';
import { findMeetings, getMeeting } from './find-meetings.js';
import { recordMeeting } from './record-meeting.js';
import { updateMeeting } from './update-meeting.js';
import { MEETING_LABELS, meetingInput, meetingListQuery, meetingPatch, meetingView } from './meetings.schema.js';

const tags = ['组织生活'];
const config = { labels: { ...MEETING_LABELS, ...LIST_LABELS, id: '会议记录编号', from: '起始日期', to: '截止日期' } };

export const meetingRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/meetings',
    {
      config,
      schema: {
        tags,
        summary: '查询会议记录（组织及其下级，新的在前）',
        querystring: meetingListQuery,
        response: { 200: pageOf(meetingView), ...errorResponses },
      },
    },
    async (req) => findMeetings(req.ctx, req.query),
  );

  app.get(
    '/meetings/:id',
    { config, schema: { tags, summary: '查看会议记录', params: idParams, response: { 200: meetingView, ...errorResponses } } },
    async (req) => getMeeting(req.ctx, req.params.id),
  );

  app.post(
    '/meetings',
    { config, schema: { tags, summary: '记录一次会议（三会一课、主题党日等）', body: meetingInput, response: { 201: meetingView, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(await recordMeeting(req.ctx, req.body)),
  );

  app.patch(
    '/meetings/:id',
    {
      config,
      schema: {
        tags,
        summary: '更正会议记录（类型、日期、主题、主持人、出席情况、会议记录；所属组织不能修改，给出缺席人员时整体替换）',
        params: idParams,
        body: meetingPatch,
        response: { 200: meetingView, ...errorResponses },
      },
    },
    async (req) => updateMeeting(req.ctx, req.params.id, req.body),
  );
};
