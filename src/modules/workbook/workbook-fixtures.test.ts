/**
 * Test workbooks, written with exceljs into the system's temporary directory. Shared by the workbook tests; named
 * *.test.ts so the build leaves it out, and run by no test project (it holds no tests).
 */
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { makeIdNumber } from '../../shared/id-number.js';
import { SHEETS, type SheetKey } from './workbook-format.js';

const created = new Set<string>();

/** A fresh path in the temporary directory, removed by removeTmpFiles. */
export function tmpFile(ext: string): string {
  const file = join(tmpdir(), `dangjian-${randomBytes(6).toString('hex')}.${ext}`);
  created.add(file);
  return file;
}

/** For afterEach: removes the files the test wrote. */
export async function removeTmpFiles(): Promise<void> {
  await Promise.all([...created].map((f) => rm(f, { force: true })));
  created.clear();
}

/** Writes a workbook: sheet name → rows (the first row is the header). Cells as exceljs takes them. */
export async function writeXlsx(sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  const file = tmpFile('xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

export async function writeCsv(rows: string[][], bom = true): Promise<string> {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const text = rows.map((r) => r.map(quote).join(',')).join('\r\n');
  const file = tmpFile('csv');
  await writeFile(file, (bom ? '\uFEFF' : '') + text, 'utf8');
  return file;
}

/** A sheet's rows from records keyed by field: the header row in format order, then one row per record. */
export function sheetRows(key: SheetKey, records: Record<string, unknown>[]): unknown[][] {
  const columns = SHEETS[key].columns;
  return [columns.map((c) => c.header), ...records.map((r) => columns.map((c) => r[c.field] ?? null))];
}

export const ids = {
  zhang: makeIdNumber('110101', '1985-06-15', 11),
  li: makeIdNumber('110101', '1970-01-02', 22),
  wang: makeIdNumber('110101', '1990-03-03', 33),
  zhao: makeIdNumber('110101', '1995-08-08', 44),
  sun: makeIdNumber('110101', '2000-01-01', 55),
};

export const orgRecords = [
  // Children before their parents: the importer inserts in tree order whatever the row order.
  { code: 'C.T1.B1', name: '测试村一党支部', parentCode: 'C.T1', kind: '党支部', sector: '农村', establishedOn: '2000-01-01', lastElectionOn: '2024-03-01', termYears: 5, committeeSize: 0 },
  {
    code: 'C.T1', name: '中共测试镇委员会', parentCode: 'C', kind: '党委', sector: '农村', establishedOn: '1990-05-01', lastElectionOn: '2021-08-01', termYears: 5,
    termExtendedTo: '2027-02-01',
  },
  { code: 'C.T1.B2', name: '测试村二党支部', parentCode: 'C.T1', kind: '党支部', sector: '农村' },
  { code: 'C', name: '中共测试县委员会', kind: '党委', sector: '机关' },
];

export const memberRecords = [
  { name: '张三', idNumber: ids.zhang, gender: '男', ethnicity: '汉族', birthDate: '1985-06-15', education: '大学本科', occupation: '农牧渔民', orgCode: 'C.T1.B1', status: '正式党员', joinedOn: '2010-07-01', confirmedOn: '2011-07-01', phone: '13812345678', isMobile: '否', partyPost: '书记' },
  { name: '李四', idNumber: ids.li, gender: '女', ethnicity: '回族', orgCode: 'C.T1.B1', status: '正式党员', joinedOn: '1995-07-01', confirmedOn: '1996-07-01', isMobile: '否', leftOn: '2020-05-01', leaveReason: '死亡' },
  { name: '王五', idNumber: ids.wang, orgCode: 'C.T1.B2', status: '预备党员', joinedOn: '2026-01-10', isMobile: '是', mobileDestination: '广东省深圳市' },
  { name: '赵六', idNumber: ids.zhao, gender: '女', orgCode: 'C.T1.B2', status: '预备党员', joinedOn: '2026-03-01', education: '研究生' },
];

export const developmentRecords = [
  {
    name: '赵六', idNumber: ids.zhao, gender: '女', orgCode: 'C.T1.B2', education: '研究生',
    appliedOn: '2023-03-01', interviewedOn: '2023-03-15', activistOn: '2023-06-01', contactsOn: '2023-06-05',
    candidateOn: '2024-07-01', politicalReviewOn: '2024-08-01', trainingStartOn: '2024-09-01', trainingEndOn: '2024-09-05',
    committeeReviewOn: '2024-10-01', preReviewOn: '2024-11-01', branchMeetingOn: '2026-03-01', superiorInterviewOn: '2026-03-10',
    approvedOn: '2026-03-20', contacts: '张三、王五', introducers: '张三、王五', trainingHours: 24,
  },
  { name: '孙七', idNumber: ids.sun, orgCode: 'C.T1.B1', appliedOn: '2026-05-01', interviewedOn: '2026-05-20' },
];

export const meetingRecords = [
  { orgCode: 'C.T1.B1', kind: '支部党员大会', heldOn: '2026-06-01', topic: '学习党章', host: '张三', expectedCount: 4, attendedCount: 3, absentees: '李四（病假）', minutes: '传达学习了党章。' },
  { orgCode: 'C.T1.B2', kind: '主题党日', heldOn: '2026-07-01', topic: '志愿服务', expectedCount: 2, attendedCount: 2, absentees: '无' },
];

// 张三 is a 农民 member paying 0.50元 by the quarter; 王五 works (4500元: 1%, then 5200元: 1.5%) and was allowed 减交.
export const duesBaseRecords = [
  { idNumber: ids.zhang, fromMonth: '2026-01', category: '农民' },
  { idNumber: ids.wang, fromMonth: '2026-01', category: '在职', baseFen: 4500 },
  { idNumber: ids.wang, fromMonth: '2026-07', category: '在职', baseFen: '5200.00', note: '工资调整' },
];

export const duesApprovalRecords = [
  { idNumber: ids.zhang, kind: '按季交纳', fromMonth: '2026-01', reason: '外出务工', approvedBy: '测试村一党支部', approvedOn: '2025-12-20' },
  { idNumber: ids.wang, kind: '减交', fromMonth: '2026/9', toMonth: '2026年12月', monthlyFen: 10, reason: '家庭生活困难', approvedBy: '中共测试镇委员会', approvedOn: '2026-08-20' },
];

export const duesPaymentRecords = [
  ...['2026-01', '2026-02', '2026-03'].map((month) => ({ idNumber: ids.zhang, month, dueFen: '0.50', paidFen: '0.5', paidOn: '2026-03-25', note: '按季交纳' })),
  { idNumber: ids.wang, month: '2026-01', dueFen: 45, paidFen: '45.00', paidOn: '2026-01-20' },
  { idNumber: ids.wang, month: '2026-07', dueFen: '78.00', paidFen: 100, paidOn: '2026-07-15', note: '多交22元' },
  { idNumber: ids.wang, month: '2026-09', dueFen: '10', paidFen: '10', paidOn: '2026-09-10' },
];

/** The full test workbook (all seven sheets), optionally changed sheet by sheet. */
export function countyWorkbook(change: Partial<Record<SheetKey, Record<string, unknown>[]>> = {}): Promise<string> {
  return writeXlsx({
    组织: sheetRows('orgs', change.orgs ?? orgRecords),
    党员: sheetRows('members', change.members ?? memberRecords),
    发展党员: sheetRows('development', change.development ?? developmentRecords),
    组织生活: sheetRows('meetings', change.meetings ?? meetingRecords),
    党费基数: sheetRows('duesBases', change.duesBases ?? duesBaseRecords),
    党费审批: sheetRows('duesApprovals', change.duesApprovals ?? duesApprovalRecords),
    党费缴纳: sheetRows('duesPayments', change.duesPayments ?? duesPaymentRecords),
  });
}

/** A zip of stored (uncompressed) entries: enough to hand-craft the workbook parts other programs write. */
export function zipOf(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
