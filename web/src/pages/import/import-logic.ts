/**
 * The pure parts of the import page: which content type a file is sent as, the counts of a successful import as rows
 * per sheet, and the row-error report as a CSV file people open in Excel.
 */
import { SHEETS, SHEET_KEYS } from '../../../../src/modules/workbook/workbook-format.js';
import type { FieldIssue } from '../../lib/api';
import type { ImportReport, SheetKey } from '../../lib/types';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv';

/** The content type the import route expects for a file, by its name; null for anything but .xlsx and .csv. */
export function contentTypeFor(fileName: string): string | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return XLSX_TYPE;
  if (lower.endsWith('.csv')) return CSV_TYPE;
  return null;
}

export interface SheetCount {
  key: SheetKey;
  sheet: string;
  count: number;
}

/** The sheets that had rows, in the workbook's own order, with their Chinese names. */
export function sheetCounts(counts: ImportReport['counts']): SheetCount[] {
  return SHEET_KEYS.filter((k) => (counts[k] ?? 0) > 0).map((k) => ({ key: k, sheet: SHEETS[k].name, count: counts[k] }));
}

/** The total number of rows imported (or, in a dry run, importable). */
export function totalRows(counts: ImportReport['counts']): number {
  return SHEET_KEYS.reduce((sum, k) => sum + (counts[k] ?? 0), 0);
}

function csvCell(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value);
  // A cell that Excel would read as a formula (the message may quote what the user typed) is kept as text.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The row-error report as CSV: 工作表, 行, 列, 问题, one line per issue, with a byte-order mark so that Excel opens the
 * UTF-8 text as Chinese, and CRLF line ends.
 */
export function issuesCsv(issues: FieldIssue[]): string {
  const lines = [['工作表', '行', '列', '问题'].join(',')];
  for (const i of issues) lines.push([csvCell(i.sheet), csvCell(i.row), csvCell(i.column ?? i.field), csvCell(i.message)].join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The issues with a key each, for a table. */
export function issueRows(issues: FieldIssue[]): (FieldIssue & { key: number })[] {
  return issues.map((i, key) => ({ ...i, key }));
}

/** A file size as people read it: 820 字节, 12.3 KB, 4.5 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
