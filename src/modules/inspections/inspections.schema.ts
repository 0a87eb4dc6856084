import { z } from 'zod';
import { isoDate } from '../../shared/validation.js';
import { INSPECTION_KINDS, PROBLEM_LEVELS, PROBLEM_SOURCES, PROBLEM_STATUSES, UNIT_KINDS } from '../../shared/vocab.js';
import { orgCode } from '../orgs/orgs.schema.js';
import { figureSetView } from '../../shared/figures.js';

export const INSPECTION_LABELS: Record<string, string> = {
  orgCode: '组织代码',
  org: '组织代码',
  kind: '类别',
  title: '名称',
  roundNo: '轮次',
  startOn: '开始日期',
  endOn: '结束日期',
  cluesTransferred: '移交问题线索数',
  noticesIssued: '发出通报文书数',
  targets: '对象',
  unitName: '对象名称',
  unitKind: '对象类别',
  source: '问题来源',
  inspectionId: '巡察（督查）编号',
  inspection: '巡察（督查）编号',
  category: '问题类别',
  level: '问题层面',
  description: '问题描述',
  ownerName: '整改责任人',
  measures: '整改措施',
  measuresCount: '整改措施条数',
  foundOn: '发现日期',
  deadline: '整改时限',
  status: '整改状态',
  action: '办理事项',
  on: '办理日期',
  evidence: '佐证材料',
  note: '备注',
  from: '起始日期',
  to: '截止日期',
  period: '统计期',
};

/** Problem categories people most often record (the field itself is free text). */
export const SUGGESTED_PROBLEM_CATEGORIES = [
  '四风', '政治建设', '组织建设', '党员发展', '三会一课', '党费', '作风建设', '廉洁自律', '意识形态', '基层治理', '其他',
] as const;

/** The sources whose problems may name the inspection round (of the same kind) they came from. */
export const INSPECTION_SOURCES = ['巡察', '专项督查', '监督检查', '调研督导'] as const;

/**
 * The steps of the rectification workflow after 登记 (which is the problem's creation). 验收通过, 验收不通过, 销号 and
 * 重新整改 are the superior's (a caller who may change records of an organization above the owner).
 */
export const PROBLEM_ACTIONS = ['制定措施', '报告进展', '提请验收', '验收通过', '验收不通过', '销号', '重新整改'] as const;
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number];

/** The status filter: a stored status, or 逾期 (overdue: not 已销号 and past the deadline today). */
export const PROBLEM_STATUS_FILTERS = [...PROBLEM_STATUSES, '逾期', 'overdue'] as const;

const oneOf = (list: readonly string[]) => ({ message: `应为以下之一：${list.join('、')}` });
const text = (max: number) => z.string().trim().min(1, { message: '不能为空' }).max(max, { message: `不能超过${max}个字` });
const note = z.string().trim().max(500, { message: '不能超过500个字' }).nullish();
const count = z.number().int({ message: '应为整数' }).min(0, { message: '不能为负数' }).max(1_000_000);
const recordId = z.number().int().min(1).max(2_147_483_647);

export const inspectionKind = z.enum(INSPECTION_KINDS, oneOf(INSPECTION_KINDS));
export const unitKind = z.enum(UNIT_KINDS, oneOf(UNIT_KINDS));
export const problemSource = z.enum(PROBLEM_SOURCES, oneOf(PROBLEM_SOURCES));
export const problemLevel = z.enum(PROBLEM_LEVELS, oneOf(PROBLEM_LEVELS));
export const problemAction = z.enum(PROBLEM_ACTIONS, oneOf(PROBLEM_ACTIONS));

/**
 * One target of a round: an organization of the tree by code (in the conducting organization's subtree; its unit
 * kind is read from the organization unless given), or a unit outside the tree by name with its unit kind.
 */
export const targetInput = z.object({
  orgCode: orgCode.nullish(),
  unitName: text(100).nullish(),
  unitKind: unitKind.nullish(),
});
export type TargetInput = z.input<typeof targetInput>;

export const inspectionInput = z.object({
  orgCode,
  kind: inspectionKind,
  title: text(200),
  roundNo: z.number().int().min(1).max(1000).nullish(),
  startOn: isoDate,
  endOn: isoDate,
  cluesTransferred: count.nullish(),
  noticesIssued: count.nullish(),
  note,
  targets: z.array(targetInput).max(500).default([]),
});
export type InspectionInput = z.input<typeof inspectionInput>;

export const inspectionPatch = z.object({
  kind: inspectionKind.optional(),
  title: text(200).optional(),
  roundNo: z.number().int().min(1).max(1000).nullish(),
  startOn: isoDate.optional(),
  endOn: isoDate.optional(),
  cluesTransferred: count.nullish(),
  noticesIssued: count.nullish(),
  note,
});
export type InspectionPatch = z.input<typeof inspectionPatch>;

export const targetsInput = z.object({ targets: z.array(targetInput).min(1, { message: '至少一个对象' }).max(500) });
export type TargetsInput = z.input<typeof targetsInput>;

