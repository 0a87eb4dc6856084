import { z } from 'zod';
import { NOT_GRADED } from './rating-constants.js';
import { isoDate, queryBool } from '../../shared/validation.js';
import { DESIGNATION_ACTIONS, DESIGNATION_KINDS, LEVELS, RATING_KINDS, WEAK_CASE_SOURCES, WEAK_CASE_STATUSES } from '../../shared/vocab.js';
import { orgCode } from '../orgs/orgs.schema.js';
import { figureSetView } from '../../shared/figures.js';

export const RATING_LABELS: Record<string, string> = {
  code: '方案代码',
  name: '方案名称',
  kind: '类别',
  config: '方案设置',
  'config.total': '总分',
  'config.indicators': '评价指标',
  'config.bands': '等次分数线',
  'config.quotas': '等次比例上限',
  'config.vetoes': '否决事项',
  'config.conditions': '附加条件',
  orgCode: '组织代码',
  org: '组织代码',
  year: '年度',
  scheme: '评定方案',
  schemeCode: '评定方案',
  scores: '各项得分',
  finalScore: '评定总分',
  memberScore: '党员评议得分',
  publicSatisfaction: '群众满意率',
  vetoes: '否决事项',
  items: '具备事项',
  grade: '等次',
  decidedOn: '评定日期',
  decided: '是否已评定',
  note: '备注',
  source: '来源',
  reasons: '认定情形',
  flaggedOn: '列入日期',
  status: '状态',
  step: '步骤',
  plan: '整顿方案',
  leaderName: '整顿责任人',
  deadline: '整顿期限',
  closedOn: '销号日期',
  title: '命名称号',
  action: '命名方式',
  level: '命名级别',
  designatedOn: '命名日期',
  revokedOn: '撤销日期',
  reason: '撤销原因',
  active: '仅有效',
  from: '起始日期',
  to: '截止日期',
  period: '统计期',
};

/** A grade outside the bands: a veto that excludes the organization from the rating (不定级). */
export { NOT_GRADED };

const oneOf = (list: readonly string[]) => ({ message: `应为以下之一：${list.join('、')}` });
const text = (max: number) => z.string().trim().min(1, { message: '不能为空' }).max(max, { message: `不能超过${max}个字` });
const note = z.string().trim().max(500, { message: '不能超过500个字' }).nullish();
const key = z
  .string()
  .trim()
  .min(1, { message: '不能为空' })
  .max(40, { message: '不能超过40个字符' })
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, { message: '只能包含字母、数字和下划线，以字母开头' });
const grade = text(20);
const points = z.number({ message: '应为数字' }).min(0, { message: '不能小于0' }).max(1000, { message: '不能超过1000' });
const percentValue = z.number({ message: '应为数字' }).min(0, { message: '不能小于0' }).max(100, { message: '不能超过100' });
const year = z.coerce.number({ message: '应为年份' }).int({ message: '应为年份' }).min(1921, { message: '不能早于1921年' }).max(2100, { message: '不能晚于2100年' });

export const schemeCode = z
  .string()
  .trim()
  .min(2, { message: '至少2个字符' })
  .max(40, { message: '不能超过40个字符' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { message: '只能包含字母、数字、点、下划线和连字符' });
export const ratingKind = z.enum(RATING_KINDS, oneOf(RATING_KINDS));

// ── Scheme configuration (stored as JSON in rating_schemes.config) ─────────────────────────────────────────────

export const schemeIndicator = z.object({ key, name: text(30), max: points.positive({ message: '应大于0' }) });
/** A grade and its lowest score; the bands are listed from the top grade down. */
export const schemeBand = z.object({ grade, min: points });
/** At most this share (percent) of the organizations rated within a superior's subtree may hold the grade. */
export const schemeQuota = z.object({ grade, maxShare: percentValue.positive({ message: '应大于0' }) });
/** A veto item: any hit caps the grade at `capAt`, or with `capAt` null excludes the organization (不定级). */
export const schemeVeto = z.object({ key, text: text(200), capAt: grade.nullable() });
/**
 * Extra conditions on the grade: `satisfaction` — with 群众满意率 below `below` percent the grades `notGrades` are
 * not given; `requires` — the grades `grades` need the item `item` (e.g. 党建创新项目) affirmed on the rating.
 */
export const schemeCondition = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('satisfaction'), below: percentValue, notGrades: z.array(grade).min(1), text: text(200) }),
  z.object({ kind: z.literal('requires'), item: key, itemText: text(100), grades: z.array(grade).min(1), text: text(200) }),
]);

