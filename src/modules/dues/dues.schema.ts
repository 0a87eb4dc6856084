import { z } from 'zod';
import { isoDate } from '../../shared/validation.js';
import { orgCode } from '../orgs/orgs.schema.js';
import { DUES_APPROVAL_KINDS, DUES_CATEGORIES, parseYuan } from './dues-rates.js';
import { MONTH_PATTERN } from './dues-months.js';

export const DUES_LABELS: Record<string, string> = {
  memberId: '党员记录编号',
  memberIds: '党员记录编号',
  fromMonth: '起始月份',
  toMonth: '截止月份',
  category: '党费类别',
  base: '党费基数（元）',
  kind: '批准事项',
  monthly: '每月交纳金额（元）',
  reason: '原因',
  approvedBy: '批准组织',
  approvedOn: '批准日期',
  months: '交纳月份',
  month: '交纳月份',
  paidOn: '交纳日期',
  amount: '每月交纳金额（元）',
  orgCode: '组织代码',
  org: '组织代码',
  from: '起始月份',
  to: '截止月份',
  note: '备注',
};

/** How the ledger describes a member's month. */
export const DUES_STATUSES = ['已交', '补交', '预交', '未交', '免交', '未核定', '未到期'] as const;
export type DuesStatus = (typeof DUES_STATUSES)[number];

export const duesMonth = z.string().trim().regex(MONTH_PATTERN, { message: '应为有效月份（YYYY-MM）' });

/** An amount in 元 as people write it ("90", "90.5", 90.5), checked but kept as written: the HTTP edge. */
export const yuanText = z
  .union([z.string(), z.number()])
  .refine((v) => parseYuan(typeof v === 'number' ? String(v) : v) !== null, { message: '应为金额（元，最多两位小数）' });

/** The same amount → integer fen: what the services parse their input with. */
export const yuanAmount = yuanText.transform((v) => parseYuan(typeof v === 'number' ? String(v) : v)!);

const note = z.string().trim().max(500).nullish();

// Each input in two forms from one definition: the services parse 元 into fen (and so accept what the CLI, the
// tests and the routes hand them, in 元); the routes validate the same shape without converting, so that the
// amount reaches the service once, as written.
function baseShape<A extends z.ZodType>(amount: A) {
  return z.object({
    fromMonth: duesMonth,
    category: z.enum(DUES_CATEGORIES, { message: `应为以下之一：${DUES_CATEGORIES.join('、')}` }),
    base: amount.nullish(),
    note,
  });
}
export const duesBaseInput = baseShape(yuanAmount);
export const duesBaseBody = baseShape(yuanText);
export type DuesBaseInput = z.input<typeof duesBaseInput>;

function approvalShape<A extends z.ZodType>(amount: A) {
  return z.object({
    kind: z.enum(DUES_APPROVAL_KINDS, { message: `应为以下之一：${DUES_APPROVAL_KINDS.join('、')}` }),
    fromMonth: duesMonth,
    toMonth: duesMonth.nullish(),
    monthly: amount.nullish(),
    reason: z.string().trim().min(1, { message: '不能为空' }).max(500),
    approvedBy: z.string().trim().max(100).nullish(),
    approvedOn: isoDate,
  });
}
export const duesApprovalInput = approvalShape(yuanAmount);
export const duesApprovalBody = approvalShape(yuanText);
export type DuesApprovalInput = z.input<typeof duesApprovalInput>;

function paymentShape<A extends z.ZodType>(amount: A) {
  return z.object({
    months: z.union([duesMonth, z.array(duesMonth).min(1, { message: '至少一个月' }).max(24, { message: '一次最多24个月' })]),
    paidOn: isoDate,
    amount: amount.nullish(),
    note,
  });
}
export const duesPaymentInput = paymentShape(yuanAmount);
export const duesPaymentBody = paymentShape(yuanText);
export type DuesPaymentInput = z.input<typeof duesPaymentInput>;

export const branchPaymentInput = z.object({
  orgCode,
  month: duesMonth,
  paidOn: isoDate,
  memberIds: z.array(z.number().int().min(1).max(2_147_483_647)).max(1000).nullish(),
});
export type BranchPaymentInput = z.input<typeof branchPaymentInput>;

export const duesRangeQuery = z.object({
  from: duesMonth.optional(),
  to: duesMonth.optional(),
});

