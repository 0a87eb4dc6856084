import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../../shared/errors.js';
import { STEPS } from '../development/steps.js';
import { sortIssues } from './check-workbook.js';
import { detectCsvSheet } from './read-csv.js';
import { columnLetter, SheetCollector } from './sheet-collector.js';
import { CSV_SHEET_KEYS, normalizeHeader, SHEET_KEYS, SHEETS } from './workbook-format.js';

describe('the workbook format', () => {
  it('has the thirty-two sheets with the agreed columns', () => {
    expect(SHEET_KEYS.map((k) => SHEETS[k].name)).toEqual([
      '组织', '党员', '发展党员', '组织生活', '党费基数', '党费审批', '党费缴纳',
      '学习记录', '培训班', '参训人员', '服务记录', '到社区报到', '服务队伍', '队伍人员', '表彰', '捐款',
      '责任清单', '清单事项', '任务', '任务记录', '巡察督查', '检查对象', '问题整改', '整改记录',
      '分类定级', '软弱涣散整顿', '命名表彰', '公开目录', '公开记录', '干部工作', '宣传报道', '手工填报',
    ]);
    const headers = (k: (typeof SHEET_KEYS)[number]) => SHEETS[k].columns.map((c) => c.header);
    expect(headers('orgs')).toEqual(['组织代码', '组织名称', '上级组织代码', '组织类别', '单位类型', '成立日期', '本届选举日期', '任期(年)', '支委会委员人数', '延期换届至']);
    const person = ['姓名', '公民身份号码', '性别', '民族', '出生日期', '学历', '人员类别', '所在组织代码'];
    expect(headers('members')).toEqual([
      ...person, '党员类别', '入党日期', '转正日期', '手机号码', '是否流动党员', '外出流向', '党内职务', '离开日期', '离开原因',
    ]);
    expect(headers('development')).toEqual([...person, ...STEPS.map((s) => s.label), '培养联系人', '入党介绍人', '集中培训学时', '延长预备期(月)']);
    expect(headers('meetings')).toEqual(['组织代码', '会议类型', '日期', '主题', '主持人', '应到人数', '实到人数', '缺席人员及原因', '会议记录']);
    expect(headers('duesBases')).toEqual(['公民身份号码', '起始月份', '党费类别', '月缴纳基数（元）', '备注']);
    expect(headers('duesApprovals')).toEqual(['公民身份号码', '审批类型', '起始月份', '截止月份', '每月金额（元）', '事由', '批准组织', '批准日期']);
    expect(headers('duesPayments')).toEqual(['公民身份号码', '所属月份', '应交金额（元）', '实交金额（元）', '交纳日期', '备注']);
    expect(headers('studyRecords')).toEqual(['公民身份号码', '姓名', '学习日期', '学习形式', '学习内容', '学时', '积分', '来源']);
    expect(headers('trainings')).toEqual([
      '培训编号', '主办组织代码', '培训名称', '培训形式', '层级', '培训对象', '专题', '开始日期', '结束日期', '学时', '是否集中培训', '参训人数', '备注',
    ]);
    expect(headers('trainingAttendance')).toEqual(['培训编号', '公民身份号码', '姓名', '学时', '是否结业']);
    expect(headers('serviceRecords')).toEqual(['组织代码', '公民身份号码', '服务类别', '分类', '事项', '日期', '办理状态', '办结日期', '服务时长（小时）', '受益人数', '备注']);
    expect(headers('communityReports')).toEqual(['公民身份号码', '姓名', '报到社区组织代码', '报到社区名称', '单位层级', '报到日期', '结束日期', '备注']);
    expect(headers('serviceTeams')).toEqual(['队伍编号', '组织代码', '队伍类别', '队伍名称', '成立日期', '撤销日期', '备注']);
    expect(headers('serviceTeamMembers')).toEqual(['队伍编号', '公民身份号码', '姓名', '加入日期', '退出日期']);
    expect(headers('honors')).toEqual([
      '组织代码', '类别', '对象类别', '公民身份号码', '获表彰组织代码', '对象名称', '荣誉名称', '层级', '授予机关', '授予日期', '撤销日期', '备注',
    ]);
    expect(headers('donations')).toEqual(['公民身份号码', '姓名', '捐款活动', '捐款日期', '金额（元）', '备注']);
    expect(headers('responsibilityLists')).toEqual(['清单编号', '组织代码', '年度', '清单类别', '清单名称', '印发日期', '备注']);
    expect(headers('listItems')).toEqual(['清单编号', '序号', '事项内容', '类别', '目标数', '目标单位']);
    expect(headers('tasks')).toEqual([
      '任务编号', '责任组织代码', '交办组织代码', '清单编号', '序号', '任务名称', '类别', '责任人', '开始日期', '完成时限', '状态', '完成日期', '备注',
    ]);
    expect(headers('taskEvents')).toEqual(['任务编号', '类别', '日期', '内容', '进度（%）', '记录人']);
    expect(headers('inspections')).toEqual(['编号', '组织代码', '类别', '名称', '轮次', '开始日期', '结束日期', '移交问题线索数', '下发通报文书数', '备注']);
    expect(headers('inspectionTargets')).toEqual(['编号', '被检查组织代码', '单位名称', '单位类别']);
    expect(headers('problems')).toEqual([
      '问题编号', '组织代码', '来源', '巡察督查编号', '类别', '层面', '问题描述', '责任人', '整改措施', '措施条数', '发现日期', '整改时限', '状态',
      '整改完成日期', '验收日期', '验收人', '销号日期', '重新整改次数', '备注',
    ]);
    expect(headers('problemEvents')).toEqual(['问题编号', '步骤', '原状态', '新状态', '日期', '说明', '佐证', '记录人']);
    expect(headers('ratings')).toEqual([
      '组织代码', '年度', '方案代码', '自评分', '自评等次', '党员测评分', '群众满意率（%）', '评定得分', '评定等次', '评定日期', '评定人', '备注',
    ]);
    expect(headers('weakCases')).toEqual(['组织代码', '年度', '来源', '原因', '列入日期', '状态', '整顿方案', '包联领导', '整顿时限', '销号日期', '销号人', '备注']);
    expect(headers('designations')).toEqual(['组织代码', '称号', '类别', '方式', '层级', '命名日期', '撤销日期', '备注']);
    expect(headers('disclosureItems')).toEqual(['目录编号', '组织代码', '类别', '事项名称', '公开周期', '适用单位类型', '是否启用']);
    expect(headers('disclosures')).toEqual(['组织代码', '目录编号', '所属期', '公开内容', '提出日期', '审核日期', '审核人', '审批日期', '审批人', '公开日期', '备注']);
    expect(headers('cadreEvents')).toEqual(['组织代码', '公民身份号码', '姓名', '类别', '细类', '日期', '是否基层一线', '批次', '出生年份', '学历', '备注']);
    expect(headers('publications')).toEqual(['组织代码', '标题', '媒体层级', '媒体名称', '形式', '是否原创', '主题', '刊发日期']);
    expect(headers('figureValues')).toEqual(['组织代码', '统计期', '来源部门', '填报人', '填报日期', '指标编号', '数值', '单位', '备注']);
    for (const k of SHEET_KEYS) expect(new Set(headers(k).map(normalizeHeader)).size).toBe(headers(k).length);
  });

  it('compares headers without spaces and with full-width brackets as half-width', () => {
    expect(normalizeHeader(' 任期（年） ')).toBe('任期(年)');
    expect(normalizeHeader('公民 身份号码')).toBe('公民身份号码');
  });

  it('recognizes the sheet of a CSV file by its header row', () => {
    for (const k of CSV_SHEET_KEYS) expect(detectCsvSheet(SHEETS[k].columns.map((c) => c.header))?.key).toBe(k);
    expect(detectCsvSheet(['组织代码', '会议类型', '日期', '主题', '应到人数', '实到人数'])?.key).toBe('meetings');
    expect(detectCsvSheet(['姓名', '公民身份号码', '所在组织代码', '申请入党日期'])?.key).toBe('development');
    expect(detectCsvSheet(['姓名', '公民身份号码', '所在组织代码'])).toBeNull();
    expect(detectCsvSheet(['a', 'b'])).toBeNull();
    // The 党费 sheets name members of the same workbook: never a CSV file on their own.
    expect(detectCsvSheet(SHEETS.duesPayments.columns.map((c) => c.header))).toBeNull();
    // Nor the ledger sheets: their rows name members, trainings and teams of the same workbook.
    expect(detectCsvSheet(SHEETS.studyRecords.columns.map((c) => c.header))?.key).not.toBe('studyRecords');
  });

  it('names columns by letter', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('reading a sheet', () => {
  it('takes the first non-empty row as the header and reports unknown, repeated and missing columns once', () => {
    const issues: FieldIssue[] = [];
    const c = new SheetCollector(SHEETS.meetings, issues);
    c.add(1, [null, '']);
    c.add(2, ['组织代码', '会议类型', '会议类型', '日期', '地点', null, '主题']);
    c.add(3, ['B1', '党课', '党课', '2026-01-05', '礼堂', '多出来的', '讲党课']);
    c.add(4, ['B1', '党课', null, '2026-13-05', null, '又一个', '讲党课']);
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, '会议类型', 'FIELD_INVALID'],
      [2, '地点', 'FIELD_INVALID'],
      [2, '应到人数', 'FIELD_REQUIRED'],
      [2, '实到人数', 'FIELD_REQUIRED'],
    ]);
    expect(c.rows).toEqual([]);
  });

  it('reads each row by its header, leaves empty cells out and notes the unreadable ones', () => {
    const issues: FieldIssue[] = [];
    const c = new SheetCollector(SHEETS.meetings, issues);
    c.add(1, ['实到人数', '应到人数', '主题', '日期', '会议类型', '组织代码']);
    c.add(2, [3, '4', '讲党课', '2026/1/5', '党课', 'B1']);
    c.add(3, ['三', 4, '讲党课', '2026-02-30', '党课', 'B1', '表外的值']);
    expect(c.rows).toEqual([
      { row: 2, values: { attendedCount: 3, expectedCount: 4, topic: '讲党课', heldOn: '2026-01-05', kind: '党课', orgCode: 'B1' }, invalid: [] },
      { row: 3, values: { expectedCount: 4, topic: '讲党课', kind: '党课', orgCode: 'B1' }, invalid: ['attendedCount', 'heldOn'] },
    ]);
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, '实到人数', 'FIELD_INVALID'],
      [3, '日期', 'DATE_INVALID'],
      [1, 'G', 'FIELD_INVALID'],
    ]);
  });

  it('lists issues by sheet, row and column', () => {
    const i = (sheet: string | undefined, row: number | undefined, column: string | undefined): FieldIssue => ({
      code: 'FIELD_INVALID', field: '', message: '', ...(sheet && { sheet }), ...(row && { row }), ...(column && { column }),
    });
    const sorted = sortIssues([i('组织生活', 2, '主题'), i('党员', 3, '姓名'), i('组织生活', 2, '组织代码'), i('党员', 2, '入党日期'), i(undefined, undefined, undefined)]);
    expect(sorted.map((x) => `${x.sheet}${x.row}${x.column}`)).toEqual(['undefinedundefinedundefined', '党员2入党日期', '党员3姓名', '组织生活2组织代码', '组织生活2主题']);
  });
});
