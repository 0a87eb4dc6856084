/**
 * The workbook format, defined once: the importer reads it, the exporter writes it, the README describes it.
 * Sixteen sheets with Chinese names and headers (the 党费 sheets and the nine member-work ledger sheets only in an
 * .xlsx workbook). On import, columns are matched by header text (trimmed; full-width
 * brackets count as half-width), in any order; a sheet may be absent. A CSV file holds one sheet's columns.
 */
import { STEPS } from '../development/steps.js';

/**
 * How a cell is read: text; a citizen ID number (never an Excel number); a date; a whole number; 是/否; a month
 * (YYYY-MM); an amount of money in 元 (read as integer fen, written as text such as "12.50").
 */
export type CellKind = 'text' | 'idNumber' | 'date' | 'int' | 'bool' | 'month' | 'money';

export interface ColumnDef {
  readonly header: string;
  /** The field of the service input (orgInput, memberInput…) that the column fills. */
  readonly field: string;
  readonly kind: CellKind;
  /** The column must be present in the sheet (its cells may still be optional, as the service schema says). */
  readonly required: boolean;
  /** Column width on export, in characters. */
  readonly width: number;
}

function col<const F extends string, const K extends CellKind>(header: string, field: F, kind: K, width: number, required = false) {
  return { header, field, kind, width, required } as const;
}

const ORG_COLUMNS = [
  col('组织代码', 'code', 'text', 16, true),
  col('组织名称', 'name', 'text', 30, true),
  col('上级组织代码', 'parentCode', 'text', 16),
  col('组织类别', 'kind', 'text', 12, true),
  col('单位类型', 'sector', 'text', 14, true),
  col('成立日期', 'establishedOn', 'date', 12),
  col('本届选举日期', 'lastElectionOn', 'date', 14),
  col('任期(年)', 'termYears', 'int', 9),
  // Added with the rules (0003): optional columns, so a workbook written before them still imports.
  col('支委会委员人数', 'committeeSize', 'int', 14),
  col('延期换届至', 'termExtendedTo', 'date', 12),
] as const;

const PERSON_COLUMNS = [
  col('姓名', 'name', 'text', 10, true),
  col('公民身份号码', 'idNumber', 'idNumber', 21, true),
  col('性别', 'gender', 'text', 6),
  col('民族', 'ethnicity', 'text', 8),
  col('出生日期', 'birthDate', 'date', 12),
  col('学历', 'education', 'text', 12),
  col('人员类别', 'occupation', 'text', 22),
  col('所在组织代码', 'orgCode', 'text', 16, true),
] as const;

const MEMBER_COLUMNS = [
  ...PERSON_COLUMNS,
  col('党员类别', 'status', 'text', 10, true),
  col('入党日期', 'joinedOn', 'date', 12, true),
  col('转正日期', 'confirmedOn', 'date', 12),
  col('手机号码', 'phone', 'text', 14),
  col('是否流动党员', 'isMobile', 'bool', 12),
  col('外出流向', 'mobileDestination', 'text', 20),
  col('党内职务', 'partyPost', 'text', 10),
  col('离开日期', 'leftOn', 'date', 12),
  col('离开原因', 'leaveReason', 'text', 14),
] as const;

const DEVELOPMENT_COLUMNS = [
  ...PERSON_COLUMNS,
  ...STEPS.map((s) => col(s.label, s.key, 'date', Math.max(12, s.label.length * 2 + 2), s.key === 'appliedOn')),
  col('培养联系人', 'contacts', 'text', 16),
  col('入党介绍人', 'introducers', 'text', 16),
  col('集中培训学时', 'trainingHours', 'int', 12),
  col('延长预备期(月)', 'extensionMonths', 'int', 14),
] as const;

const MEETING_COLUMNS = [
  col('组织代码', 'orgCode', 'text', 16, true),
  col('会议类型', 'kind', 'text', 14, true),
  col('日期', 'heldOn', 'date', 12, true),
  col('主题', 'topic', 'text', 30, true),
  col('主持人', 'host', 'text', 10),
  col('应到人数', 'expectedCount', 'int', 9, true),
  col('实到人数', 'attendedCount', 'int', 9, true),
  col('缺席人员及原因', 'absentees', 'text', 30),
  col('会议记录', 'minutes', 'text', 40),
] as const;

// Party dues (0004): optional sheets, so a workbook written before them still imports. A member is named by the
// ID number of a row of the same workbook's 党员 sheet.
const DUES_BASE_COLUMNS = [
  col('公民身份号码', 'idNumber', 'idNumber', 21, true),
  col('起始月份', 'fromMonth', 'month', 10, true),
  col('党费类别', 'category', 'text', 10, true),
  col('月缴纳基数（元）', 'baseFen', 'money', 16),
  col('备注', 'note', 'text', 30),
] as const;

