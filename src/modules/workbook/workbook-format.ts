/**
 * The workbook format, defined once: the importer reads it, the exporter writes it, the README describes it.
 * Thirty-two sheets with Chinese names and headers (the 党费 sheets, the nine member-work ledger sheets and the sixteen
 * supervision ledger sheets only in an .xlsx workbook). On import, columns are matched by header text (trimmed; full-width
 * brackets count as half-width), in any order; a sheet may be absent. A CSV file holds one sheet's columns.
 */
import { STEPS } from '../development/steps.js';

/**
 * How a cell is read: text; a citizen ID number (never an Excel number); a date; a whole number; 是/否; a month
 * (YYYY-MM); an amount of money in 元 (read as integer fen, written as text such as "12.50"); a number that may have
 * decimals (a score, a rate, a hand-entered figure).
 */
export type CellKind = 'text' | 'idNumber' | 'date' | 'int' | 'bool' | 'month' | 'money' | 'number';

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

// Supervision ledgers (0006): optional sheets, xlsx only. Organizations by code, members by ID number (as the
// member-work ledgers). 清单编号, 任务编号, 编号 (of a 巡察督查 row), 问题编号 and 目录编号 are keys local to the workbook
// (the export writes the record's id), tying 清单事项, 任务, 任务记录, 检查对象, 问题整改, 整改记录 and 公开记录 rows to
// the rows they belong to.
const RESPONSIBILITY_LIST_COLUMNS = [
  col('清单编号', 'key', 'text', 10, true),
  col('组织代码', 'orgCode', 'text', 16, true),
  col('年度', 'year', 'int', 8, true),
  col('清单类别', 'kind', 'text', 14, true),
  col('清单名称', 'title', 'text', 30, true),
  col('印发日期', 'issuedOn', 'date', 12),
  col('备注', 'note', 'text', 30),
] as const;

const LIST_ITEM_COLUMNS = [
  col('清单编号', 'key', 'text', 10, true),
  col('序号', 'seq', 'int', 6, true),
  col('事项内容', 'content', 'text', 40, true),
  col('类别', 'category', 'text', 12),
  col('目标数', 'targetValue', 'number', 9),
  col('目标单位', 'targetUnit', 'text', 9),
] as const;

const TASK_COLUMNS = [
  col('任务编号', 'key', 'text', 10, true),
  col('责任组织代码', 'orgCode', 'text', 16, true),
  col('交办组织代码', 'assignedByCode', 'text', 16, true),
  col('清单编号', 'listKey', 'text', 10),
  col('序号', 'seq', 'int', 6),
  col('任务名称', 'title', 'text', 30, true),
  col('类别', 'category', 'text', 12),
  col('责任人', 'ownerName', 'text', 10, true),
  col('开始日期', 'startOn', 'date', 12, true),
  col('完成时限', 'deadline', 'date', 12, true),
  col('状态', 'status', 'text', 8, true),
  col('完成日期', 'completedOn', 'date', 12),
  col('备注', 'note', 'text', 30),
] as const;

const TASK_EVENT_COLUMNS = [
  col('任务编号', 'key', 'text', 10, true),
  col('类别', 'kind', 'text', 8, true),
  col('日期', 'happenedOn', 'date', 12, true),
  col('内容', 'content', 'text', 40, true),
  col('进度（%）', 'percent', 'int', 9),
  col('记录人', 'actor', 'text', 10, true),
] as const;

const INSPECTION_COLUMNS = [
  col('编号', 'key', 'text', 10, true),
  col('组织代码', 'orgCode', 'text', 16, true),
  col('类别', 'kind', 'text', 10, true),
  col('名称', 'title', 'text', 30, true),
  col('轮次', 'roundNo', 'int', 6),
  col('开始日期', 'startOn', 'date', 12, true),
  col('结束日期', 'endOn', 'date', 12, true),
  col('移交问题线索数', 'cluesTransferred', 'int', 14),
  col('下发通报文书数', 'noticesIssued', 'int', 14),
  col('备注', 'note', 'text', 30),
] as const;

