/**
 * Workbooks in memory for the HTTP tests: one built from records keyed by field (the import format's own sheets and
 * headers), and the text of every cell of a downloaded one.
 */
import ExcelJS from 'exceljs';
import { SHEETS, type SheetKey } from '../../src/modules/workbook/workbook-format.js';

export type WorkbookRecords = Partial<Record<SheetKey, Record<string, unknown>[]>>;

/** An .xlsx file with one sheet per key, its header row in format order, one row per record. */
export async function workbookBuffer(sheets: WorkbookRecords): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [key, records] of Object.entries(sheets) as [SheetKey, Record<string, unknown>[]][]) {
    const def = SHEETS[key];
    const ws = wb.addWorksheet(def.name);
    ws.addRow(def.columns.map((c) => c.header));
    for (const r of records) ws.addRow(def.columns.map((c) => r[c.field] ?? null));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Sheet name → rows → the text of each cell. */
export async function workbookCells(buffer: Buffer): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  const out: Record<string, string[][]> = {};
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => cells.push(cell.text));
      rows.push(cells);
    });
    out[ws.name] = rows;
  });
  return out;
}