export const duesLedgerQuery = duesRangeQuery.extend({
  org: orgCode.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const duesFiguresQuery = duesRangeQuery.extend({ org: orgCode.optional() });

// ── Views ─────────────────────────────────────────────────────────────────────────────────────────────────────

const money = z.string().describe('金额（元，两位小数）');

export const duesBaseView = z.object({
  fromMonth: z.string(),
  category: z.string(),
  baseFen: z.number().int().nullable(),
  base: money.nullable(),
  monthlyFen: z.number().int().describe('按此基数每月应交（分）'),
  monthly: money,
});
export type DuesBaseView = z.infer<typeof duesBaseView>;

export const duesApprovalView = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  kind: z.string(),
  fromMonth: z.string(),
  toMonth: z.string().nullable(),
  monthlyFen: z.number().int().nullable(),
  monthly: money.nullable(),
  reason: z.string(),
  approvedBy: z.string(),
  approvedOn: z.string(),
});
export type DuesApprovalView = z.infer<typeof duesApprovalView>;

export const duesMonthView = z.object({
  month: z.string(),
  status: z.enum(DUES_STATUSES),
  dueFen: z.number().int().nullable().describe('应交（分）；未核定基数时为空'),
  due: money.nullable(),
  paidFen: z.number().int().nullable(),
  paid: money.nullable(),
  paidOn: z.string().nullable(),
});
export type DuesMonthView = z.infer<typeof duesMonthView>;

export const duesMemberView = z.object({
  memberId: z.number().int(),
  name: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  memberStatus: z.string().describe('党员类别'),
  leftOn: z.string().nullable(),
  category: z.string().nullable().describe('截止月份适用的党费类别'),
  baseFen: z.number().int().nullable(),
  base: money.nullable(),
  months: z.array(duesMonthView).describe('在册的各月（入党当月起，离开当月之前）'),
  dueFen: z.number().int(),
  paidFen: z.number().int(),
  unpaidMonths: z.number().int().describe('未交的月数（本月及以前）'),
});
export type DuesMemberView = z.infer<typeof duesMemberView>;

export const duesLedgerView = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int().describe('符合条件的党员总数'),
  items: z.array(duesMemberView),
});
export type DuesLedgerView = z.infer<typeof duesLedgerView>;

export const duesBasesView = z.object({
  memberId: z.number().int(),
  name: z.string(),
  bases: z.array(duesBaseView),
});
export type DuesBasesView = z.infer<typeof duesBasesView>;

export const duesPaymentView = z.object({
  memberId: z.number().int(),
  name: z.string(),
  paidOn: z.string(),
  items: z.array(duesMonthView),
  totalFen: z.number().int(),
  total: money,
  lateMonths: z.array(z.string()).describe('超过6个月才补交的月份（照常记录，由规则检查提示）'),
});
export type DuesPaymentView = z.infer<typeof duesPaymentView>;

export const branchPaymentView = z.object({
  orgCode: z.string(),
  orgName: z.string(),
  month: z.string(),
  paidOn: z.string(),
  paid: z.array(z.object({ memberId: z.number().int(), name: z.string(), paidFen: z.number().int(), amount: money })),
  skipped: z.array(z.object({ memberId: z.number().int(), name: z.string(), reason: z.string() })),
  totalFen: z.number().int(),
  total: money,
});
export type BranchPaymentView = z.infer<typeof branchPaymentView>;

const evidenceMember = z.object({ memberId: z.number().int(), name: z.string(), orgCode: z.string(), months: z.array(z.string()) });

export const duesFiguresView = z.object({
  org: z.string().nullable(),
  orgName: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  through: z.string().describe('计入应交、已交的最后月份（截止月份与本月中较早者）'),
  memberCount: z.number().int(),
  dueFen: z.number().int(),
  due: money,
  paidFen: z.number().int(),
  paid: money,
  dueMonths: z.number().int().describe('应交党费的人月数（应交金额大于0）'),
  paidMonths: z.number().int().describe('其中已交的人月数'),
  paymentRate: z.number().nullable().describe('交纳率：已交人月数 / 应交人月数'),
  membersInArrears: z.number().int().describe('截至截止月份（只计已过去的月份）连续3个月以上未交的党员人数'),
  membersWithoutBase: z.number().int().describe('期间有月份未核定党费基数的党员人数'),
  evidence: z.object({
    inArrears: z.array(evidenceMember).describe('连续未交的党员及其未交月份'),
    withoutBase: z.array(evidenceMember).describe('未核定基数的党员及其月份'),
  }),
});
export type DuesFiguresView = z.infer<typeof duesFiguresView>;