const INSPECTION_TARGET_COLUMNS = [
  col('编号', 'key', 'text', 10, true),
  col('被检查组织代码', 'targetOrgCode', 'text', 16),
  col('单位名称', 'unitName', 'text', 24),
  col('单位类别', 'unitKind', 'text', 12, true),
] as const;

const PROBLEM_COLUMNS = [
  col('问题编号', 'key', 'text', 10, true),
  col('组织代码', 'orgCode', 'text', 16, true),
  col('来源', 'source', 'text', 10, true),
  col('巡察督查编号', 'inspectionKey', 'text', 12),
  col('类别', 'category', 'text', 14, true),
  col('层面', 'level', 'text', 10, true),
  col('问题描述', 'description', 'text', 40, true),
  col('责任人', 'ownerName', 'text', 10, true),
  col('整改措施', 'measures', 'text', 40),
  col('措施条数', 'measuresCount', 'int', 9),
  col('发现日期', 'foundOn', 'date', 12, true),
  col('整改时限', 'deadline', 'date', 12, true),
  col('状态', 'status', 'text', 8, true),
  col('整改完成日期', 'rectifiedOn', 'date', 12),
  col('验收日期', 'acceptedOn', 'date', 12),
  col('验收人', 'acceptedBy', 'text', 10),
  col('销号日期', 'closedOn', 'date', 12),
  col('重新整改次数', 'reopened', 'int', 12),
  col('备注', 'note', 'text', 30),
] as const;

const PROBLEM_EVENT_COLUMNS = [
  col('问题编号', 'key', 'text', 10, true),
  col('步骤', 'action', 'text', 10, true),
  col('原状态', 'fromStatus', 'text', 8),
  col('新状态', 'toStatus', 'text', 8, true),
  col('日期', 'happenedOn', 'date', 12, true),
  col('说明', 'note', 'text', 30),
  col('佐证', 'evidence', 'text', 30),
  col('记录人', 'actor', 'text', 10, true),
] as const;

const RATING_COLUMNS = [
  col('组织代码', 'orgCode', 'text', 16, true),
  col('年度', 'year', 'int', 8, true),
  col('方案代码', 'schemeCode', 'text', 14, true),
  col('自评分', 'selfScore', 'number', 8),
  col('自评等次', 'selfGrade', 'text', 9),
  col('党员测评分', 'memberScore', 'number', 10),
  col('群众满意率（%）', 'publicSatisfaction', 'number', 14),
  col('评定得分', 'finalScore', 'number', 9),
  col('评定等次', 'finalGrade', 'text', 9),
  col('评定日期', 'decidedOn', 'date', 12),
  col('评定人', 'decidedBy', 'text', 16),
  col('备注', 'note', 'text', 30),
] as const;

const WEAK_CASE_COLUMNS = [
  col('组织代码', 'orgCode', 'text', 16, true),
  col('年度', 'year', 'int', 8, true),
  col('来源', 'source', 'text', 10, true),
  col('原因', 'reasons', 'text', 40, true),
  col('列入日期', 'flaggedOn', 'date', 12, true),
  col('状态', 'status', 'text', 9, true),
  col('整顿方案', 'plan', 'text', 30),
  col('包联领导', 'leaderName', 'text', 10),
  col('整顿时限', 'deadline', 'date', 12),
  col('销号日期', 'closedOn', 'date', 12),
  col('销号人', 'closedBy', 'text', 10),
  col('备注', 'note', 'text', 30),
] as const;

const DESIGNATION_COLUMNS = [
  col('组织代码', 'orgCode', 'text', 16, true),
  col('称号', 'title', 'text', 24, true),
  col('类别', 'kind', 'text', 16, true),
  col('方式', 'action', 'text', 8, true),
  col('层级', 'level', 'text', 14, true),
  col('命名日期', 'designatedOn', 'date', 12, true),
  col('撤销日期', 'revokedOn', 'date', 12),
  col('备注', 'note', 'text', 30),
] as const;

const DISCLOSURE_ITEM_COLUMNS = [
  col('目录编号', 'key', 'text', 10, true),
  col('组织代码', 'orgCode', 'text', 16, true),
  col('类别', 'category', 'text', 8, true),
  col('事项名称', 'name', 'text', 30, true),
  col('公开周期', 'cadence', 'text', 9, true),
  col('适用单位类型', 'sector', 'text', 12),
  col('是否启用', 'active', 'bool', 9),
] as const;

