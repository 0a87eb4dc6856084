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
import { LEDGER_SHEET_KEYS, SHEET_KEYS, SHEETS, type SheetKey } from './workbook-format.js';

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

// The member-work ledgers: 张三 reaches the daily cap of points on 2026-06-05 (4 credited from his 2 hours, 4 as given).
export const studyRecordRecords = [
  { idNumber: ids.zhang, name: '张三', studiedOn: '2026-06-05', kind: '集中学习', title: '学习党章', hours: '2' },
  { idNumber: ids.zhang, studiedOn: '2026/6/5', kind: '网络培训', title: '党员教育网络课程', hours: 3, points: 4, source: '党员教育网络学院' },
  { idNumber: ids.wang, name: '王五', studiedOn: '2026-07-01', kind: '自学', title: '读原著', hours: '1.5', points: 3, source: '学习强国' },
];

export const trainingRecords = [
  {
    key: 'P1', orgCode: 'C.T1', title: '2026年村党组织书记培训班', kind: '培训班', level: '乡镇（街道）级', audience: '村（社区）党组织书记', subject: '乡村振兴',
    startOn: '2026-05-10', endOn: '2026-05-14', hours: '32', concentrated: '是',
  },
  { key: 'P2', orgCode: 'C.T1.B2', title: '七一专题党课', kind: '专题讲座', level: '村（社区）级', audience: '全体党员', startOn: '2026-07-01', endOn: '2026-07-01', hours: '1.5', concentrated: '否', audienceCount: 30, note: '邀请镇党委书记讲授' },
];

export const trainingAttendanceRecords = [
  { key: 'P1', idNumber: ids.zhang, name: '张三', completed: '是' },
  { key: 'P2', idNumber: ids.wang, hours: '1.5', completed: '否' },
  { key: 'P2', idNumber: ids.zhao, name: '赵六' },
];

export const serviceRecordRecords = [
  { orgCode: 'C.T1.B1', idNumber: ids.zhang, kind: '志愿服务', category: '环境整治', title: '清理河道', happenedOn: '2026-04-12', hours: '3', beneficiaries: 120 },
  { orgCode: 'C.T1.B2', kind: '办实事', title: '修缮村道', happenedOn: '2026-06-01', status: '已办结', doneOn: '2026-08-15', beneficiaries: 300 },
  { orgCode: 'C.T1', kind: '矛盾纠纷化解', category: '土地纠纷', title: '调解承包地边界纠纷', happenedOn: '2026-09-01', status: '办理中' },
];

export const communityReportRecords = [
  { idNumber: ids.zhang, name: '张三', communityName: '城关社区', unitLevel: '乡镇（街道）级', reportedOn: '2026-02-01', note: '认领环境整治岗' },
];

export const serviceTeamRecords = [
  { key: 'D1', orgCode: 'C.T1.B1', kind: '志愿服务队', name: '测试村党员志愿服务队', establishedOn: '2025-03-05' },
  { key: 'D2', orgCode: 'C.T1.B2', kind: '党员先锋岗', name: '村务服务先锋岗', establishedOn: '2026-02-01', note: '便民服务' },
];

export const serviceTeamMemberRecords = [
  { key: 'D1', idNumber: ids.zhang, name: '张三', joinedOn: '2025-03-05' },
  { key: 'D1', name: '刘大妈', joinedOn: '2025-04-01' },
  { key: 'D2', idNumber: ids.wang, joinedOn: '2026-02-01', leftOn: '2026-08-01' },
];

export const honorRecords = [
  { kind: '表彰', recipientKind: '个人', idNumber: ids.zhang, title: '优秀共产党员', level: '乡镇（街道）级', awardedBy: '中共测试镇委员会', awardedOn: '2026-06-30' },
  { kind: '命名', recipientKind: '集体', recipientOrgCode: 'C.T1.B2', title: '五星级党支部', level: '县级', awardedBy: '中共测试县委员会', awardedOn: '2026-07-01' },
  { orgCode: 'C.T1.B1', kind: '评选', recipientKind: '家庭', recipientName: '张三家庭', title: '最美家庭', level: '村（社区）级', awardedBy: '测试村一党支部', awardedOn: '2026-05-01', note: '村级评选' },
];

export const donationRecords = [
  { idNumber: ids.zhang, name: '张三', campaign: '抗洪救灾特殊党费', donatedOn: '2026-07-20', amount: '200' },
  { idNumber: ids.wang, campaign: '抗洪救灾特殊党费', donatedOn: '2026-07-21', amount: 100.5, note: '自愿' },
];