const DUES_APPROVAL_COLUMNS = [
  col('公民身份号码', 'idNumber', 'idNumber', 21, true),
  col('审批类型', 'kind', 'text', 10, true),
  col('起始月份', 'fromMonth', 'month', 10, true),
  col('截止月份', 'toMonth', 'month', 10),
  col('每月金额（元）', 'monthlyFen', 'money', 14),
  col('事由', 'reason', 'text', 30, true),
  col('批准组织', 'approvedBy', 'text', 30, true),
  col('批准日期', 'approvedOn', 'date', 12, true),
] as const;

const DUES_PAYMENT_COLUMNS = [
  col('公民身份号码', 'idNumber', 'idNumber', 21, true),
  col('所属月份', 'month', 'month', 10, true),
  col('应交金额（元）', 'dueFen', 'money', 14, true),
  col('实交金额（元）', 'paidFen', 'money', 14, true),
  col('交纳日期', 'paidOn', 'date', 12, true),
  col('备注', 'note', 'text', 30),
] as const;

// Member-work ledgers (0005): optional sheets, xlsx only. A member is named by the ID number of a row of the same
// workbook's 党员 sheet or of a member already in the database within the importer's scope; an organization by its
// code. 培训编号 and 队伍编号 are keys local to the workbook (the export writes the record's id), tying the 参训人员
// and 队伍人员 rows to their 培训班 and 服务队伍 rows. Hours are written as people write them ("1.5").
const STUDY_RECORD_COLUMNS = [
  col('公民身份号码', 'idNumber', 'idNumber', 21, true),
  col('姓名', 'name', 'text', 10),
  col('学习日期', 'studiedOn', 'date', 12, true),
  col('学习形式', 'kind', 'text', 10, true),
  col('学习内容', 'title', 'text', 30, true),
  col('学时', 'hours', 'text', 8, true),
  col('积分', 'points', 'int', 8),
  col('来源', 'source', 'text', 20),
] as const;

const TRAINING_COLUMNS = [
  col('培训编号', 'key', 'text', 10, true),
  col('主办组织代码', 'orgCode', 'text', 16, true),
  col('培训名称', 'title', 'text', 30, true),
  col('培训形式', 'kind', 'text', 10, true),
  col('层级', 'level', 'text', 14, true),
  col('培训对象', 'audience', 'text', 20, true),
  col('专题', 'subject', 'text', 20),
  col('开始日期', 'startOn', 'date', 12, true),
  col('结束日期', 'endOn', 'date', 12, true),
  col('学时', 'hours', 'text', 8, true),
  col('是否集中培训', 'concentrated', 'bool', 12),
  col('参训人数', 'audienceCount', 'int', 9),
  col('备注', 'note', 'text', 30),
] as const;

const TRAINING_ATTENDANCE_COLUMNS = [
  col('培训编号', 'key', 'text', 10, true),
  col('公民身份号码', 'idNumber', 'idNumber', 21, true),
  col('姓名', 'name', 'text', 10),
  col('学时', 'hours', 'text', 8),
  col('是否结业', 'completed', 'bool', 9),
] as const;

const SERVICE_RECORD_COLUMNS = [
  col('组织代码', 'orgCode', 'text', 16, true),
  col('公民身份号码', 'idNumber', 'idNumber', 21),
  col('服务类别', 'kind', 'text', 12, true),
  col('分类', 'category', 'text', 14),
  col('事项', 'title', 'text', 30, true),
  col('日期', 'happenedOn', 'date', 12, true),
  col('办理状态', 'status', 'text', 9),
  col('办结日期', 'doneOn', 'date', 12),
  col('服务时长（小时）', 'hours', 'text', 16),
  col('受益人数', 'beneficiaries', 'int', 9),
  col('备注', 'note', 'text', 30),
] as const;

const COMMUNITY_REPORT_COLUMNS = [
  col('公民身份号码', 'idNumber', 'idNumber', 21, true),
  col('姓名', 'name', 'text', 10),
  col('报到社区组织代码', 'communityCode', 'text', 18),
  col('报到社区名称', 'communityName', 'text', 24),
  col('单位层级', 'unitLevel', 'text', 14, true),
  col('报到日期', 'reportedOn', 'date', 12, true),
  col('结束日期', 'endedOn', 'date', 12),
  col('备注', 'note', 'text', 30),
] as const;