const DISCLOSURE_COLUMNS = [
  col('组织代码', 'orgCode', 'text', 16, true),
  col('目录编号', 'key', 'text', 10, true),
  col('所属期', 'periodLabel', 'text', 12, true),
  col('公开内容', 'content', 'text', 40, true),
  col('提出日期', 'proposedOn', 'date', 12, true),
  col('审核日期', 'reviewedOn', 'date', 12),
  col('审核人', 'reviewedBy', 'text', 10),
  col('审批日期', 'approvedOn', 'date', 12),
  col('审批人', 'approvedBy', 'text', 10),
  col('公开日期', 'publishedOn', 'date', 12),
  col('备注', 'note', 'text', 30),
] as const;

const CADRE_EVENT_COLUMNS = [
  col('组织代码', 'orgCode', 'text', 16, true),
  col('公民身份号码', 'idNumber', 'idNumber', 21),
  col('姓名', 'name', 'text', 10, true),
  col('类别', 'kind', 'text', 12, true),
  col('细类', 'subkind', 'text', 12),
  col('日期', 'happenedOn', 'date', 12, true),
  col('是否基层一线', 'frontline', 'bool', 12),
  col('批次', 'batch', 'text', 14),
  col('出生年份', 'birthYear', 'int', 9),
  col('学历', 'education', 'text', 12),
  col('备注', 'note', 'text', 30),
] as const;

const PUBLICATION_COLUMNS = [
  col('组织代码', 'orgCode', 'text', 16, true),
  col('标题', 'title', 'text', 40, true),
  col('媒体层级', 'mediumLevel', 'text', 10, true),
  col('媒体名称', 'mediumName', 'text', 20, true),
  col('形式', 'form', 'text', 8, true),
  col('是否原创', 'original', 'bool', 9),
  col('主题', 'theme', 'text', 20),
  col('刊发日期', 'publishedOn', 'date', 12, true),
] as const;

// One row per value; the rows with the same 组织代码, 统计期, 来源部门, 填报人 and 填报日期 form one figure set.
const FIGURE_VALUE_COLUMNS = [
  col('组织代码', 'orgCode', 'text', 16, true),
  col('统计期', 'period', 'text', 10, true),
  col('来源部门', 'sourceDepartment', 'text', 16, true),
  col('填报人', 'enteredBy', 'text', 10, true),
  col('填报日期', 'enteredOn', 'date', 12, true),
  col('指标编号', 'indicatorId', 'text', 28, true),
  col('数值', 'value', 'number', 10, true),
  col('单位', 'unit', 'text', 8),
  col('备注', 'note', 'text', 30),
] as const;