export const inspectionListQuery = z.object({
  org: orgCode.optional(),
  kind: inspectionKind.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type InspectionListQuery = z.input<typeof inspectionListQuery>;

export const problemInput = z.object({
  orgCode,
  source: problemSource,
  inspectionId: recordId.nullish(),
  category: text(50),
  level: problemLevel,
  description: text(2000),
  ownerName: text(50),
  measures: z.string().trim().max(4000, { message: '不能超过4000个字' }).nullish(),
  measuresCount: count.nullish(),
  foundOn: isoDate,
  deadline: isoDate,
  note,
});
export type ProblemInput = z.input<typeof problemInput>;

/** Corrections before close-out (销号): what the problem is, the measures, who answers for it, the deadline. */
export const problemPatch = z.object({
  category: text(50).optional(),
  level: problemLevel.optional(),
  description: text(2000).optional(),
  ownerName: text(50).optional(),
  measures: z.string().trim().max(4000, { message: '不能超过4000个字' }).nullish(),
  measuresCount: count.optional(),
  deadline: isoDate.optional(),
  note,
});
export type ProblemPatch = z.input<typeof problemPatch>;

export const problemStepInput = z.object({
  action: problemAction,
  on: isoDate,
  note: z.string().trim().max(2000, { message: '不能超过2000个字' }).nullish(),
  evidence: z.string().trim().max(2000, { message: '不能超过2000个字' }).nullish(),
  /** 制定措施: the measures (text) and their number (default: the measures' non-empty lines). */
  measures: z.string().trim().max(4000, { message: '不能超过4000个字' }).nullish(),
  measuresCount: count.nullish(),
});
export type ProblemStepInput = z.input<typeof problemStepInput>;

export const problemListQuery = z.object({
  org: orgCode.optional(),
  source: problemSource.optional(),
  category: z.string().trim().min(1).max(50).optional(),
  status: z.enum(PROBLEM_STATUS_FILTERS, oneOf(PROBLEM_STATUS_FILTERS)).optional(),
  inspection: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ProblemListQuery = z.input<typeof problemListQuery>;

export const inspectionFiguresQuery = z.object({
  org: orgCode.optional(),
  period: z.string().trim().min(1).max(40).describe('统计期：2026、2026H1、2026Q3、2026-03 或日期范围 2026-03-01~2026-09-30'),
});

// ── Views ─────────────────────────────────────────────────────────────────────────────────────────────────────

export const targetView = z.object({
  id: z.number().int(),
  orgCode: z.string().nullable().describe('对象为本系统中的组织时的组织代码'),
  unitName: z.string(),
  unitKind: z.string(),
});

const statusCounts = z.object({
  待整改: z.number().int(),
  整改中: z.number().int(),
  待验收: z.number().int(),
  已销号: z.number().int(),
  逾期: z.number().int().describe('未销号且已过整改时限'),
  total: z.number().int(),
});

export const inspectionView = z.object({
  id: z.number().int(),
  orgCode: z.string().describe('组织开展的党组织'),
  orgName: z.string(),
  kind: z.string(),
  title: z.string(),
  roundNo: z.number().int().nullable(),
  startOn: z.string(),
  endOn: z.string(),
  cluesTransferred: z.number().int().nullable(),
  noticesIssued: z.number().int().nullable(),
  note: z.string().nullable(),
  targets: z.array(targetView),
});
export type InspectionView = z.infer<typeof inspectionView>;

export const problemView = z.object({
  id: z.number().int(),
  orgCode: z.string().describe('整改责任组织'),
  orgName: z.string(),
  source: z.string(),
  inspectionId: z.number().int().nullable(),
  inspectionTitle: z.string().nullable(),
  category: z.string(),
  level: z.string(),
  description: z.string(),
  ownerName: z.string(),
  measures: z.string().nullable(),
  measuresCount: z.number().int(),
  foundOn: z.string(),
  deadline: z.string(),
  status: z.string(),
  stage: z.string().describe('状态的细分：待验收中已验收通过的为“已验收待销号”'),
  rectifiedOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  closedOn: z.string().nullable(),
  reopened: z.number().int(),
  overdue: z.boolean().describe('未销号且今天已过整改时限'),
  late: z.boolean().describe('提请验收晚于整改时限（逾期整改）'),
  note: z.string().nullable(),
});
export type ProblemView = z.infer<typeof problemView>;

export const problemEventView = z.object({
  id: z.number().int(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  on: z.string(),
  note: z.string().nullable(),
  evidence: z.string().nullable(),
  actor: z.string(),
  recordedAt: z.string(),
});
export type ProblemEventView = z.infer<typeof problemEventView>;

export const problemDetailView = problemView.extend({ events: z.array(problemEventView) });
export type ProblemDetailView = z.infer<typeof problemDetailView>;

export const inspectionDetailView = inspectionView.extend({
  problems: z.array(problemView).describe('本轮发现的问题（可见范围内）'),
  statusCounts,
});
export type InspectionDetailView = z.infer<typeof inspectionDetailView>;

export const inspectionPageView = z.object({ total: z.number().int().describe('符合条件的总数'), items: z.array(inspectionView) });
export type InspectionPageView = z.infer<typeof inspectionPageView>;
export const problemPageView = z.object({ total: z.number().int().describe('符合条件的总数'), items: z.array(problemView) });
export type ProblemPageView = z.infer<typeof problemPageView>;

export const inspectionFiguresView = figureSetView;

export const problemBreakdownView = z.object({
  org: z.object({ code: z.string(), name: z.string() }).nullable(),
  period: z.object({ label: z.string(), title: z.string(), start: z.string(), end: z.string() }),
  rows: z
    .array(z.object({ source: z.string(), category: z.string(), status: z.string(), count: z.number().int(), overdue: z.number().int() }))
    .describe('期内发现的问题按来源、类别、当前状态分组的条数（overdue：其中逾期未销号的）'),
  bySource: z.array(z.object({ source: z.string(), count: z.number().int() })),
  byCategory: z.array(z.object({ category: z.string(), count: z.number().int() })),
  byStatus: z.array(z.object({ status: z.string(), count: z.number().int() })),
  total: z.number().int(),
  overdue: z.number().int(),
});
export type ProblemBreakdownView = z.infer<typeof problemBreakdownView>;
