import { z } from 'zod';
import { figureSetView } from '../../shared/figures.js';
import { isoDate, queryBool } from '../../shared/validation.js';
import { DISCLOSURE_CADENCES, DISCLOSURE_CATEGORIES, SECTORS, type DisclosureCadence, type DisclosureCategory, type Sector } from '../../shared/vocab.js';
import { orgCode } from '../orgs/orgs.schema.js';

export const DISCLOSURE_LABELS: Record<string, string> = {
  orgCode: '组织代码',
  org: '组织代码',
  category: '公开类别',
  name: '公开事项',
  cadence: '公开频次',
  sector: '适用单位类型',
  active: '是否启用',
  busyFinance: '财务往来较多（每月公开财务收支）',
  itemId: '公开事项编号',
  periodLabel: '公开期次',
  content: '公开内容',
  proposedOn: '提出日期',
  action: '办理环节',
  on: '办理日期',
  by: '审核（审批）人或机构',
  note: '备注',
  status: '办理状态',
  from: '起始日期',
  to: '截止日期',
  period: '统计期',
  reviewDays: '提出后未审核的天数',
  behindOnly: '只看滞后的',
};

/**
 * Days after a period ends within which its disclosure is still on time (local practice: many catalogues fix the
 * disclosure day at the 15th or 20th of the quarter's first month, e.g. "每季首月15日"; see
 * ../shared/domain-rules.md §6). A period is due from its last day; it is overdue when nothing has been published by
 * its last day plus these days.
 */
export const DISCLOSURE_GRACE_DAYS = 15;

/**
 * Days a proposed disclosure may wait for review (审核) before the status view lists it as unreviewed (local
 * practice: local rules give 3 or 10 working days for 申请公开; we take 10 calendar days).
 */
export const DISCLOSURE_REVIEW_DAYS = 10;

/** The workflow of 《中国共产党党务公开条例（试行）》第十五条: 提出 → 审核（含保密审查）→ 审批 → 实施（公开）. */
export const DISCLOSURE_ACTIONS = ['审核', '审批', '公开'] as const;
export type DisclosureAction = (typeof DISCLOSURE_ACTIONS)[number];
export const DISCLOSURE_STATUSES = ['待审核', '待审批', '待公开', '已公开'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];

export interface CatalogueItem {
  category: DisclosureCategory;
  name: string;
  cadence: DisclosureCadence;
  sector: Sector | null;
  /** Where the item and its cadence come from. */
  basis: string;
}

/**
 * The default catalogue (三务公开目录) a deployment installs for an organization (usually the county or a township
 * committee): the items then apply to every disclosing organization of its subtree of the item's sector.
 *
 * - 村务 (《村民委员会组织法》第三十条): general village affairs at least quarterly; matters touching villagers' interests
 *   at once (随时).
 * - 财务 (《农村集体经济组织财务公开规定》, 2011): collective finances at least quarterly; special items (征地补偿, 资产发包租赁,
 *   工程招投标, 一事一议) at once. A village with many transactions (往来较多) discloses its finances monthly: install
 *   DISCLOSURE_BUSY_FINANCE_ITEM for that village itself (its own subtree): the install with `busyFinance`. Its
 *   quarterly 财务收支 from above still applies (the quarter's summary).
 * - 党务 (《中国共产党党务公开条例（试行）》, 2017): the 条例 fixes no central frequency; local catalogues publish periodically
 *   (quarterly: local practice) and important matters at once. Every disclosure goes 提出 → 审核（含保密审查）→ 审批 →
 *   公开 (第十五条), which the workflow enforces. Applies to every sector.
 */