export const SHEET_KEYS = [
  'orgs', 'members', 'development', 'meetings', 'duesBases', 'duesApprovals', 'duesPayments',
  'studyRecords', 'trainings', 'trainingAttendance', 'serviceRecords', 'communityReports', 'serviceTeams', 'serviceTeamMembers', 'honors', 'donations',
  'responsibilityLists', 'listItems', 'tasks', 'taskEvents', 'inspections', 'inspectionTargets', 'problems', 'problemEvents',
  'ratings', 'weakCases', 'designations', 'disclosureItems', 'disclosures', 'cadreEvents', 'publications', 'figureValues',
] as const;
/** The member-work ledger sheets (0005), in format order. */
export const MEMBER_WORK_SHEET_KEYS = [
  'studyRecords', 'trainings', 'trainingAttendance', 'serviceRecords', 'communityReports', 'serviceTeams', 'serviceTeamMembers', 'honors', 'donations',
] as const;
/** The supervision ledger sheets (0006), in format order. */
export const SUPERVISION_SHEET_KEYS = [
  'responsibilityLists', 'listItems', 'tasks', 'taskEvents', 'inspections', 'inspectionTargets', 'problems', 'problemEvents',
  'ratings', 'weakCases', 'designations', 'disclosureItems', 'disclosures', 'cadreEvents', 'publications', 'figureValues',
] as const;
/** Every ledger sheet (0005 and 0006), in format order. */
export const LEDGER_SHEET_KEYS = [...MEMBER_WORK_SHEET_KEYS, ...SUPERVISION_SHEET_KEYS] as const;
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
  responsibilityLists: { key: 'responsibilityLists', name: '责任清单', columns: RESPONSIBILITY_LIST_COLUMNS },
  listItems: { key: 'listItems', name: '清单事项', columns: LIST_ITEM_COLUMNS },
  tasks: { key: 'tasks', name: '任务', columns: TASK_COLUMNS },
  taskEvents: { key: 'taskEvents', name: '任务记录', columns: TASK_EVENT_COLUMNS },
  inspections: { key: 'inspections', name: '巡察督查', columns: INSPECTION_COLUMNS },
  inspectionTargets: { key: 'inspectionTargets', name: '检查对象', columns: INSPECTION_TARGET_COLUMNS },
  problems: { key: 'problems', name: '问题整改', columns: PROBLEM_COLUMNS },
  problemEvents: { key: 'problemEvents', name: '整改记录', columns: PROBLEM_EVENT_COLUMNS },
  ratings: { key: 'ratings', name: '分类定级', columns: RATING_COLUMNS },
  weakCases: { key: 'weakCases', name: '软弱涣散整顿', columns: WEAK_CASE_COLUMNS },
  designations: { key: 'designations', name: '命名表彰', columns: DESIGNATION_COLUMNS },
  disclosureItems: { key: 'disclosureItems', name: '公开目录', columns: DISCLOSURE_ITEM_COLUMNS },
  disclosures: { key: 'disclosures', name: '公开记录', columns: DISCLOSURE_COLUMNS },
  cadreEvents: { key: 'cadreEvents', name: '干部工作', columns: CADRE_EVENT_COLUMNS },
  publications: { key: 'publications', name: '宣传报道', columns: PUBLICATION_COLUMNS },
  figureValues: { key: 'figureValues', name: '手工填报', columns: FIGURE_VALUE_COLUMNS },
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
  number: number;
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
export type ResponsibilityListValues = ValuesOf<typeof RESPONSIBILITY_LIST_COLUMNS>;
export type ListItemValues = ValuesOf<typeof LIST_ITEM_COLUMNS>;
export type TaskValues = ValuesOf<typeof TASK_COLUMNS>;
export type TaskEventValues = ValuesOf<typeof TASK_EVENT_COLUMNS>;
export type InspectionValues = ValuesOf<typeof INSPECTION_COLUMNS>;
export type InspectionTargetValues = ValuesOf<typeof INSPECTION_TARGET_COLUMNS>;
export type ProblemValues = ValuesOf<typeof PROBLEM_COLUMNS>;
export type ProblemEventValues = ValuesOf<typeof PROBLEM_EVENT_COLUMNS>;
export type RatingValues = ValuesOf<typeof RATING_COLUMNS>;
export type WeakCaseValues = ValuesOf<typeof WEAK_CASE_COLUMNS>;
export type DesignationValues = ValuesOf<typeof DESIGNATION_COLUMNS>;
export type DisclosureItemValues = ValuesOf<typeof DISCLOSURE_ITEM_COLUMNS>;
export type DisclosureValues = ValuesOf<typeof DISCLOSURE_COLUMNS>;
export type CadreEventValues = ValuesOf<typeof CADRE_EVENT_COLUMNS>;
export type PublicationValues = ValuesOf<typeof PUBLICATION_COLUMNS>;
export type FigureValueValues = ValuesOf<typeof FIGURE_VALUE_COLUMNS>;

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
  responsibilityLists: ResponsibilityListValues;
  listItems: ListItemValues;
  tasks: TaskValues;
  taskEvents: TaskEventValues;
  inspections: InspectionValues;
  inspectionTargets: InspectionTargetValues;
  problems: ProblemValues;
  problemEvents: ProblemEventValues;
  ratings: RatingValues;
  weakCases: WeakCaseValues;
  designations: DesignationValues;
  disclosureItems: DisclosureItemValues;
  disclosures: DisclosureValues;
  cadreEvents: CadreEventValues;
  publications: PublicationValues;
  figureValues: FigureValueValues;
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
