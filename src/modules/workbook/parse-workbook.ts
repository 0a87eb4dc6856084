import { open, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { AppError, type FieldIssue } from '../../shared/errors.js';
import { readXlsx, type RowSink } from './read-xlsx.js';
import { decodeCsv, detectCsvSheet, readCsvRecords } from './read-csv.js';
import { SheetCollector, type ParsedRow } from './sheet-collector.js';
import { CONTINUATION, SHEET_KEYS, SHEETS, splitContinuation, type SheetKey, type SheetValues } from './workbook-format.js';

export type { ParsedRow } from './sheet-collector.js';

export type WorkbookSource = { file: string } | { buffer: Buffer; format: 'xlsx' | 'csv' };

/** Progress of a long operation. While reading an .xlsx, `total` is an estimate of the rows, exact at the end. */
export type ProgressFn = (done: number, total: number, phase: string) => void;

export type ParsedSheets = { [K in SheetKey]: ParsedRow<SheetValues[K]>[] };

export interface ParsedWorkbook extends ParsedSheets {
  format: 'xlsx' | 'csv';
  /** The sheets the file has, in format order. */
  found: SheetKey[];
  /** Problems found by reading alone: unknown or missing columns, cells that are not what their column needs. */
  issues: FieldIssue[];
}

const PROGRESS_EVERY = 5000;

/** Counts the rows read and reports them; `total` says how many there are in all, or an estimate. */
class RowCounter {
  read = 0;
  total = () => this.read;

  constructor(private readonly onProgress: ProgressFn | undefined) {}

  count(): void {
    this.read++;
    if (this.read % PROGRESS_EVERY === 0) this.onProgress?.(this.read, this.total(), '读取');
  }
}

type Collectors = Map<SheetKey, SheetCollector>;
/** Continuation sheets (党费缴纳（续1）…) by their base sheet, with their number. */
type Continued = Map<SheetKey, { k: number; collector: SheetCollector }[]>;

/**
 * Reads and parses a workbook (or a one-sheet CSV file) into typed rows, touching no database. A file that cannot be
 * read at all is an AppError (FILE_NOT_FOUND, WORKBOOK_UNREADABLE); problems of content are returned as issues.
 */
export async function parseWorkbook(source: WorkbookSource, opts: { onProgress?: ProgressFn } = {}): Promise<ParsedWorkbook> {
  const opened = await openSource(source);
  const issues: FieldIssue[] = [];
  const counter = new RowCounter(opts.onProgress);
  const continued: Continued = new Map();
  const collectors = opened.format === 'xlsx' ? await collectXlsx(opened.buffer, issues, counter, continued) : collectCsv(opened.buffer, issues, counter);
  opts.onProgress?.(counter.read, counter.read, '读取');

  const rowsOf = <K extends SheetKey>(key: K) => {
    const rows = collectors.get(key)?.rows ?? [];
    const more = continued.get(key) ?? [];
    const all = more.length === 0 ? rows : [...rows, ...more.flatMap(({ k, collector }) => collector.rows.map((r) => ({ ...r, row: k * CONTINUATION + r.row })))];
    return all as unknown as ParsedRow<SheetValues[K]>[];
  };
  const sheets = Object.fromEntries(SHEET_KEYS.map((k) => [k, rowsOf(k)])) as ParsedSheets;
  return { format: opened.format, found: SHEET_KEYS.filter((k) => collectors.has(k)), ...sheets, issues };
}

/** The sheets of a workbook are recognized by name; other sheets (instructions, say) are passed over. */
async function collectXlsx(zip: Buffer, issues: FieldIssue[], counter: RowCounter, continued: Continued): Promise<Collectors> {
  const collectors: Collectors = new Map();
  const otherSheets: string[] = [];
  // The number of rows is estimated from the share of the sheets' XML read so far.
  let share = 0;
  counter.total = () => Math.max(counter.read, Math.round(counter.read / (share || 1)));
  const sinkFor = (name: string): RowSink | null => {
    const { base, k } = splitContinuation(name);
    const continues = k > 0 ? SHEET_KEYS.find((key) => SHEETS[key].name === base) : undefined;
    if (continues) {
      const list = continued.get(continues) ?? [];
      if (k >= 100 || list.some((c) => c.k === k)) {
        issues.push({ code: 'FIELD_INVALID', field: '', message: `工作表“${name}”的续表编号重复或过大`, sheet: name });
        return null;
      }
      const collector = new SheetCollector({ ...SHEETS[continues], name }, issues);
      continued.set(continues, [...list, { k, collector }]);
      return (row, cells) => {
        counter.count();
        collector.add(row, cells);
      };
    }
    const key = SHEET_KEYS.find((k) => SHEETS[k].name === name);
    if (!key) {
      otherSheets.push(name);
      return null;
    }
    if (collectors.has(key)) {
      issues.push({ code: 'FIELD_INVALID', field: '', message: `工作簿中有两张名为“${name}”的工作表（名称前后有空格？），请合并为一张`, sheet: name });
      return null;
    }
    const collector = new SheetCollector(SHEETS[key], issues);
    collectors.set(key, collector);
    return (row, cells) => {
      counter.count();
      collector.add(row, cells);
    };
  };
  try {
    await readXlsx(zip, sinkFor, (read, total) => (share = total > 0 ? read / total : 1));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('WORKBOOK_UNREADABLE', '无法读取工作簿：文件已损坏，或不是Excel（.xlsx）文件');
  }
  if (collectors.size === 0) {
    const names = SHEET_KEYS.map((k) => SHEETS[k].name).join('、');
    const message = `工作簿中没有可导入的工作表（工作表应名为${names}）${otherSheets.length ? `，现有的是：${otherSheets.join('、')}` : ''}`;
    issues.push({ code: 'FIELD_REQUIRED', field: '', message });
  }
  return collectors;
}

/** A CSV file holds one sheet, recognized by its header row. */
function collectCsv(buffer: Buffer, issues: FieldIssue[], counter: RowCounter): Collectors {
  const records = readCsvRecords(decodeCsv(buffer));
  const headerIndex = records.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) throw new AppError('IMPORT_INVALID', 'CSV文件是空的', [{ code: 'FIELD_REQUIRED', field: '', message: 'CSV文件是空的' }]);
  const sheet = detectCsvSheet(records[headerIndex]!);
  if (!sheet) {
    const message = 'CSV文件的表头对应不上任何一张表（组织、党员、发展党员、组织生活），请按导出文件的列名填写';
    throw new AppError('IMPORT_INVALID', message, [{ code: 'FIELD_INVALID', field: '', message, row: headerIndex + 1 }]);
  }
  const collector = new SheetCollector(sheet, issues);
  counter.total = () => records.length;
  records.forEach((cells, i) => {
    counter.count();
    collector.add(i + 1, cells);
  });
  return new Map([[sheet.key, collector]]);
}

