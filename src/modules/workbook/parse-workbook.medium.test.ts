/** Reading workbooks as other programs write them; no database involved. */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWorkbook } from './parse-workbook.js';
import { ids, removeTmpFiles, sheetRows, tmpFile, writeXlsx, zipOf } from './workbook-fixtures.test.js';

afterEach(removeTmpFiles);

const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('reading workbooks', () => {
  it('keeps Chinese text intact however the compressed parts are chunked', async () => {
    const names = Array.from({ length: 4000 }, (_, i) => `党员${'甲乙丙丁戊己庚辛壬癸'.slice(0, 1 + (i % 9))}${i}`);
    const header = sheetRows('members', [])[0]!;
    const rows = names.map((name) => header.map((h) => (h === '姓名' ? name : null)));
    const file = await writeXlsx({ 党员: [header, ...rows] });
    const parsed = await parseWorkbook({ file });
    expect(parsed.members.map((r) => r.values.name)).toEqual(names);
  });

  it('finds sheets that a workbook lists by absolute part name, as openpyxl writes them', async () => {
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const headers = ['姓名', '公民身份号码', '所在组织代码', '党员类别', '入党日期'];
    const values = ['张三', ids.zhang, 'C.T1.B1', '正式党员', '2010-07-01'];
    const row = (n: number, texts: string[]) => `<row r="${n}">${texts.map((t, i) => cell(`${'ABCDE'[i]}${n}`, t)).join('')}</row>`;
    const file = tmpFile('xlsx');
    await writeFile(
      file,
      zipOf({
        '[Content_Types].xml': `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
        'xl/workbook.xml': `${xml}<workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="Sheet" sheetId="1" r:id="rId1"/><sheet name="党员" sheetId="2" r:id="rId2"/></sheets></workbook>`,
        'xl/_rels/workbook.xml.rels': `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>`,
        'xl/worksheets/sheet1.xml': `${xml}<worksheet ${ns}><sheetData/></worksheet>`,
        'xl/worksheets/sheet2.xml': `${xml}<worksheet ${ns}><sheetData>${row(1, headers)}${row(2, values)}</sheetData></worksheet>`,
      }),
    );
    const parsed = await parseWorkbook({ file });
    expect(parsed.issues).toEqual([]);
    expect(parsed.found).toEqual(['members']);
    expect(parsed.members).toEqual([
      { row: 2, values: { name: '张三', idNumber: ids.zhang, orgCode: 'C.T1.B1', status: '正式党员', joinedOn: '2010-07-01' }, invalid: [] },
    ]);
  });

  it('reports a sheet that appears twice, once with a space in its name', async () => {
    const file = await writeXlsx({ 党员: sheetRows('members', []), '党员 ': sheetRows('members', []) });
    expect((await parseWorkbook({ file })).issues.map((i) => [i.sheet, i.code])).toEqual([['党员', 'FIELD_INVALID']]);
  });

  it('reads dates of a workbook in the 1904 date system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('组织生活');
    ws.addRow(['组织代码', '会议类型', '日期', '主题', '应到人数', '实到人数']);
    ws.addRow(['C.T1.B1', '党课', new Date(Date.UTC(2026, 2, 5)), '党课', 3, 3]);
    const file = tmpFile('xlsx');
    await wb.xlsx.writeFile(file);
    expect((await parseWorkbook({ file })).meetings[0]!.values.heldOn).toBe('2026-03-05');
  });
});
