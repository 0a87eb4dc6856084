import { z } from 'zod';
import { isoDate } from '../../shared/validation.js';
import { HONOR_KINDS, LEVELS, RECIPIENT_KINDS } from '../../shared/vocab.js';
import { orgCode } from '../orgs/orgs.schema.js';
import { figureSetView } from '../../shared/figures.js';

export const HONOR_LABELS: Record<string, string> = {
  kind: '荣誉类别',
  recipientKind: '授予对象类别',
  memberId: '党员记录编号',
  recipientOrgCode: '受表彰组织代码',
  recipientName: '授予对象名称',
  orgCode: '登记组织代码',
  org: '组织代码',
  title: '荣誉称号',
  level: '荣誉级别',
  awardedBy: '授予机关',
  awardedOn: '授予日期',
  revokedOn: '撤销日期',
  reason: '撤销原因',
  note: '备注',
  from: '起始日期',
  to: '截止日期',
  period: '统计期',
};

/**
 * Titles people most often record (the field itself is free text): the 七一 commendations (优秀共产党员, 优秀党务工作者,
 * 先进基层党组织), the model households and persons of 选树, and the internal 评选 of a unit.
 */
export const SUGGESTED_HONOR_TITLES = [
  '优秀共产党员',
  '优秀党务工作者',
  '先进基层党组织',
  '担当作为好干部',
  '优秀党员志愿者',
  '党员先锋岗',
  '五星级党支部',
  '最美家庭',
  '文明家庭',
  '最美人物',
  '身边好人',
  '季度之星',
  '优秀科室',
] as const;

/** An honor is 有效 until it is revoked (撤销); a revoked one stays on record. */
export const HONOR_STATUSES = ['有效', '已撤销'] as const;

const oneOf = (list: readonly string[]) => ({ message: `应为以下之一：${list.join('、')}` });
const text = (max: number) => z.string().trim().min(1, { message: '不能为空' }).max(max, { message: `不能超过${max}个字` });
const note = z.string().trim().max(500, { message: '不能超过500个字' }).nullish();
const memberId = z.number().int().min(1).max(2_147_483_647);

export const honorKind = z.enum(HONOR_KINDS, oneOf(HONOR_KINDS));
export const recipientKind = z.enum(RECIPIENT_KINDS, oneOf(RECIPIENT_KINDS));
export const honorLevel = z.enum(LEVELS, oneOf(LEVELS));

/**
 * A new honor. Who receives it, by recipient kind (checked by the service, after the records named are found):
 * - 个人: a member (`memberId`: the name and organization are the member's) or a person by name (`recipientName`,
 *   recorded under `orgCode`);
 * - 集体: an organization of the tree (`recipientOrgCode`: recorded under it) or a unit by name (`recipientName`,
 *   recorded under `orgCode`);
 * - 家庭: a household by name (`recipientName`, recorded under `orgCode`).
 */
export const honorInput = z.object({
  kind: honorKind,
  recipientKind,
  memberId: memberId.nullish(),
  recipientOrgCode: orgCode.nullish(),
  recipientName: text(100).nullish(),
  orgCode: orgCode.nullish(),
  title: text(100),
  level: honorLevel,
  awardedBy: text(100),
  awardedOn: isoDate,
  note,
});
export type HonorInput = z.input<typeof honorInput>;

/** Corrections: the recipient itself (member, organization) is not changed here; a by-name recipient's name is. */
export const honorPatch = z.object({
  kind: honorKind.optional(),
  recipientName: text(100).optional(),
  title: text(100).optional(),
  level: honorLevel.optional(),
  awardedBy: text(100).optional(),
  awardedOn: isoDate.optional(),
  note,
});
export type HonorPatch = z.input<typeof honorPatch>;

export const honorRevokeInput = z.object({
  revokedOn: isoDate,
  reason: z.string().trim().max(200, { message: '不能超过200个字' }).nullish(),
});
export type HonorRevokeInput = z.input<typeof honorRevokeInput>;

export const honorListQuery = z.object({
  org: orgCode.optional(),
  kind: honorKind.optional(),
  recipientKind: recipientKind.optional(),
  title: z.string().trim().max(100).optional(),
  level: honorLevel.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type HonorListQuery = z.input<typeof honorListQuery>;

export const honorFiguresQuery = z.object({
  org: orgCode.optional(),
  period: z.string().trim().min(1).max(40).describe('统计期：2026、2026H1、2026Q3、2026-03 或日期范围 2026-03-01~2026-09-30'),
});

// ── Views ─────────────────────────────────────────────────────────────────────────────────────────────────────

export const honorView = z.object({
  id: z.number().int(),
  kind: z.string(),
  recipientKind: z.string(),
  memberId: z.number().int().nullable().describe('授予党员时的党员记录编号'),
  recipientOrgCode: z.string().nullable().describe('授予组织时的组织代码'),
  recipientName: z.string(),
  orgCode: z.string().describe('登记组织（党员所在组织、受表彰组织或登记的组织）'),
  orgName: z.string(),
  title: z.string(),
  level: z.string(),
  awardedBy: z.string(),
  awardedOn: z.string(),
  revokedOn: z.string().nullable(),
  status: z.enum(HONOR_STATUSES),
  note: z.string().nullable(),
});
export type HonorView = z.infer<typeof honorView>;

export const honorPageView = z.object({ total: z.number().int().describe('符合条件的总数'), items: z.array(honorView) });
export type HonorPageView = z.infer<typeof honorPageView>;

export const honorFiguresView = figureSetView;

export const honorBreakdownView = z.object({
  org: z.object({ code: z.string(), name: z.string() }).nullable(),
  period: z.object({ label: z.string(), title: z.string(), start: z.string(), end: z.string() }),
  rows: z.array(z.object({ kind: z.string(), level: z.string(), recipientKind: z.string(), count: z.number().int() })).describe('按类别、级别、对象分组的条数'),
  byKind: z.array(z.object({ kind: z.string(), count: z.number().int() })),
  byLevel: z.array(z.object({ level: z.string(), count: z.number().int() })),
  total: z.number().int(),
  revokedInPeriod: z.number().int().describe('期内授予、至期末已撤销（不计入上述各数）的条数'),
});
export type HonorBreakdownView = z.infer<typeof honorBreakdownView>;