export const schemeConfig = z.object({
  total: points.positive({ message: '应大于0' }),
  indicators: z.array(schemeIndicator).min(1, { message: '至少1项' }).max(30, { message: '不能超过30项' }),
  bands: z.array(schemeBand).min(2, { message: '至少2个等次' }).max(10, { message: '不能超过10个等次' }),
  quotas: z.array(schemeQuota).max(10).default([]),
  vetoes: z.array(schemeVeto).max(30).default([]),
  conditions: z.array(schemeCondition).max(10).default([]),
  /** Where the scheme comes from (文件依据), and which parts are local practice. */
  source: z.string().trim().max(500).nullish(),
  notes: z.array(z.string().trim().max(300)).max(20).nullish(),
});
export type SchemeConfig = z.infer<typeof schemeConfig>;
export type SchemeConfigInput = z.input<typeof schemeConfig>;

export const schemeInput = z.object({ code: schemeCode, name: text(100), kind: ratingKind, config: schemeConfig });
export type SchemeInput = z.input<typeof schemeInput>;
export const schemeUpdate = z.object({ name: text(100).optional(), kind: ratingKind.optional(), config: schemeConfig.optional() });
export type SchemeUpdate = z.input<typeof schemeUpdate>;

export const schemeView = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  builtin: z.boolean().describe('内置方案（随程序提供，不能修改）'),
  config: schemeConfig,
});
export type SchemeView = z.infer<typeof schemeView>;

// ── Ratings ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Per-indicator points by indicator key (or its Chinese name). */
const scoreMap = z.record(z.string().trim().min(1).max(40), points);
const keyList = z.array(z.string().trim().min(1).max(40)).max(30);

export const ratingInput = z.object({
  orgCode,
  year,
  schemeCode,
  scores: scoreMap,
  memberScore: points.nullish(),
  publicSatisfaction: percentValue.nullish(),
  vetoes: keyList.nullish(),
  items: keyList.nullish(),
  note,
});
export type RatingInput = z.input<typeof ratingInput>;

export const ratingPatch = z.object({
  scores: scoreMap.optional(),
  memberScore: points.nullish(),
  publicSatisfaction: percentValue.nullish(),
  vetoes: keyList.optional(),
  items: keyList.optional(),
  note,
});
export type RatingPatch = z.input<typeof ratingPatch>;

/** The superior's decision: its own per-indicator scores or a total (the self-assessment's otherwise), and the grade. */
export const ratingDecision = z.object({
  scores: scoreMap.nullish(),
  finalScore: points.nullish(),
  grade: grade.nullish(),
  vetoes: keyList.nullish(),
  items: keyList.nullish(),
  publicSatisfaction: percentValue.nullish(),
  decidedOn: isoDate.nullish(),
  note,
});
export type RatingDecision = z.input<typeof ratingDecision>;

export const ratingListQuery = z.object({
  org: orgCode.optional(),
  year: year.optional(),
  scheme: schemeCode.optional(),
  grade: grade.optional(),
  decided: queryBool.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type RatingListQuery = z.input<typeof ratingListQuery>;

const scoreLine = z.object({ key: z.string(), name: z.string(), max: z.number(), score: z.number() });

export const quotaView = z.object({
  grade: z.string(),
  maxShare: z.number().describe('比例上限（%）'),
  count: z.number().int(),
  decided: z.number().int().describe('已评定的组织数（分母）'),
  share: z.number().nullable().describe('实际比例（%）'),
  exceeded: z.boolean(),
  warning: z.string().nullable(),
});
export type QuotaView = z.infer<typeof quotaView>;

export const ratingView = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  schemeCode: z.string(),
  schemeName: z.string(),
  schemeKind: z.string(),
  selfScores: z.array(scoreLine),
  selfScore: z.number().nullable(),
  selfGrade: z.string().nullable().describe('按自评得分计算的等次'),
  memberScore: z.number().nullable(),
  publicSatisfaction: z.number().nullable(),
  vetoes: z.array(z.object({ key: z.string(), text: z.string() })).describe('触及的否决事项'),
  items: z.array(z.object({ key: z.string(), text: z.string() })).describe('具备的事项（如党建创新项目）'),
  finalScores: z.array(scoreLine).nullable(),
  finalScore: z.number().nullable(),
  computedGrade: z.string().nullable().describe('按评定得分（未评定时按自评得分）、否决事项和附加条件计算的等次'),
  gradeReasons: z.array(z.string()).describe('等次计算中否决事项、附加条件的作用'),
  finalGrade: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  status: z.enum(['待评定', '已评定']),
  note: z.string().nullable(),
});
export type RatingView = z.infer<typeof ratingView>;

export const ratingDecisionView = ratingView.extend({
  quotaWarnings: z.array(z.string()).describe('上级党组织范围内超出等次比例上限的提示（不阻止评定）'),
});
export type RatingDecisionView = z.infer<typeof ratingDecisionView>;

export const ratingPageView = z.object({
  total: z.number().int().describe('符合条件的总数'),
  items: z.array(ratingView),
  quotas: z.array(quotaView).describe('同时按年度和方案查询时：各等次比例上限的核对'),
});
export type RatingPageView = z.infer<typeof ratingPageView>;

// ── 软弱涣散 cases ────────────────────────────────────────────────────────────────────────────────────────────