export const DEFAULT_DISCLOSURE_CATALOGUE: readonly CatalogueItem[] = [
  { category: '党务', name: '党务公开（定期事项）', cadence: '每季度', sector: null, basis: '《中国共产党党务公开条例（试行）》；每季度为地方通行做法' },
  { category: '党务', name: '党务公开（重要事项）', cadence: '随时', sector: null, basis: '《中国共产党党务公开条例（试行）》第十五条' },
  { category: '村务', name: '村务公开（一般事项）', cadence: '每季度', sector: '农村', basis: '《村民委员会组织法》第三十条：一般事项至少每季度公布一次' },
  { category: '村务', name: '村务公开（涉及村民利益的重大事项）', cadence: '随时', sector: '农村', basis: '《村民委员会组织法》第三十条：重大事项随时公布' },
  { category: '财务', name: '财务收支', cadence: '每季度', sector: '农村', basis: '《农村集体经济组织财务公开规定》：至少每季度公开一次' },
  { category: '财务', name: '财务专项公开（征地补偿、资产发包租赁、工程招投标、一事一议）', cadence: '随时', sector: '农村', basis: '《农村集体经济组织财务公开规定》：重大事项随时公开' },
];

/** For a village whose collective finances have many transactions (往来较多): finances every month. */
export const DISCLOSURE_BUSY_FINANCE_ITEM: CatalogueItem = {
  category: '财务',
  name: '财务收支（往来较多）',
  cadence: '每月',
  sector: '农村',
  basis: '《村民委员会组织法》第三十条、《农村集体经济组织财务公开规定》：集体财务往来较多的，财务收支每月公布一次',
};

const oneOf = (list: readonly string[]) => ({ message: `应为以下之一：${list.join('、')}` });
const text = (max: number) => z.string().trim().min(1, { message: '不能为空' }).max(max, { message: `不能超过${max}个字` });
const note = z.string().trim().max(500, { message: '不能超过500个字' }).nullish();
const recordId = z.coerce.number().int().min(1).max(2_147_483_647);

export const disclosureCategory = z.enum(DISCLOSURE_CATEGORIES, oneOf(DISCLOSURE_CATEGORIES));
export const disclosureCadence = z.enum(DISCLOSURE_CADENCES, oneOf(DISCLOSURE_CADENCES));
export const sector = z.enum(SECTORS, oneOf(SECTORS));

export const disclosureItemInput = z.object({
  orgCode: orgCode.describe('定义目录的组织：事项适用于其本级和下级中符合单位类型的组织'),
  category: disclosureCategory,
  name: text(100),
  cadence: disclosureCadence,
  sector: sector.nullish().describe('适用单位类型（如 农村）；不填则适用于所有单位类型'),
  active: z.boolean().default(true),
});
export type DisclosureItemInput = z.input<typeof disclosureItemInput>;

export const disclosureInstallInput = z.object({
  orgCode,
  busyFinance: z.boolean().default(false).describe('只设置“财务收支（往来较多）每月”事项（为财务往来较多的村设置；默认目录由上级设置）'),
});
export type DisclosureInstallInput = z.input<typeof disclosureInstallInput>;

export const disclosureItemListQuery = z.object({
  org: orgCode.optional().describe('组织代码：列出适用于该组织（由其本级或上级定义）和由其下级定义的事项'),
});

export const disclosureInput = z.object({
  orgCode,
  itemId: recordId,
  periodLabel: z.string().trim().min(1, { message: '不能为空' }).max(10).describe('每月 2026-03，每季度 2026Q1，每半年 2026H1，每年 2026，随时 为事项日期 2026-03-15'),
  content: text(2000),
  proposedOn: isoDate,
  note,
});
export type DisclosureInput = z.input<typeof disclosureInput>;

export const disclosureStepInput = z.object({
  action: z.enum(DISCLOSURE_ACTIONS, oneOf(DISCLOSURE_ACTIONS)),
  on: isoDate,
  by: text(100).nullish().describe('审核、审批时必填：审核（含保密审查）或审批的人或机构'),
  note,
});
export type DisclosureStepInput = z.input<typeof disclosureStepInput>;