const SERVICE_TEAM_COLUMNS = [
  col('队伍编号', 'key', 'text', 10, true),
  col('组织代码', 'orgCode', 'text', 16, true),
  col('队伍类别', 'kind', 'text', 12, true),
  col('队伍名称', 'name', 'text', 24, true),
  col('成立日期', 'establishedOn', 'date', 12, true),
  col('撤销日期', 'dissolvedOn', 'date', 12),
  col('备注', 'note', 'text', 30),
] as const;

const SERVICE_TEAM_MEMBER_COLUMNS = [
  col('队伍编号', 'key', 'text', 10, true),
  col('公民身份号码', 'idNumber', 'idNumber', 21),
  col('姓名', 'name', 'text', 10),
  col('加入日期', 'joinedOn', 'date', 12, true),
  col('退出日期', 'leftOn', 'date', 12),
] as const;

const HONOR_COLUMNS = [
  col('组织代码', 'orgCode', 'text', 16),
  col('类别', 'kind', 'text', 8, true),
  col('对象类别', 'recipientKind', 'text', 9, true),
  col('公民身份号码', 'idNumber', 'idNumber', 21),
  col('获表彰组织代码', 'recipientOrgCode', 'text', 16),
  col('对象名称', 'recipientName', 'text', 24),
  col('荣誉名称', 'title', 'text', 24, true),
  col('层级', 'level', 'text', 14, true),
  col('授予机关', 'awardedBy', 'text', 24, true),
  col('授予日期', 'awardedOn', 'date', 12, true),
  col('撤销日期', 'revokedOn', 'date', 12),
  col('备注', 'note', 'text', 30),
] as const;

const DONATION_COLUMNS = [
  col('公民身份号码', 'idNumber', 'idNumber', 21, true),
  col('姓名', 'name', 'text', 10),
  col('捐款活动', 'campaign', 'text', 24, true),
  col('捐款日期', 'donatedOn', 'date', 12, true),
  // Read as written and checked with the donations module's own amount (元, at most two decimals, above zero).
  col('金额（元）', 'amount', 'text', 12, true),
  col('备注', 'note', 'text', 30),
] as const;

export const SHEET_KEYS = [
  'orgs', 'members', 'development', 'meetings', 'duesBases', 'duesApprovals', 'duesPayments',
  'studyRecords', 'trainings', 'trainingAttendance', 'serviceRecords', 'communityReports', 'serviceTeams', 'serviceTeamMembers', 'honors', 'donations',
] as const;
/** The member-work ledger sheets (0005), in format order. */
export const LEDGER_SHEET_KEYS = [
  'studyRecords', 'trainings', 'trainingAttendance', 'serviceRecords', 'communityReports', 'serviceTeams', 'serviceTeamMembers', 'honors', 'donations',
] as const;
/** The sheets a CSV file may hold: the 党费 and ledger sheets name members and keys of the same workbook, so they come only in an .xlsx. */
export const CSV_SHEET_KEYS = ['orgs', 'members', 'development', 'meetings'] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

export interface SheetDef {
  readonly key: SheetKey;
  readonly name: string;
  readonly columns: readonly ColumnDef[];
}

export const SHEETS: Record<SheetKey, SheetDef> = {
  orgs: { key: 'orgs', name: '组织', columns: ORG_COLUMNS },
  members: { key: 'members', name: '党员', columns: MEMBER_COLUMNS },
  development: { key: 'development', name: '发展党员', columns: DEVELOPMENT_COLUMNS },
  meetings: { key: 'meetings', name: '组织生活', columns: MEETING_COLUMNS },
  duesBases: { key: 'duesBases', name: '党费基数', columns: DUES_BASE_COLUMNS },
  duesApprovals: { key: 'duesApprovals', name: '党费审批', columns: DUES_APPROVAL_COLUMNS },
  duesPayments: { key: 'duesPayments', name: '党费缴纳', columns: DUES_PAYMENT_COLUMNS },
  studyRecords: { key: 'studyRecords', name: '学习记录', columns: STUDY_RECORD_COLUMNS },
  trainings: { key: 'trainings', name: '培训班', columns: TRAINING_COLUMNS },
  trainingAttendance: { key: 'trainingAttendance', name: '参训人员', columns: TRAINING_ATTENDANCE_COLUMNS },
  serviceRecords: { key: 'serviceRecords', name: '服务记录', columns: SERVICE_RECORD_COLUMNS },
  communityReports: { key: 'communityReports', name: '到社区报到', columns: COMMUNITY_REPORT_COLUMNS },
  serviceTeams: { key: 'serviceTeams', name: '服务队伍', columns: SERVICE_TEAM_COLUMNS },
  serviceTeamMembers: { key: 'serviceTeamMembers', name: '队伍人员', columns: SERVICE_TEAM_MEMBER_COLUMNS },
  honors: { key: 'honors', name: '表彰', columns: HONOR_COLUMNS },
  donations: { key: 'donations', name: '捐款', columns: DONATION_COLUMNS },
};

