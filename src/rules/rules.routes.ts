/**
 * The rule engine over HTTP: the monitoring notice (JSON and workbook), its findings, the due list, the rule catalog
 * and the deployment's settings. Every read is scoped by the caller (an organization outside it is "not found");
 * only a system administrator changes a setting.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, pageOf, type RouteOptions } from '../server/http.js';
import { XLSX_TYPE } from '../server/workbook.routes.js';
import { describeRules } from './describe-rules.js';
import { dueList } from './due.js';
import { findFindings } from './find-findings.js';
import { buildNotice } from './notice.js';
import { exportNotice } from './notice-workbook.js';
import { complianceTrend } from './trend.js';
import {
  RULES_LABELS,
  checkQuery,
  dueListView,
  dueQuery,
  findingView,
  findingsQuery,
  noticeView,
  ruleCatalogView,
  settingBody,
  settingParams,
  settingView,
  trendQuery,
  trendView,
  WEAK_LABELS,
  weakOpenBody,
  weakQuery,
  weakSuggestionsView,
} from './rules.schema.js';
import { describeSettings, loadRuleSettings, setRuleSetting } from './settings.js';
import { weakCaseView } from '../modules/ratings/ratings.schema.js';
import { openSuggestedCase, suggestWeakOrgs } from './weak-org-flags.js';

const config = { labels: RULES_LABELS };

const noticeFile = z
  .custom<Buffer>((v) => Buffer.isBuffer(v))
  .meta({ type: 'string', format: 'binary', description: '.xlsx工作簿（通报汇总、问题清单、即将到期、规则说明四张表）' });

export const rulesRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  const checks = { config, schema: { tags: ['监测通报'] } };

  app.get(
    '/checks',
    {
      ...checks,
      schema: {
        ...checks.schema,
        summary: '监测通报：本组织及各下级组织各类规则的落实率、红黄绿状态、同级排名和存在的问题',
        querystring: checkQuery,
        response: { 200: noticeView, ...errorResponses },
      },
    },
    async (req) => buildNotice(req.ctx, { orgCode: req.query.org, period: req.query.period }),
  );

  app.get(
    '/checks/findings',
    {
      ...checks,
      schema: {
        ...checks.schema,
        summary: '检查发现的问题（按状态、类别、规则筛选，分页）',
        querystring: findingsQuery,
        response: { 200: pageOf(findingView), ...errorResponses },
      },
    },
    async (req) => findFindings(req.ctx, req.query),
  );

  app.get(
    '/checks/trend',
    {
      ...checks,
      schema: {
        ...checks.schema,
        summary: '落实率趋势：本组织逐月的综合落实率、各类规则落实率和红黄绿组织数（与各月监测通报的汇总一致，不含各组织明细）',
        querystring: trendQuery,
        response: { 200: trendView, ...errorResponses },
      },
    },
    async (req) => complianceTrend(req.ctx, { orgCode: req.query.org, months: req.query.months, to: req.query.to }),
  );

  app.get(
    '/checks/notice.xlsx',
    {
      ...checks,
      schema: {
        ...checks.schema,
        summary: '下载监测通报工作簿',
        produces: [XLSX_TYPE],
        querystring: checkQuery,
        response: { 200: noticeFile, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { notice, buffer } = await exportNotice(req.ctx, { orgCode: req.query.org, period: req.query.period });
      const name = `监测通报_${notice.orgName}_${notice.period}.xlsx`;
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="notice_${notice.org}_${notice.period}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(buffer);
    },
  );

  app.get(
    '/due',
    {
      config,
      schema: {
        tags: ['监测通报'],
        summary: '待办事项：已逾期、未落实和即将到期的会议、发展党员步骤、换届等，按期限排列',
        querystring: dueQuery,
        response: { 200: dueListView, ...errorResponses },
      },
    },
    async (req) => dueList(req.ctx, { orgCode: req.query.org, days: req.query.days }),
  );

  const rules = { config, schema: { tags: ['规则'] } };

  app.get(
    '/rules',
    { ...rules, schema: { ...rules.schema, summary: '规则集和规则（依据、可信度、按本系统设置的要求）', response: { 200: ruleCatalogView, ...errorResponses } } },
    async (req) => describeRules(req.ctx),
  );

  app.get(
    '/rules/settings',
    { ...rules, schema: { ...rules.schema, summary: '规则设置项（当前值与默认值）', response: { 200: z.array(settingView), ...errorResponses } } },
    async (req) => describeSettings(await loadRuleSettings(req.ctx)),
  );

  app.put(
    '/rules/settings/:key',
    {
      ...rules,
      schema: {
        ...rules.schema,
        summary: '修改规则设置项（仅系统管理员；value 为 null 时恢复默认值；记入审计日志）',
        params: settingParams,
        body: settingBody,
        response: { 200: settingView, ...errorResponses },
      },
    },
    async (req) => setRuleSetting(req.ctx, req.params.key, req.body.value),
  );

  const weak = { config: { labels: { ...RULES_LABELS, ...WEAK_LABELS } }, schema: { tags: ['软弱涣散'] } };

  app.get(
    '/weak-orgs/suggestions',
    {
      ...weak,
      schema: {
        ...weak.schema,
        summary: '软弱涣散数据提示：按组织生活、书记、换届、党费、发展对象、整改等情形列出本年度建议排查的基层党组织（按情形数排序，附5%–10%的建议数量）',
        querystring: weakQuery,
        response: { 200: weakSuggestionsView, ...errorResponses },
      },
    },
    async (req) => suggestWeakOrgs(req.ctx, { orgCode: req.query.org, year: req.query.year }),
  );

  app.post(
    '/weak-orgs/suggestions/open',
    {
      ...weak,
      schema: {
        ...weak.schema,
        summary: '按数据提示将一个基层党组织列入软弱涣散排查（来源“数据提示”，情形为本年度数据所示；记入审计日志）',
        body: weakOpenBody,
        response: { 201: weakCaseView, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await openSuggestedCase(req.ctx, { orgCode: req.body.orgCode, year: req.body.year })),
  );
};
