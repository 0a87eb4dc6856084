import { posix } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { normalizeCell, type RawCell } from './cells.js';
import { readZipDirectory, ZipFormatError } from './zip-entries.js';

/** Receives the rows of one sheet: the Excel row number (1-based) and its cells from column A on. */
export type RowSink = (row: number, cells: RawCell[]) => void;

type WorksheetReader = AsyncIterable<ExcelJS.Row>;

/**
 * The parts of exceljs's streaming WorkbookReader used here (exceljs 4.4, lib/stream/xlsx/workbook-reader.js).
 * They are driven directly because its own front-to-back walk of the zip is unreliable (see zip-entries.ts), it
 * misses sheet names when a workbook lists its parts by absolute path (as openpyxl writes them), and it decodes
 * each compressed chunk separately, garbling a Chinese character that straddles two chunks (exceljs issue #2084).
 * Here every part arrives as text decoded across chunk boundaries.
 */
interface ReaderParts {
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Type: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Iterator<{ value: WorksheetReader }>;
}

/**
 * Streams the worksheets of an .xlsx file row by row, in workbook order, without holding the sheets in memory.
 * `sheetSink(name)` says where a sheet's rows go (null: the sheet is not read). `onBytes` follows the reading:
 * bytes of sheet XML read so far and in all. Throws whatever the zip or XML layer throws for a damaged file; the
 * caller turns that into WORKBOOK_UNREADABLE.
 */
export async function readXlsx(
  zip: Buffer,
  sheetSink: (name: string) => RowSink | null,
  onBytes?: (read: number, total: number) => void,
): Promise<void> {
  const { entries, openText } = await readZipDirectory(zip);
  const entry = (part: string) => {
    const found = entries.get(part);
    if (!found) throw new ZipFormatError(`missing part: ${part}`);
    return found;
  };
  const open = (part: string) => openText(entry(part));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: 'cache',
    // Styles tell date cells from numbers; the 1904 date system comes with the workbook part.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as ReaderParts;

  await reader._parseRels(await open('xl/_rels/workbook.xml.rels'));
  await reader._parseWorkbook(await open('xl/workbook.xml'));
  const rels = reader.workbookRels ?? [];
  const partOf = (target: string) => (target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target)));
  const byType = (type: string) => rels.find((r) => r.Type.endsWith(`/${type}`));
  const strings = byType('sharedStrings');
  if (strings) {
    for await (const _ of reader._parseSharedStrings(await open(partOf(strings.Target)))) {
      // Nothing is yielded when the strings are cached: running the parser fills the cache.
    }
  }
  const styles = byType('styles');
  if (styles) await reader._parseStyles(await open(partOf(styles.Target)));

  const toRead: { part: string; sink: RowSink }[] = [];
  for (const sheet of reader.model?.sheets ?? []) {
    const rel = rels.find((r) => r.Id === sheet.rId);
    // Chart sheets and dialog sheets hold no rows.
    if (!rel || !rel.Type.endsWith('/worksheet')) continue;
    const sink = sheetSink(sheet.name.trim());
    if (sink) toRead.push({ part: partOf(rel.Target), sink });
  }
  const total = toRead.reduce((sum, s) => sum + entry(s.part).uncompressedSize, 0);
  let read = 0;
  async function* counted(text: Readable): AsyncGenerator<string> {
    for await (const chunk of text as AsyncIterable<string>) {
      read += Buffer.byteLength(chunk);
      onBytes?.(read, total);
      yield chunk;
    }
  }
  for (const [index, { part, sink }] of toRead.entries()) {
    const worksheet = reader._parseWorksheet(counted(await open(part)), String(index + 1)).next().value!.value;
    for await (const row of worksheet) {
      const values = row.values as unknown[];
      const cells: RawCell[] = new Array<RawCell>(Math.max(0, values.length - 1));
      for (let i = 1; i < values.length; i++) cells[i - 1] = normalizeCell(values[i]);
      sink(row.number, cells);
    }
  }
}
