import type { FieldIssue } from '../../shared/errors.js';
import { coerceCell, isBlank, type RawCell } from './cells.js';
import { normalizeHeader, type CellValue, type ColumnDef, type SheetDef } from './workbook-format.js';

/** One row of a sheet as read: its Excel row number, its values by field, and the fields whose cells were unreadable. */
export interface ParsedRow<T> {
  row: number;
  values: T;
  /** Fields whose cell could not be read (already reported); later checks leave them alone. */
  invalid: readonly string[];
}

const NONE: readonly string[] = Object.freeze([]);

/**
 * Turns the rows of one sheet into typed rows: the first non-empty row is the header, matched to the sheet's columns
 * by text; every later non-empty row is coerced cell by cell. Problems go to `issues` with sheet, row and column.
 */
export class SheetCollector {
  readonly rows: ParsedRow<Record<string, CellValue>>[] = [];
  /** By cell index: the column, 'ignored' for a header already reported (unknown, repeated), null for no header. */
  private columns: (ColumnDef | 'ignored' | null)[] | null = null;
  private headerRow = 0;
  /** Rows are not read when required columns are missing: every row would repeat the same complaint. */
  private skipRows = false;
  private readonly headerless = new Set<number>();

  constructor(
    readonly sheet: SheetDef,
    private readonly issues: FieldIssue[],
  ) {}

  add(row: number, cells: RawCell[]): void {
    if (cells.every(isBlank)) return;
    if (!this.columns) {
      this.readHeader(row, cells);
      return;
    }
    if (this.skipRows) return;
    const values: Record<string, CellValue> = {};
    let invalid: string[] | null = null;
    for (let i = 0; i < cells.length; i++) {
      const raw = cells[i] ?? null;
      const column = this.columns[i];
      if (!column || column === 'ignored') {
        if (!column && !isBlank(raw)) this.reportHeaderless(i);
        continue;
      }
      const result = coerceCell(column.kind, raw, column.header);
      if (result.ok) {
        if (result.value !== undefined) values[column.field] = result.value;
      } else {
        (invalid ??= []).push(column.field);
        this.issues.push({ code: result.code, field: column.field, message: result.message, sheet: this.sheet.name, row, column: column.header });
      }
    }
    this.rows.push({ row, values, invalid: invalid ?? NONE });
  }

  private readHeader(row: number, cells: RawCell[]): void {
    this.headerRow = row;
    const byHeader = new Map(this.sheet.columns.map((c) => [normalizeHeader(c.header), c]));
    const seen = new Set<ColumnDef>();
    const known = this.sheet.columns.map((c) => c.header).join('、');
    this.columns = cells.map((raw): ColumnDef | 'ignored' | null => {
      const text = raw === null || typeof raw === 'object' ? '' : String(raw).trim();
      if (!text) return null;
      const column = byHeader.get(normalizeHeader(text));
      if (!column) {
        this.headerIssue('FIELD_INVALID', text, `${this.sheet.name}表没有“${text}”这一列（可用的列：${known}）`);
        return 'ignored';
      }
      if (seen.has(column)) {
        this.headerIssue('FIELD_INVALID', column.header, `列“${column.header}”出现了不止一次`);
        return 'ignored';
      }
      seen.add(column);
      return column;
    });
    for (const column of this.sheet.columns) {
      if (column.required && !seen.has(column)) {
        this.headerIssue('FIELD_REQUIRED', column.header, `${this.sheet.name}表缺少必需的列“${column.header}”`);
        this.skipRows = true;
      }
    }
  }

  private reportHeaderless(index: number): void {
    if (this.headerless.has(index)) return;
    this.headerless.add(index);
    const letter = columnLetter(index);
    this.headerIssue('FIELD_INVALID', letter, `第${letter}列有数据但没有列名（第${this.headerRow}行）`);
  }

  private headerIssue(code: FieldIssue['code'], column: string, message: string): void {
    this.issues.push({ code, field: '', message, sheet: this.sheet.name, row: this.headerRow, column });
  }
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
