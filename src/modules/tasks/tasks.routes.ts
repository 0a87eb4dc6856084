import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LIST_LABELS, errorResponses, idParams, type RouteOptions } from '../../server/http.js';
import { pageWithActions, withActionsOne, withActionsView, type RecordAction } from '../access/record-actions.js';
import { figureSetView } from '../../shared/figures.js';
import { addListItems } from './add-list-items.js';
import { completeTask } from './complete-task.js';
import { createList } from './create-list.js';
import { createTask } from './create-task.js';
import { findLists, getList } from './find-lists.js';
import { findTasks, openTasks } from './find-tasks.js';
import { getTask } from './get-task.js';
import { recordTaskEvent } from './record-task-event.js';
import { taskFigures } from './task-figures.js';
import { updateList } from './update-list.js';
import { updateListItem } from './update-list-item.js';
import { updateTask } from './update-task.js';
import {
  TASK_LABELS,
  listDetail,
  listInput,
  listItemParams,
  listItemPatch,
  listItemView,
  listItemsInput,
  listPageView,
  listPatch,
  listQuery,
  openTasksQuery,
  openTasksView,
  taskCompleteInput,
  taskDetail,
  taskEventInput,
  taskFiguresQuery,
  taskInput,
  taskPageView,
  taskPatch,
  taskQuery,
  taskView,
  listView,
} from './tasks.schema.js';

const listTags = ['主体责任清单和任务清单'];
const taskTags = ['任务督办'];
const listConfig = { labels: { ...LIST_LABELS, ...TASK_LABELS, id: '清单编号' } };
const taskConfig = { labels: { ...LIST_LABELS, ...TASK_LABELS, id: '任务编号' } };
const list = { 200: listDetail, ...errorResponses };
const task = { 200: taskDetail, ...errorResponses };
const updateOffered = (): RecordAction[] => ['update'];
/** A task is corrected by the organization that assigned it. */
const assigner = (t: { assignedByCode: string }) => t.assignedByCode;

export const taskRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/lists',
    {
      config: listConfig,
      schema: { tags: listTags, summary: '查询主体责任清单、任务清单、工作要点和责任书（组织含下级；可按年度、类别筛选）', querystring: listQuery, response: { 200: listPageView.extend({ items: z.array(withActionsView(listView)) }), ...errorResponses } },
    },
    async (req) => pageWithActions(req.ctx, await findLists(req.ctx, req.query), updateOffered),
  );

  app.post(
    '/lists',
    {
      config: listConfig,
      schema: { tags: listTags, summary: '登记清单及其事项（事项按给出的顺序编号）', body: listInput, response: { 201: listDetail, ...errorResponses } },
    },
    async (req, reply) => reply.code(201).send(await createList(req.ctx, req.body)),
  );

  app.get(
    '/lists/:id',
    { config: listConfig, schema: { tags: listTags, summary: '查看清单：各事项及由其分解的任务和完成情况', params: idParams, response: { 200: withActionsView(listDetail), ...errorResponses } } },
    async (req) => withActionsOne(req.ctx, await getList(req.ctx, req.params.id), updateOffered),
  );

  app.patch(
    '/lists/:id',
    { config: listConfig, schema: { tags: listTags, summary: '更正清单（年度、类别、标题、印发日期、备注）', params: idParams, body: listPatch, response: list } },
    async (req) => updateList(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/lists/:id/items',
    {
      config: listConfig,
      schema: { tags: listTags, summary: '在清单末尾增加事项', params: idParams, body: listItemsInput, response: { 201: listDetail, ...errorResponses } },
    },
    async (req, reply) => reply.code(201).send(await addListItems(req.ctx, req.params.id, req.body)),
  );

  app.patch(
    '/lists/:id/items/:itemId',
    {
      config: listConfig,
      schema: { tags: listTags, summary: '更正清单事项（内容、分类、计划目标）', params: listItemParams, body: listItemPatch, response: { 200: listItemView, ...errorResponses } },
    },
    async (req) => updateListItem(req.ctx, req.params.id, req.params.itemId, req.body),
  );

  app.get(
    '/tasks',
    {
      config: taskConfig,
      schema: {
        tags: taskTags,
        summary: '查询任务（责任组织含下级；可按交办组织、年度、状态（含逾期）、分类、清单事项、完成时限筛选）',
        querystring: taskQuery,
        response: { 200: taskPageView.extend({ items: z.array(withActionsView(taskView)) }), ...errorResponses },
      },
    },
    async (req) => pageWithActions(req.ctx, await findTasks(req.ctx, req.query), updateOffered, assigner),
  );

  app.post(
    '/tasks',
    {
      config: taskConfig,
      schema: { tags: taskTags, summary: '交办任务：责任组织（交办组织本身或其下级）、责任人、时限，可关联清单事项', body: taskInput, response: { 201: taskDetail, ...errorResponses } },
    },
    async (req, reply) => reply.code(201).send(await createTask(req.ctx, req.body)),
  );

  app.get(
    '/tasks/open',
    {
      config: taskConfig,
      schema: { tags: taskTags, summary: '本组织未完成的任务：逾期的在前，其次按完成时限，标出临期', querystring: openTasksQuery, response: { 200: openTasksView, ...errorResponses } },
    },
    async (req) => openTasks(req.ctx, req.query),
  );

  app.get(
    '/tasks/figures',
    {
      config: taskConfig,
      schema: {
        tags: taskTags,
        summary: '清单和任务统计指标（清单事项、书记项目、包联、联系点、责任书、按时完成、逾期、完成率等）',
        querystring: taskFiguresQuery,
        response: { 200: figureSetView, ...errorResponses },
      },
    },
    async (req) => taskFigures(req.ctx, { orgCode: req.query.org, period: req.query.period }),
  );

  app.get(
    '/tasks/:id',
    { config: taskConfig, schema: { tags: taskTags, summary: '查看任务：进展报告和督办记录', params: idParams, response: { 200: withActionsView(taskDetail), ...errorResponses } } },
    async (req) => withActionsOne(req.ctx, await getTask(req.ctx, req.params.id), updateOffered, assigner),
  );

  app.patch(
    '/tasks/:id',
    {
      config: taskConfig,
      schema: { tags: taskTags, summary: '修改或取消任务（交办组织）：标题、分类、责任人、时限、状态等', params: idParams, body: taskPatch, response: task },
    },
    async (req) => updateTask(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/tasks/:id/events',
    {
      config: taskConfig,
      schema: {
        tags: taskTags,
        summary: '报告进展（责任组织，可填完成进度%）或督办、催办、约谈、提醒（交办组织）',
        params: idParams,
        body: taskEventInput,
        response: { 201: taskDetail, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await recordTaskEvent(req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/tasks/:id/complete',
    { config: taskConfig, schema: { tags: taskTags, summary: '标记任务完成（责任组织）', params: idParams, body: taskCompleteInput, response: task } },
    async (req) => completeTask(req.ctx, req.params.id, req.body),
  );
};
