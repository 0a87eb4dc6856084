import { z } from 'zod';
import { isoDate } from '../../shared/validation.js';
import { figureSetView } from '../../shared/figures.js';
import { orgCode } from '../orgs/orgs.schema.js';
import { parseYuan } from '../dues/dues-rates.js';

export const DONATION_LABELS: Record<string, string> = {
  memberId: '党员记录编号',
  orgCode: '组织代码',
  org: '组织代码',
  campaign: '捐款活动',
  donatedOn: '捐款日期',
  amount: '捐款金额（元）',
  items: '捐款党员',
  note: '备注',
  from: '起始日期',
  to: '截止日期',
  period: '统计期',
};

/**
 * An amount in 元 as people write it ("100", "100.5", 100.5): more than 0, at most two decimals. A number is read as
 * the text it prints as (so 12.345 is refused, not rounded), and a missing amount is FIELD_REQUIRED.
 */
export const donationAmountText = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z
    .string()
    .trim()
    .refine((v) => parseYuan(v) !== null, { message: '应为金额（元，最多两位小数）' })
    .refine((v) => (parseYuan(v) ?? 1) > 0, { message: '应大于0' }),
).meta({ type: ['string', 'number'], description: '金额（元，最多两位小数），如 100 或 "100.50"' });

/** The same amount → integer fen. */
export const donationAmount = donationAmountText.transform((v) => parseYuan(v)!);

const memberId = z.number().int().min(1).max(2_147_483_647);
const campaign = z.string().trim().min(1, { message: '不能为空' }).max(100, { message: '不能超过100个字' });
const note = z.string().trim().max(500, { message: '不能超过500个字' }).nullish();

// Like the dues inputs, each in two forms: the services parse 元 into fen; the routes check the same shape as written.
function donationShape<A extends z.ZodType>(amount: A) {
  return z.object({ memberId, campaign, donatedOn: isoDate, amount, note });
}
export const donationInput = donationShape(donationAmount);
export const donationBody = donationShape(donationAmountText);
export type DonationInput = z.input<typeof donationInput>;

function batchShape<A extends z.ZodType>(amount: A) {
  return z.object({
    orgCode,
    campaign,
    donatedOn: isoDate,
    items: z
      .array(z.object({ memberId, amount, note }))
      .min(1, { message: '至少一名党员' })
      .max(1000, { message: '一次最多1000名' }),
  });
}
export const donationBatchInput = batchShape(donationAmount);
export const donationBatchBody = batchShape(donationAmountText);
export type DonationBatchInput = z.input<typeof donationBatchInput>;

export const donationListQuery = z.object({
  org: orgCode.optional(),
  campaign: z.string().trim().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DonationListQuery = z.input<typeof donationListQuery>;

export const donationFiguresQuery = z.object({
  org: orgCode.optional(),
  period: z.string().trim().min(1).max(40).describe('统计期：2026、2026H1、2026Q3、2026-03 或日期范围 2026-03-01~2026-09-30'),
  campaign: z.string().trim().max(100).optional(),
});

export const donationCampaignsQuery = z.object({
  org: orgCode.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type DonationCampaignsQuery = z.input<typeof donationCampaignsQuery>;

// ── Views ─────────────────────────────────────────────────────────────────────────────────────────────────────

const money = z.string().describe('金额（元，两位小数）');

export const donationView = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  name: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  campaign: z.string(),
  donatedOn: z.string(),
  amountFen: z.number().int(),
  amount: money,
  note: z.string().nullable(),
});
export type DonationView = z.infer<typeof donationView>;

export const donationPageView = z.object({
  total: z.number().int().describe('符合条件的条数'),
  totalFen: z.number().int().describe('符合条件的捐款合计（分）'),
  totalAmount: money.describe('符合条件的捐款合计（元）'),
  items: z.array(donationView),
});
export type DonationPageView = z.infer<typeof donationPageView>;

export const donationBatchView = z.object({
  orgCode: z.string(),
  orgName: z.string(),
  campaign: z.string(),
  donatedOn: z.string(),
  items: z.array(donationView),
  totalFen: z.number().int(),
  total: money,
});
export type DonationBatchView = z.infer<typeof donationBatchView>;

export const donationFiguresView = figureSetView;

export const donationCampaignView = z.object({
  campaign: z.string(),
  donors: z.number().int().describe('捐款党员人数（去重）'),
  donations: z.number().int().describe('捐款笔数'),
  totalFen: z.number().int(),
  total: money,
  firstOn: z.string(),
  lastOn: z.string(),
});
export const donationCampaignsView = z.object({
  org: z.object({ code: z.string(), name: z.string() }).nullable(),
  items: z.array(donationCampaignView),
});
export type DonationCampaignsView = z.infer<typeof donationCampaignsView>;