export const disclosureListQuery = z.object({
  org: orgCode.optional(),
  itemId: recordId.optional(),
  category: disclosureCategory.optional(),
  status: z.enum(DISCLOSURE_STATUSES, oneOf(DISCLOSURE_STATUSES)).optional(),
  from: isoDate.optional().describe('提出日期起'),
  to: isoDate.optional().describe('提出日期止'),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DisclosureListQuery = z.input<typeof disclosureListQuery>;

export const disclosureStatusQuery = z.object({
  org: orgCode.optional(),
  reviewDays: z.coerce.number().int().min(1).max(365).optional(),
  behindOnly: queryBool.optional(),
});
export type DisclosureStatusQuery = z.input<typeof disclosureStatusQuery>;

export const disclosureFiguresQuery = z.object({
  org: orgCode.optional(),
  period: z.string().trim().min(1).max(40).describe('统计期：2026、2026H1、2026Q3、2026-03 或日期范围 2026-03-01~2026-09-30'),
});

// ── Views ─────────────────────────────────────────────────────────────────────────────────────────────────────

export const disclosureItemView = z.object({
  id: z.number().int(),
  orgCode: z.string().describe('定义目录的组织'),
  orgName: z.string(),
  category: z.string(),
  name: z.string(),
  cadence: z.string(),
  sector: z.string().nullable(),
  active: z.boolean(),
});
export type DisclosureItemView = z.infer<typeof disclosureItemView>;

export const disclosureItemsView = z.object({ items: z.array(disclosureItemView) });
export const disclosureInstallView = z.object({
  created: z.array(disclosureItemView).describe('新设置的事项'),
  skipped: z.array(z.string()).describe('该组织已有同名事项、未重复设置的'),
});
export type DisclosureInstallView = z.infer<typeof disclosureInstallView>;

export const disclosureView = z.object({
  id: z.number().int(),
  orgCode: z.string(),
  orgName: z.string(),
  itemId: z.number().int(),
  itemName: z.string(),
  category: z.string(),
  cadence: z.string(),
  periodLabel: z.string(),
  content: z.string(),
  proposedOn: z.string(),
  reviewedOn: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  approvedOn: z.string().nullable(),
  approvedBy: z.string().nullable(),
  publishedOn: z.string().nullable(),
  status: z.enum(DISCLOSURE_STATUSES),
  note: z.string().nullable(),
});
export type DisclosureView = z.infer<typeof disclosureView>;

export const disclosurePageView = z.object({ total: z.number().int().describe('符合条件的总数'), items: z.array(disclosureView) });
export type DisclosurePageView = z.infer<typeof disclosurePageView>;

export const DISCLOSURE_STATES = ['已公开', '待公开', '逾期', '随时公开'] as const;

export const disclosureStatusRow = z.object({
  orgCode: z.string(),
  orgName: z.string(),
  itemId: z.number().int(),
  itemName: z.string(),
  category: z.string(),
  cadence: z.string(),
  lastPublishedPeriod: z.string().nullable().describe('最近已公开的期次'),
  lastPublishedOn: z.string().nullable(),
  currentPeriod: z.string().nullable().describe('最近结束的一期（随时公开的事项为空）'),
  dueOn: z.string().nullable().describe('该期公开的最迟日期（期末后宽限天数）'),
  state: z.enum(DISCLOSURE_STATES).describe('已公开；待公开（已到期、仍在宽限期内）；逾期；随时公开（无固定期次）'),
  overduePeriods: z.number().int().describe('本年内已过最迟日期仍未公开的期数'),
});
export type DisclosureStatusRow = z.infer<typeof disclosureStatusRow>;

export const disclosureStatusView = z.object({
  org: z.object({ code: z.string(), name: z.string() }).nullable(),
  asOf: z.string(),
  graceDays: z.number().int(),
  reviewDays: z.number().int(),
  rows: z.array(disclosureStatusRow),
  behind: z.array(z.object({ orgCode: z.string(), orgName: z.string(), overdueItems: z.number().int(), overduePeriods: z.number().int() })).describe('有逾期事项的组织'),
  unreviewed: z.array(disclosureView).describe('提出后超过规定天数仍未审核的公开'),
});
export type DisclosureStatusView = z.infer<typeof disclosureStatusView>;

export const disclosureFiguresView = figureSetView;
