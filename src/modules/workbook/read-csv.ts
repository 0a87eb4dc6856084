import { parse } from 'csv-parse/sync';
import { AppError } from '../../shared/errors.js';
import { CSV_SHEET_KEYS, normalizeHeader, SHEETS, type SheetDef } from './workbook-format.js';

/**
 * Decodes a CSV file: UTF-8, with or without a BOM. Excel's plain "CSV" on a Chinese system is GBK; that is refused
 * with the way to save it as UTF-8, rather than read as mojibake.
 */
export function decodeCsv(buffer: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    throw new AppError('WORKBOOK_UNREADABLE', 'CSV文件不是UTF-8编码（可能是GBK），请在Excel中“另存为”“CSV UTF-8（逗号分隔）”后再导入');
  }
  if (text.includes('\u0000')) throw new AppError('WORKBOOK_UNREADABLE', '文件不是文本格式的CSV文件，无法读取');
  return text;
}

/** The records of a CSV text; record i is row i + 1, as Excel numbers the rows when it opens the file. */
export function readCsvRecords(text: string): string[][] {
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new AppError('WORKBOOK_UNREADABLE', `CSV文件格式有误${line ? `（第${line}行附近，可能是引号不成对）` : ''}，无法读取`);
  }
}

/**
 * Which sheet a CSV header row belongs to (the 党费 sheets never: they name members of the same .xlsx workbook): the one with all its required columns present and the most columns
 * matched (or, when every sheet lacks some, the one that matches most). Null when none fits or two fit equally.
 */
export function detectCsvSheet(headers: string[]): SheetDef | null {
  const present = new Set(headers.map(normalizeHeader).filter(Boolean));
  const scored = CSV_SHEET_KEYS.map((key) => {
    const def = SHEETS[key];
    const names = def.columns.map((c) => normalizeHeader(c.header));
    return {
      def,
      matched: names.filter((n) => present.has(n)).length,
      missing: def.columns.filter((c) => c.required && !present.has(normalizeHeader(c.header))).length,
    };
  }).sort((a, b) => a.missing - b.missing || b.matched - a.matched);
  const best = scored[0];
  if (!best || best.matched === 0) return null;
  // With a required column missing anyway, another sheet matching as many columns is as likely.
  const rivals = scored.slice(1).filter((s) => s.matched === best.matched && (best.missing > 0 || s.missing === 0));
  return rivals.length > 0 ? null : best.def;
}