/** The value a cell of each kind reads as; dates are ISO text (YYYY-MM-DD). */
export interface KindValue {
  text: string;
  idNumber: string;
  date: string;
  int: number;
  bool: boolean;
  month: string;
  money: number;
}
export type CellValue = KindValue[CellKind];

/** One parsed row of a sheet: its fields, absent where the cell is empty (or could not be read). */
type ValuesOf<C extends readonly { field: string; kind: CellKind }[]> = {
  [D in C[number] as D['field']]?: KindValue[D['kind']];
};
export type OrgValues = ValuesOf<typeof ORG_COLUMNS>;
export type MemberValues = ValuesOf<typeof MEMBER_COLUMNS>;
export type DevelopmentValues = ValuesOf<typeof DEVELOPMENT_COLUMNS>;
export type MeetingValues = ValuesOf<typeof MEETING_COLUMNS>;
export type DuesBaseValues = ValuesOf<typeof DUES_BASE_COLUMNS>;
export type DuesApprovalValues = ValuesOf<typeof DUES_APPROVAL_COLUMNS>;
export type DuesPaymentValues = ValuesOf<typeof DUES_PAYMENT_COLUMNS>;
export type StudyRecordValues = ValuesOf<typeof STUDY_RECORD_COLUMNS>;
export type TrainingValues = ValuesOf<typeof TRAINING_COLUMNS>;
export type TrainingAttendanceValues = ValuesOf<typeof TRAINING_ATTENDANCE_COLUMNS>;
export type ServiceRecordValues = ValuesOf<typeof SERVICE_RECORD_COLUMNS>;
export type CommunityReportValues = ValuesOf<typeof COMMUNITY_REPORT_COLUMNS>;
export type ServiceTeamValues = ValuesOf<typeof SERVICE_TEAM_COLUMNS>;
export type ServiceTeamMemberValues = ValuesOf<typeof SERVICE_TEAM_MEMBER_COLUMNS>;
export type HonorValues = ValuesOf<typeof HONOR_COLUMNS>;
export type DonationValues = ValuesOf<typeof DONATION_COLUMNS>;

export interface SheetValues {
  orgs: OrgValues;
  members: MemberValues;
  development: DevelopmentValues;
  meetings: MeetingValues;
  duesBases: DuesBaseValues;
  duesApprovals: DuesApprovalValues;
  duesPayments: DuesPaymentValues;
  studyRecords: StudyRecordValues;
  trainings: TrainingValues;
  trainingAttendance: TrainingAttendanceValues;
  serviceRecords: ServiceRecordValues;
  communityReports: CommunityReportValues;
  serviceTeams: ServiceTeamValues;
  serviceTeamMembers: ServiceTeamMemberValues;
  honors: HonorValues;
  donations: DonationValues;
}

/** Header text as compared on import: no spaces anywhere, full-width brackets as half-width. */
export function normalizeHeader(text: string): string {
  return text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/** The column a field of a sheet is read from, for locating an issue. */
export function columnOf(sheet: SheetDef, field: string): ColumnDef | undefined {
  const head = field.split('.')[0];
  return sheet.columns.find((c) => c.field === head);
}

/** The field → header map, to name fields in messages. */
export function labelsOf(sheet: SheetDef): Record<string, string> {
  return Object.fromEntries(sheet.columns.map((c) => [c.field, c.header]));
}

/**
 * Excel holds at most 1,048,576 rows a sheet. A longer sheet (a large county's 党费缴纳 or 学习记录) continues on sheets named
 * 党费缴纳（续1）, 党费缴纳（续2）…; on import their rows join the first sheet's, numbered k × CONTINUATION + row so
 * that every problem is still placed at its own sheet and row.
 */
export const MAX_SHEET_ROWS = 1_048_575;
export const CONTINUATION = 10_000_000;

export function continuationName(name: string, k: number): string {
  return `${name}（续${k}）`;
}

/** The base sheet name and the continuation number of a sheet name (0 for the sheet itself). */
export function splitContinuation(name: string): { base: string; k: number } {
  const m = /^(.+)[（(]续(\d+)[)）]$/.exec(name);
  return m ? { base: m[1]!, k: Number(m[2]) } : { base: name, k: 0 };
}

/** The sheet and row a (possibly continued) row number stands for. */
export function locate(name: string, row: number): { sheet: string; row: number } {
  const k = Math.floor(row / CONTINUATION);
  return k === 0 ? { sheet: name, row } : { sheet: continuationName(name, k), row: row % CONTINUATION };
}