// The supervision ledgers: the township's list broken into tasks for its branches; a county inspection round whose
// problem in B1 went the whole workflow (its history given), and a self-examined problem of B2 in rectification (its
// history implied); ratings of the central scheme, a 软弱涣散 case, a designation; the township's disclosure catalogue
// disclosed by the branches; cadre events (one on 张三), a publicity piece, and one figure set of two values.
export const responsibilityListRecords = [
  { key: 'L1', orgCode: 'C.T1', year: 2026, kind: '主体责任清单', title: '2026年度党建工作主体责任清单', issuedOn: '2026-02-01' },
];

export const listItemRecords = [
  { key: 'L1', seq: 1, content: '每季度召开党建工作专题会议', category: '党的制度建设', targetValue: 4, targetUnit: '次' },
  { key: 'L1', seq: 2, content: '推进“三治融合”试点', targetValue: '2.5', targetUnit: '个' },
];

export const taskRecords = [
  {
    key: 'T1', orgCode: 'C.T1.B1', assignedByCode: 'C.T1', listKey: 'L1', seq: 1, title: '召开党建专题会议', category: '党建', ownerName: '张三', startOn: '2026-03-01',
    deadline: '2026-06-30', status: '已完成', completedOn: '2026-06-20',
  },
  { key: 'T2', orgCode: 'C.T1.B2', assignedByCode: 'C.T1', title: '整治村容村貌', ownerName: '王五', startOn: '2026-04-01', deadline: '2026-09-30', status: '进行中', note: '书记项目' },
];

export const taskEventRecords = [
  { key: 'T1', kind: '进展', happenedOn: '2026-05-01', content: '已召开一次专题会议', percent: 50, actor: '张三' },
  { key: 'T2', kind: '督办', happenedOn: '2026-10-08', content: '已逾期，督促加快进度', actor: '镇党委组织委员' },
];

export const inspectionRecords = [
  { key: 'X1', orgCode: 'C', kind: '巡察', title: '县委第一轮巡察', roundNo: 1, startOn: '2026-03-01', endOn: '2026-04-30', cluesTransferred: 3, noticesIssued: 1 },
];

export const inspectionTargetRecords = [
  { key: 'X1', targetOrgCode: 'C.T1', unitKind: '乡镇（街道）' },
  { key: 'X1', unitName: '县供销社', unitKind: '县直部门' },
];

export const problemRecords = [
  {
    key: 'Q1', orgCode: 'C.T1.B1', source: '巡察', inspectionKey: 'X1', category: '三会一课', level: '组织层面', description: '“三会一课”记录不规范', ownerName: '张三',
    measures: '规范记录本\n每月检查', foundOn: '2026-04-10', deadline: '2026-07-31', status: '已销号', rectifiedOn: '2026-07-01', acceptedOn: '2026-07-10', acceptedBy: '镇党委',
    closedOn: '2026-07-15',
  },
  { key: 'Q2', orgCode: 'C.T1.B2', source: '查摆', category: '党费', level: '个人层面', description: '党员未按月交纳党费', ownerName: '王五', measures: '补交党费', foundOn: '2026-08-01', deadline: '2026-10-31', status: '整改中' },
];

export const problemEventRecords = [
  { key: 'Q1', action: '登记', toStatus: '待整改', happenedOn: '2026-04-10', actor: '县委巡察办' },
  { key: 'Q1', action: '制定措施', fromStatus: '待整改', toStatus: '整改中', happenedOn: '2026-04-15', actor: '张三' },
  { key: 'Q1', action: '提请验收', fromStatus: '整改中', toStatus: '待验收', happenedOn: '2026-07-01', evidence: '整改报告', actor: '张三' },
  { key: 'Q1', action: '验收通过', fromStatus: '待验收', toStatus: '待验收', happenedOn: '2026-07-10', actor: '镇党委' },
  { key: 'Q1', action: '销号', fromStatus: '待验收', toStatus: '已销号', happenedOn: '2026-07-15', actor: '镇党委' },
];

export const ratingRecords = [
  {
    orgCode: 'C.T1.B1', year: 2025, schemeCode: 'central-2012', selfScore: 92, selfGrade: '好', memberScore: 90.5, publicSatisfaction: '96.5', finalScore: 88,
    finalGrade: '较好', decidedOn: '2026-01-20', decidedBy: '中共测试镇委员会',
  },
  { orgCode: 'C.T1.B2', year: 2025, schemeCode: 'central-2012', selfScore: 75, selfGrade: '一般' },
];

