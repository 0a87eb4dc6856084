/** A report document in one of the output formats, with its media type and file extension. */
import type { ReportDocument } from './document.js';
import { renderDocx } from './render-docx.js';
import { renderHtml, renderMarkdown, type HtmlOptions } from './render-text.js';

export const REPORT_FORMATS = ['json', 'md', 'html', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export async function renderReport(doc: ReportDocument, format: ReportFormat, html: HtmlOptions = {}): Promise<{ body: string | Buffer; type: string }> {
  switch (format) {
    case 'json':
      return { body: `${JSON.stringify(doc, null, 2)}\n`, type: REPORT_MEDIA_TYPES.json };
    case 'md':
      return { body: renderMarkdown(doc), type: REPORT_MEDIA_TYPES.md };
    case 'html':
      return { body: renderHtml(doc, html), type: REPORT_MEDIA_TYPES.html };
    case 'docx':
      return { body: await renderDocx(doc), type: REPORT_MEDIA_TYPES.docx };
  }
}