export const weakReason = z.object({ code: z.string().trim().min(1).max(60), text: text(300) });
export type WeakReason = z.infer<typeof weakReason>;

export const weakCaseInput = z.object({
  orgCode,
  year,
  source: z.enum(WEAK_CASE_SOURCES, oneOf(WEAK_CASE_SOURCES)),
  reasons: z.array(weakReason).min(1, { message: '至少1条' }).max(30),
  flaggedOn: isoDate.nullish(),
  note,
});
export type WeakCaseInput = z.input<typeof weakCaseInput>;

export const WEAK_CASE_STEPS = ['plan', 'dismiss', 'close'] as const;
export const WEAK_CASE_STEP_LABELS: Record<(typeof WEAK_CASE_STEPS)[number], string> = { plan: '整顿方案', dismiss: '不予认定', close: '销号' };

export const weakCaseStep = z.object({
  step: z.enum(WEAK_CASE_STEPS, oneOf(WEAK_CASE_STEPS)),
  plan: text(2000).nullish(),
  leaderName: text(50).nullish(),
  deadline: isoDate.nullish(),
  closedOn: isoDate.nullish(),
  note,
});
export type WeakCaseStep = z.input<typeof weakCaseStep>;

export const weakCaseListQuery = z.object({
  org: orgCode.optional(),
  year: year.optional(),
  status: z.enum(WEAK_CASE_STATUSES, oneOf(WEAK_CASE_STATUSES)).optional(),
  source: z.enum(WEAK_CASE_SOURCES, oneOf(WEAK_CASE_SOURCES)).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type WeakCaseListQuery = z.input<typeof weakCaseListQuery>;

export const weakCaseView = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  source: z.string(),
  reasons: z.array(weakReason),
  flaggedOn: z.string(),
  status: z.string(),
  plan: z.string().nullable(),
  leaderName: z.string().nullable(),
  deadline: z.string().nullable(),
  overdue: z.boolean().describe('整顿中且已过整顿期限'),
  closedOn: z.string().nullable(),
  closedBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type WeakCaseView = z.infer<typeof weakCaseView>;
export const weakCasePageView = z.object({ total: z.number().int().describe('符合条件的总数'), items: z.array(weakCaseView) });
export type WeakCasePageView = z.infer<typeof weakCasePageView>;

// ── Designations ──────────────────────────────────────────────────────────────────────────────────────────────

export const designationInput = z.object({
  orgCode,
  title: text(100),
  kind: z.enum(DESIGNATION_KINDS, oneOf(DESIGNATION_KINDS)),
  action: z.enum(DESIGNATION_ACTIONS, oneOf(DESIGNATION_ACTIONS)),
  level: z.enum(LEVELS, oneOf(LEVELS)),
  designatedOn: isoDate,
  note,
});
export type DesignationInput = z.input<typeof designationInput>;

export const designationRevokeInput = z.object({ revokedOn: isoDate, reason: z.string().trim().max(200, { message: '不能超过200个字' }).nullish() });
export type DesignationRevokeInput = z.input<typeof designationRevokeInput>;

export const designationListQuery = z.object({
  org: orgCode.optional(),
  kind: z.enum(DESIGNATION_KINDS, oneOf(DESIGNATION_KINDS)).optional(),
  action: z.enum(DESIGNATION_ACTIONS, oneOf(DESIGNATION_ACTIONS)).optional(),
  level: z.enum(LEVELS, oneOf(LEVELS)).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  active: queryBool.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DesignationListQuery = z.input<typeof designationListQuery>;

export const designationView = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  orgName: z.string(),
  title: z.string(),
  kind: z.string(),
  action: z.string(),
  level: z.string(),
  designatedOn: z.string(),
  revokedOn: z.string().nullable(),
  status: z.enum(['有效', '已撤销']),
  note: z.string().nullable(),
});
export type DesignationView = z.infer<typeof designationView>;
export const designationPageView = z.object({ total: z.number().int().describe('符合条件的总数'), items: z.array(designationView) });
export type DesignationPageView = z.infer<typeof designationPageView>;

// ── Figures ───────────────────────────────────────────────────────────────────────────────────────────────────

export const ratingFiguresQuery = z.object({
  org: orgCode.optional(),
  period: z.string().trim().min(1).max(40).describe('统计期：2026、2026H1、2026Q3、2026-03 或日期范围 2026-03-01~2026-09-30'),
});
export const ratingFiguresView = figureSetView;

export const ratingBreakdownQuery = z.object({ org: orgCode.optional(), year });
export const ratingBreakdownView = z.object({
  org: z.object({ code: z.string(), name: z.string() }).nullable(),
  year: z.number().int(),
  schemes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.string(),
      grades: z.array(z.object({ grade: z.string(), count: z.number().int() })).describe('按等次的已评定组织数，从高到低'),
      decided: z.number().int(),
      pending: z.number().int().describe('已自评、待上级评定'),
    }),
  ),
});
export type RatingBreakdownView = z.infer<typeof ratingBreakdownView>;