export const weakCaseRecords = [
  {
    orgCode: 'C.T1.B2', year: 2026, source: '上级认定', reasons: '组织生活不经常；党员发展停滞', flaggedOn: '2026-03-01', status: '整顿中', plan: '选派第一书记，年内完成整顿',
    leaderName: '李镇长', deadline: '2026-12-31',
  },
];

export const designationRecords = [{ orgCode: 'C.T1.B1', title: '五星级党支部', kind: '星级党组织', action: '命名', level: '县级', designatedOn: '2026-07-01' }];

export const disclosureItemRecords = [
  { key: 'M1', orgCode: 'C.T1', category: '财务', name: '村级财务收支', cadence: '每季度', sector: '农村', active: '是' },
  { key: 'M2', orgCode: 'C.T1', category: '党务', name: '党员发展情况', cadence: '随时' },
];

export const disclosureRecords = [
  {
    orgCode: 'C.T1.B1', key: 'M1', periodLabel: '2026Q2', content: '二季度收支明细', proposedOn: '2026-07-02', reviewedOn: '2026-07-05', reviewedBy: '村务监督委员会',
    approvedOn: '2026-07-06', approvedBy: '测试村一党支部', publishedOn: '2026-07-08',
  },
  { orgCode: 'C.T1.B2', key: 'M2', periodLabel: '2026-03-01', content: '确定赵六为发展对象', proposedOn: '2026-03-01' },
];

export const cadreEventRecords = [
  {
    orgCode: 'C.T1', idNumber: ids.zhang, name: '张三', kind: '后备干部', subkind: '村级后备力量', happenedOn: '2026-05-01', frontline: '是', batch: '2026年第一批',
    birthYear: 1985, education: '大学本科',
  },
  { orgCode: 'C', name: '某某', kind: '招录', subkind: '选调生', happenedOn: '2026-08-01', education: '研究生' },
];

export const publicationRecords = [
  { orgCode: 'C.T1', title: '测试镇推行“三治融合”', mediumLevel: '省级', mediumName: '某省日报', form: '图文', original: '是', theme: '基层治理', publishedOn: '2026-06-01' },
];

export const figureValueRecords = [
  { orgCode: 'C', period: '2026H1', sourceDepartment: '县纪委监委', enteredBy: '纪委干部', enteredOn: '2026-07-05', indicatorId: 'cases_accepted', value: 12, unit: '件' },
  { orgCode: 'C', period: '2026H1', sourceDepartment: '县纪委监委', enteredBy: '纪委干部', enteredOn: '2026-07-05', indicatorId: 'case_reviews', value: 5, note: '含移送' },
];

/** The rows of the full test workbook by sheet. */
export const countyRecords: Record<SheetKey, Record<string, unknown>[]> = {
  orgs: orgRecords,
  members: memberRecords,
  development: developmentRecords,
  meetings: meetingRecords,
  duesBases: duesBaseRecords,
  duesApprovals: duesApprovalRecords,
  duesPayments: duesPaymentRecords,
  studyRecords: studyRecordRecords,
  trainings: trainingRecords,
  trainingAttendance: trainingAttendanceRecords,
  serviceRecords: serviceRecordRecords,
  communityReports: communityReportRecords,
  serviceTeams: serviceTeamRecords,
  serviceTeamMembers: serviceTeamMemberRecords,
  honors: honorRecords,
  donations: donationRecords,
  responsibilityLists: responsibilityListRecords,
  listItems: listItemRecords,
  tasks: taskRecords,
  taskEvents: taskEventRecords,
  inspections: inspectionRecords,
  inspectionTargets: inspectionTargetRecords,
  problems: problemRecords,
  problemEvents: problemEventRecords,
  ratings: ratingRecords,
  weakCases: weakCaseRecords,
  designations: designationRecords,
  disclosureItems: disclosureItemRecords,
  disclosures: disclosureRecords,
  cadreEvents: cadreEventRecords,
  publications: publicationRecords,
  figureValues: figureValueRecords,
};

/** The ledger sheets left empty, for tests about the other sheets (whose changes would touch the ledgers' members). */
export const noLedgerRows: Partial<Record<SheetKey, Record<string, unknown>[]>> = Object.fromEntries(LEDGER_SHEET_KEYS.map((k) => [k, []]));

/** The full test workbook (all thirty-two sheets), optionally changed sheet by sheet. */
export function countyWorkbook(change: Partial<Record<SheetKey, Record<string, unknown>[]>> = {}): Promise<string> {
  return writeXlsx(Object.fromEntries(SHEET_KEYS.map((k) => [SHEETS[k].name, sheetRows(k, change[k] ?? countyRecords[k])])));
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