interface Opened {
  format: 'xlsx' | 'csv';
  buffer: Buffer;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Tells an .xlsx (a zip) from a CSV by its first bytes, whatever the name or the declared format says. */
async function openSource(source: WorkbookSource): Promise<Opened> {
  if ('buffer' in source) {
    return { format: sniff(source.buffer.subarray(0, 4), source.format === 'csv'), buffer: source.buffer };
  }
  const head = Buffer.alloc(4);
  try {
    const handle = await open(source.file, 'r');
    try {
      if (!(await handle.stat()).isFile()) throw new AppError('WORKBOOK_UNREADABLE', `“${source.file}”不是文件`);
      await handle.read(head, 0, 4, 0);
    } finally {
      await handle.close();
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('FILE_NOT_FOUND', `文件不存在：${source.file}`);
    throw new AppError('WORKBOOK_UNREADABLE', `无法打开文件：${source.file}`);
  }
  const format = sniff(head, extname(source.file).toLowerCase() === '.csv');
  // The whole file is read: a zip is read from its directory at the end. Only the compressed bytes are held;
  // the sheets are decompressed as they are parsed.
  return { format, buffer: await readFile(source.file) };
}

function sniff(head: Buffer, declaredCsv: boolean): 'xlsx' | 'csv' {
  if (head.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (head.subarray(0, 4).equals(OLE)) {
    // An .xls file, or an .xlsx with an opening password (an encrypted package in the same container format).
    throw new AppError('WORKBOOK_UNREADABLE', '这是旧版Excel（.xls）文件或设置了打开密码的工作簿，请在Excel中另存为不加密的.xlsx文件后再导入');
  }
  if (declaredCsv) return 'csv';
  throw new AppError('WORKBOOK_UNREADABLE', '文件不是Excel工作簿（.xlsx），也不是CSV文件，无法读取');
}
