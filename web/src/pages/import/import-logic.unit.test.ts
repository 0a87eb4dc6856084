import { describe, expect, it } from 'vitest';
import { contentTypeFor, fileSize, issuesCsv, sheetCounts, totalRows } from './import-logic';
import type { ImportReport } from '../../lib/types';
import { SHEET_KEYS } from '../../../../src/modules/workbook/workbook-format.js';

function counts(over: Partial<ImportReport['counts']>): ImportReport['counts'] {
  const zero = Object.fromEntries(SHEET_KEYS.map((k) => [k, 0])) as unknown as ImportReport['counts'];
  return { ...zero, ...over };
}

describe('the import page’s pieces', () => {
  it('sends .xlsx and .csv (any case) with their content types and refuses anything else', () => {
    expect(contentTypeFor('党员.XLSX')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(contentTypeFor('组织生活.csv')).toBe('text/csv');
    expect(contentTypeFor('党员.xls')).toBeNull();
    expect(contentTypeFor('readme.txt')).toBeNull();
  });

  it('lists the sheets that had rows, by their Chinese names in workbook order, and adds them up', () => {
    const c = counts({ meetings: 2, orgs: 1, honors: 3 });
    expect(sheetCounts(c).map((r) => [r.sheet, r.count])).toEqual([
      ['组织', 1],
      ['组织生活', 2],
      ['表彰', 3],
    ]);
    expect(totalRows(c)).toBe(6);
    expect(sheetCounts(counts({}))).toEqual([]);
  });

  it('writes the row-error report as CSV with a BOM, a Chinese header, quoting and formula-like cells kept as text', () => {
    const csv = issuesCsv([
      { code: 'DATE_INVALID', sheet: '组织生活', row: 3, column: '日期', message: '日期：“2025-02-30”不是有效日期' },
      { code: 'FIELD_INVALID', sheet: '党员', row: 12, column: '姓名', message: '含有逗号, 和 "引号"' },
      { code: 'FIELD_INVALID', sheet: '党员', row: 13, field: 'phone', message: '=HYPERLINK("x")' },
      { code: 'FILE', message: '缺少工作表' },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('工作表,行,列,问题');
    expect(lines[1]).toBe('组织生活,3,日期,日期：“2025-02-30”不是有效日期');
    expect(lines[2]).toBe('党员,12,姓名,"含有逗号, 和 ""引号"""');
    expect(lines[3]).toBe(`党员,13,phone,"'=HYPERLINK(""x"")"`);
    expect(lines[4]).toBe(',,,缺少工作表');
    expect(lines[5]).toBe('');
  });

  it('states file sizes in bytes, KB and MB', () => {
    expect(fileSize(820)).toBe('820 字节');
    expect(fileSize(12_595)).toBe('12.3 KB');
    expect(fileSize(4.5 * 1024 * 1024)).toBe('4.5 MB');
  });
});
