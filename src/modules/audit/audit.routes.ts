import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, pageOf, type RouteOptions } from '../../server/http.js';
import { XLSX_TYPE, xlsxFile } from '../../server/workbook.routes.js';
import { AUDIT_LABELS, auditEntryView, auditQuery } from './audit.schema.js';
import { assertAuditReader, findAudit } from './find-audit.js';
import { exportAudit } from './export-audit.js';

const tags = ['审计日志'];
const config = { labels: AUDIT_LABELS };

export const auditRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/audit',
    {
      config,
      schema: {
        tags,
        summary: '查询审计日志（仅系统管理员；按用户、记录、操作和时间筛选，最新的在前）',
        querystring: auditQuery,
        response: { 200: pageOf(auditEntryView), ...errorResponses },
      },
    },
    async (req) => findAudit(req.ctx, req.query),
  );

  app.get(
    '/audit/export',
    {
      config,
      schema: {
        tags,
        summary: '导出审计日志为 Excel 工作簿（仅系统管理员）',
        produces: [XLSX_TYPE],
        querystring: auditQuery.omit({ limit: true, offset: true }),
        response: { 200: xlsxFile, ...errorResponses },
      },
    },
    async (req, reply) => {
      assertAuditReader(req.ctx);
      const stream = new PassThrough();
      exportAudit(req.ctx, { stream }, req.query).catch((err: unknown) => {
        req.log.error({ err }, 'audit export failed while streaming');
        stream.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="audit_${req.ctx.clock.today()}.xlsx"`)
        .send(stream);
    },
  );
};

