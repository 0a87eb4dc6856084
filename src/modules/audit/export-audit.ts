import ExcelJS from 'exceljs';
import type { Ctx } from '../../context.js';
import { findAudit, type AuditFilter } from './find-audit.js';

const PAGE = 5000;

function formatChanges(changes: Record<string, [unknown, unknown]> | null): string {
  if (!changes) return '';
  return Object.entries(changes)
    .map(([field, [before, after]]) => `${field}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`)
    .join('；');
}

/** Writes the matching audit entries (oldest last, as queried) to an .xlsx workbook; personal data was masked when written. */
export async function exportAudit(ctx: Ctx, target: { file: string } | { stream: NodeJS.WritableStream }, f: AuditFilter): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter('file' in target ? { filename: target.file } : { stream: target.stream as never });
  const ws = workbook.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '编号', key: 'id', width: 10 },
    { header: '时间（UTC）', key: 'at', width: 26 },
    { header: '操作人', key: 'actorName', width: 16 },
    { header: '来源地址', key: 'ip', width: 16 },
    { header: '操作', key: 'actionLabel', width: 16 },
    { header: '记录类型', key: 'recordType', width: 14 },
    { header: '记录编号', key: 'recordId', width: 12 },
    { header: '变更内容', key: 'changes', width: 80 },
    { header: '说明', key: 'note', width: 40 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let written = 0;
  for (let offset = 0; ; offset += PAGE) {
    const page = await findAudit(ctx, { ...f, limit: PAGE, offset });
    for (const e of page.items) ws.addRow({ ...e, changes: formatChanges(e.changes) }).commit();
    written += page.items.length;
    if (page.items.length < PAGE || (f.limit !== undefined && written >= f.limit)) break;
  }
  ws.commit();
  await workbook.commit();
  return written;
}
