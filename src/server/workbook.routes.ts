/**
 * Import and export of the workbook (组织, 党员, 发展党员, 组织生活, the 党费 sheets, the member-work and the supervision ledger sheets). The upload is the raw file as the request body
 * (an .xlsx or a one-sheet .csv), not a multipart form; the download streams as it is written.
 */
import { PassThrough, Readable } from 'node:stream';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportWorkbook } from '../modules/workbook/export-workbook.js';
import { importWorkbook } from '../modules/workbook/import-workbook.js';
import { orgCode } from '../modules/orgs/orgs.schema.js';
import { queryBool } from '../shared/validation.js';
import { SHEET_KEYS, SHEETS, type SheetKey } from '../modules/workbook/workbook-format.js';
import { errorResponses, type RouteOptions } from './http.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv';
/** A county's whole workbook is a few MB; 50 MB leaves room without letting one request exhaust the memory. */
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

const tags = ['导入导出'];
const config = { labels: { dryRun: '试导入', org: '组织代码' } };

const fileBody = z
  .custom<Buffer>((v) => Buffer.isBuffer(v), { message: '应为.xlsx或.csv文件的内容' })
  .meta({ type: 'string', format: 'binary', description: '.xlsx工作簿，或一张表的.csv文件（UTF-8或GBK）' });

const importQuery = z.object({
  dryRun: queryBool.default(false).describe('true：只检查，不写入任何数据'),
});

const counts = z.object(Object.fromEntries(SHEET_KEYS.map((k) => [k, z.number().int()])) as Record<SheetKey, z.ZodNumber>);
const importReport = z.object({ dryRun: z.boolean(), counts: counts.describe('导入（试导入时为可导入）的行数') });

const exportQuery = z.object({ org: orgCode.optional().describe('导出此组织及其下级；不填则导出全部') });
// Streams are sent as they are, never through the serializer; the schema is for the OpenAPI document.
export const xlsxFile = z
  .custom<Readable>((v) => v instanceof Readable)
  .meta({ type: 'string', format: 'binary', description: `.xlsx工作簿（${SHEET_KEYS.map((k) => SHEETS[k].name).join('、')}共${SHEET_KEYS.length}张表）` });

export const workbookRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  // In this plugin only: the upload is read as bytes, and JSON is not taken for a file.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser([XLSX_TYPE, CSV_TYPE], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.post(
    '/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config,
      schema: {
        tags,
        summary: '导入工作簿（全部通过才写入；有错误时逐行列出，不写入任何数据）',
        consumes: [XLSX_TYPE, CSV_TYPE],
        querystring: importQuery,
        body: fileBody,
        response: { 200: importReport, ...errorResponses },
      },
    },
    async (req) => {
      const format = req.headers['content-type']?.toLowerCase().startsWith(CSV_TYPE) ? 'csv' : 'xlsx';
      return importWorkbook(req.ctx, { buffer: req.body, format }, { dryRun: req.query.dryRun });
    },
  );

  app.get(
    '/export',
    {
      config,
      schema: {
        tags,
        summary: '导出工作簿（可再导入）',
        produces: [XLSX_TYPE],
        querystring: exportQuery,
        response: { 200: xlsxFile, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { org } = req.query;
      const stream = new PassThrough();
      const exported = exportWorkbook(req.ctx, { stream }, org ? { org } : {});
      // Until the first byte the answer can still be a JSON error: an unknown organization is found before writing.
      // After it, a failure can only cut the download short.
      await Promise.race([exported, new Promise((resolve) => stream.once('readable', resolve))]);
      exported.catch((err: unknown) => {
        req.log.error({ err }, 'export failed while streaming');
        stream.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      const name = `党建数据_${org ?? '全部'}_${req.ctx.clock.today()}.xlsx`;
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="dangjian_${org ?? 'all'}_${req.ctx.clock.today()}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(stream);
    },
  );
};
