/**
 * Reports and indicators over HTTP: GET/POST /api/reports (a report of a genre, as JSON, Markdown, HTML or DOCX),
 * GET /api/report-templates, GET /api/indicators (the registry, with ?coverage=true the coverage of the catalog) and
 * GET /api/indicators/:id (one figure explained, with its records). Scoped by the caller like every read: an
 * organization outside what the caller sees is "not found". Templates by name only — never a file path.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, type RouteOptions } from '../server/http.js';
import { orgCode } from '../modules/orgs/orgs.schema.js';
import { queryBool } from '../shared/validation.js';
import { indicatorCoverage } from '../indicators/coverage.js';
import { explainFigure } from '../indicators/explain.js';
import { indicators } from '../indicators/registry.js';
import { generateReport } from './generate-report.js';
import { templateNames } from './load-template.js';
import { REPORT_FORMATS, renderReport } from './render-report.js';

const LABELS: Record<string, string> = {
  org: '组织代码',
  period: '统计期',
  template: '报告模板',
  format: '输出格式',
  narratives: '撰写内容',
  evidence: '是否列出记录',
  offset: '起始位置',
  limit: '条数',
  coverage: '是否列出覆盖情况',
  id: '指标编号',
};
const config = { labels: LABELS };

const period = z.string().trim().min(1).max(40).describe('统计期：2026-03、2026Q1、2026H1、2026 或 2026-03-01~2026-09-30');
const reportQuery = z.object({
  org: orgCode.optional(),
  period,
  template: z.string().trim().min(1).max(60).default('annual').describe('报告模板：annual、half-year、responsibility、secretary'),
  format: z.enum(REPORT_FORMATS).default('json').describe('json、md、html、docx'),
});
const reportBody = z.object({
  narratives: z.record(z.string().regex(/^n\d+$/), z.string().max(20000)).default({}).describe('撰写内容，按模板中撰写处的顺序编号 n1、n2 …'),
});
const fileResponse = z.any().describe('报告：JSON 文档树，或 Markdown、HTML、DOCX 文件');

export const reportsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  const send = async (
    req: { ctx: Parameters<typeof generateReport>[0]; query: z.infer<typeof reportQuery> },
    reply: import('fastify').FastifyReply,
    narratives: Record<string, string>,
  ) => {
    const q = req.query;
    const doc = await generateReport(req.ctx, { orgCode: q.org, period: q.period, template: q.template, narratives });
    const evidenceHref = (id: string) => `/api/indicators/${id}?org=${encodeURIComponent(doc.org.code)}&period=${encodeURIComponent(doc.period.label)}&evidence=true`;
    if (q.format === 'json') return reply.send(doc);
    const out = await renderReport(doc, q.format, { evidenceHref });
    const ext = q.format;
    const name = `${doc.title}.${ext}`;
    return reply
      .type(out.type)
      .header('content-disposition', `${q.format === 'html' ? 'inline' : 'attachment'}; filename="report_${doc.org.code}_${doc.period.label}.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(out.body);
  };

  app.get(
    '/reports',
    {
      config,
      schema: { tags: ['报告'], summary: '生成报告（年度、半年、主体责任、书记述职），每个数字由记录计算并附数据说明', querystring: reportQuery, response: { 200: fileResponse, ...errorResponses } },
    },
    async (req, reply) => send(req, reply, {}),
  );
  app.post(
    '/reports',
    {
      config,
      schema: { tags: ['报告'], summary: '生成报告，带撰写内容', querystring: reportQuery, body: reportBody, response: { 200: fileResponse, ...errorResponses } },
    },
    async (req, reply) => send(req, reply, req.body.narratives),
  );
  app.get(
    '/report-templates',
    {
      config,
      schema: {
        tags: ['报告'],
        summary: '可用的报告模板',
        response: { 200: z.object({ items: z.array(z.object({ name: z.string(), title: z.string() })) }), ...errorResponses },
      },
    },
    async () => ({ items: templateNames().map((t) => ({ name: t.name, title: t.title })) }),
  );
  app.get(
    '/indicators',
    {
      config,
      schema: {
        tags: ['报告'],
        summary: '全部指标（系统计算的和手工填报的）；coverage=true 时为对照示例报告指标目录的覆盖情况',
        querystring: z.object({ coverage: queryBool.default(false) }),
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (req) => {
      const all = indicators();
      return req.query.coverage ? indicatorCoverage(all.map((i) => i.id)) : { items: all };
    },
  );
  app.get(
    '/indicators/:id',
    {
      config,
      schema: {
        tags: ['报告'],
        summary: '说明一个数字：数值、计算方法、所依据的记录',
        params: z.object({ id: z.string().trim().min(1).max(80) }),
        querystring: z.object({
          org: orgCode.optional(),
          period,
          evidence: queryBool.default(false),
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(1000).default(50),
        }),
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (req) =>
      explainFigure(req.ctx, { id: req.params.id, orgCode: req.query.org, period: req.query.period, evidence: req.query.evidence, offset: req.query.offset, limit: req.query.limit }),
  );
};
