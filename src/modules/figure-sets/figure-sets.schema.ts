import { z } from 'zod';
import { figureSetView } from '../../shared/figures.js';
import { orgCode } from '../orgs/orgs.schema.js';

export const FIGURE_SET_LABELS: Record<string, string> = {
  orgCode: '填报组织代码',
  org: '组织代码',
  period: '统计期',
  sourceDepartment: '数据来源单位',
  source: '数据来源单位',
  enteredBy: '填报人',
  note: '备注',
  values: '填报数值',
  indicatorId: '指标编号',
  indicator: '指标编号',
  value: '数值',
  unit: '单位',
};

/** Source departments people most often name (the field itself is free text). */
export const SUGGESTED_SOURCES = ['县纪委监委', '县统计局', '县委网信办', '县委宣传部', '县委统战部', '县人社局', '县人武部', '县委政法委'] as const;

const text = (max: number) => z.string().trim().min(1, { message: '不能为空' }).max(max, { message: `不能超过${max}个字` });
const note = z.string().trim().max(500, { message: '不能超过500个字' }).nullish();
const period = z.string().trim().min(1, { message: '不能为空' }).max(40).describe('统计期：2026、2026H1、2026Q3、2026-03 或日期范围 2026-03-01~2026-09-30');

/** A number as people write it: 12, 3.5, "-2.1" (yoy growth may be negative; the catalog decides, see figure-value-rules.ts). */
export const figureNumber = z
  .union([z.number(), z.string().trim().regex(/^-?\d{1,15}(\.\d{1,6})?$/, { message: '应为数字' }).transform(Number)])
  .pipe(z.number({ message: '应为有限的数字' }));

export const indicatorId = z.string().trim().min(1, { message: '不能为空' }).max(80);

export const figureValueInput = z.object({
  indicatorId,
  value: figureNumber,
  /** The catalog's unit; given, it must equal it. */
  unit: z.string().trim().max(10).nullish(),
  note,
});
export type FigureValueInput = z.input<typeof figureValueInput>;

/**
 * A figure set: a dated form of another department's figures for one organization and one period. Who enters it is
 * the caller (a user's name; the command line may name the person with `enteredBy`), on today's date.
 */
export const figureSetInput = z.object({
  orgCode,
  period,
  sourceDepartment: text(100),
  enteredBy: text(50).nullish(),
  note,
  values: z.array(figureValueInput).min(1, { message: '至少填报一项指标' }).max(200, { message: '一次最多填报200项指标' }),
});
export type FigureSetInput = z.input<typeof figureSetInput>;

/** A correction (or an addition) of one value of a set. */
export const figureValuePatch = z.object({ value: figureNumber, unit: z.string().trim().max(10).nullish(), note });
export type FigureValuePatch = z.input<typeof figureValuePatch>;

export const figureSetListQuery = z.object({
  org: orgCode.optional(),
  period: period.optional(),
  source: z.string().trim().max(100).optional(),
  indicator: indicatorId.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type FigureSetListQuery = z.input<typeof figureSetListQuery>;

export const figureSetFiguresQuery = z.object({ org: orgCode.optional(), period });

export const figureSetParams = z.object({
  id: z.coerce.number().int().min(1).max(2_147_483_647),
  indicatorId,
});

// ── Views ─────────────────────────────────────────────────────────────────────────────────────────────────────

export const figureValueView = z.object({
  id: z.number().int(),
  indicatorId: z.string(),
  label: z.string().describe('指标名称'),
  value: z.number(),
  unit: z.string(),
  note: z.string().nullable(),
});
export type FigureValueView = z.infer<typeof figureValueView>;

export const figureSetRecordView = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  orgName: z.string(),
  period: z.object({ label: z.string(), title: z.string(), start: z.string(), end: z.string() }),
  sourceDepartment: z.string(),
  enteredBy: z.string(),
  enteredOn: z.string(),
  note: z.string().nullable(),
  values: z.array(figureValueView),
});
export type FigureSetRecordView = z.infer<typeof figureSetRecordView>;

export const figureSetPageView = z.object({ total: z.number().int().describe('符合条件的总数'), items: z.array(figureSetRecordView) });
export type FigureSetPageView = z.infer<typeof figureSetPageView>;

export const manualIndicatorView = z.object({
  id: z.string(),
  label: z.string(),
  unit: z.string(),
  kind: z.string().describe('count 计数、ratio 比率、yoy 同比（可为负）、rank 名次、manual 数值'),
  sourceRecord: z.string().describe('manual（其他部门数据）或 discipline_case_aggregate（纪委监委汇总数据）'),
  family: z.string(),
  computation: z.string().describe('指标目录中的计算口径（英文）'),
  categories: z.array(z.string()),
});
export type ManualIndicatorView = z.infer<typeof manualIndicatorView>;

export const manualIndicatorsView = z.object({ items: z.array(manualIndicatorView) });

export const manualFiguresView = figureSetView;
