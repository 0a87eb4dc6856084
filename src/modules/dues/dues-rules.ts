/**
 * Pure checks and judgements of the dues ledger (中组发〔2008〕3号; domain-rules §4), shared by the services, the
 * ledger and the figures. Months are YYYY-MM text, money integer fen.
 */
import type { FieldIssue } from '../../shared/errors.js';
import { BASED_CATEGORIES, type ApprovalRow, type DuesCategory, yuan } from './dues-rates.js';
import { addMonth, monthOf, quarterOf } from './dues-months.js';
import type { DuesStatus } from './dues.schema.js';

/** How far ahead a member may pay (预交): the rest of this month and the next twelve. */
export const PREPAY_MONTHS = 12;
/** 补交 is allowed up to six months late (第十二条); later payments are recorded and flagged by the rule engine. */
export const LATE_LIMIT_MONTHS = 6;

export interface DuesMemberFacts {
  name: string;
  joinedOn: string;
  leftOn: string | null;
}

/**
 * Whether the member owes dues for a month: from the month of joining (a probationary member pays from the branch
 * meeting that admitted him or her, D29) to the month before leaving.
 */
export function onRoll(m: { joinedOn: string; leftOn: string | null }, month: string): boolean {
  return month >= monthOf(m.joinedOn) && (m.leftOn === null || month < monthOf(m.leftOn));
}

/** A new dues base: a percentage category needs a positive base, a fixed-amount one none; the month is sensible. */
export function checkBase(
  input: { fromMonth: string; category: DuesCategory; baseFen: number | null },
  member: DuesMemberFacts,
  currentMonth: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (BASED_CATEGORIES.includes(input.category)) {
    if (input.baseFen === null) {
      issues.push({ code: 'FIELD_REQUIRED', field: 'base', message: `缺少必填项：党费基数（元）（${input.category}党员按${input.category === '在职' ? '税后工资' : '离退休费'}计算）` });
    } else if (input.baseFen <= 0) {
      issues.push({ code: 'DUES_BASE_INVALID', field: 'base', message: '党费基数（元）应大于0' });
    }
  } else if (input.baseFen !== null) {
    issues.push({ code: 'DUES_BASE_INVALID', field: 'base', message: `${input.category}党员按固定金额交纳党费，党费基数（元）应为空` });
  }
  const joined = monthOf(member.joinedOn);
  if (input.fromMonth < joined) {
    issues.push({ code: 'DUES_MONTH_INVALID', field: 'fromMonth', message: `起始月份${input.fromMonth}早于${member.name}的入党月份${joined}` });
  }
  if (input.fromMonth > addMonth(currentMonth, 1)) {
    issues.push({ code: 'DUES_MONTH_INVALID', field: 'fromMonth', message: `起始月份${input.fromMonth}晚于下个月，不能预先核定` });
  }
  return issues;
}

/**
 * An approved arrangement: 减交 and 免交 are approved by the superior committee (本人申请 → 支部研究 → 上一级党委批准),
 * 按季交纳 by the branch itself (第十二条). A 减交 amount must be below the normal due; periods of relief do not overlap.
 */
export function checkApproval(
  input: { kind: string; fromMonth: string; toMonth: string | null; monthlyFen: number | null; approvedBy: string | null; approvedOn: string },
  member: DuesMemberFacts,
  ctx: { today: string; normalDueFen: number | null; overlapping: ApprovalRow | null },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.toMonth !== null && input.toMonth < input.fromMonth) {
    issues.push({ code: 'DATE_ORDER_INVALID', field: 'toMonth', message: `截止月份${input.toMonth}早于起始月份${input.fromMonth}` });
  }
  const joined = monthOf(member.joinedOn);
  if (input.fromMonth < joined) {
    issues.push({ code: 'DUES_MONTH_INVALID', field: 'fromMonth', message: `起始月份${input.fromMonth}早于${member.name}的入党月份${joined}` });
  }
  if (input.fromMonth > addMonth(monthOf(ctx.today), PREPAY_MONTHS)) {
    issues.push({ code: 'DUES_MONTH_INVALID', field: 'fromMonth', message: `起始月份${input.fromMonth}超过今后${PREPAY_MONTHS}个月` });
  }
  if (input.approvedOn > ctx.today) {
    issues.push({ code: 'DATE_IN_FUTURE', field: 'approvedOn', message: `批准日期${input.approvedOn}晚于今天` });
  }
  if ((input.kind === '减交' || input.kind === '免交') && !input.approvedBy) {
    issues.push({ code: 'FIELD_REQUIRED', field: 'approvedBy', message: `缺少必填项：批准组织（${input.kind}须报上一级党委批准）` });
  }
  if (input.kind === '减交') {
    if (input.monthlyFen === null) {
      issues.push({ code: 'FIELD_REQUIRED', field: 'monthly', message: '缺少必填项：每月交纳金额（元）（减交须写明减交后的金额）' });
    } else if (input.monthlyFen <= 0) {
      issues.push({ code: 'DUES_AMOUNT_INVALID', field: 'monthly', message: '每月交纳金额（元）应大于0；不交纳的请办理免交' });
    } else if (ctx.normalDueFen === null) {
      issues.push({ code: 'DUES_BASE_MISSING', field: 'fromMonth', message: `${member.name}在${input.fromMonth}尚未核定党费基数，无法核对减交金额` });
    } else if (input.monthlyFen >= ctx.normalDueFen) {
      issues.push({
        code: 'DUES_AMOUNT_INVALID',
        field: 'monthly',
        message: `每月交纳金额（元）${yuan(input.monthlyFen)}不低于按规定应交的${yuan(ctx.normalDueFen)}元，无需减交`,
      });
    }
  } else if (input.monthlyFen !== null) {
    issues.push({ code: 'DUES_AMOUNT_INVALID', field: 'monthly', message: `${input.kind}不填每月交纳金额（元）` });
  }
  if (ctx.overlapping && issues.length === 0) {
    const o = ctx.overlapping;
    issues.push({
      code: 'DUES_APPROVAL_OVERLAP',
      field: 'fromMonth',
      message: `${member.name}已有${o.fromMonth}至${o.toMonth ?? '今后'}的${o.kind}批准，期间不能重叠`,
    });
  }
  return issues;
}

/** Whether two month spans (open-ended when `to` is null) share a month. */
export function spansOverlap(a: { fromMonth: string; toMonth: string | null }, b: { fromMonth: string; toMonth: string | null }): boolean {
  return (a.toMonth === null || a.toMonth >= b.fromMonth) && (b.toMonth === null || b.toMonth >= a.fromMonth);
}

/** The months a member pays for must be months on the roll, and not more than a year ahead. */
export function checkPaymentMonths(months: readonly string[], member: DuesMemberFacts, currentMonth: string, field = 'months'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const joined = monthOf(member.joinedOn);
  for (const month of months) {
    if (month < joined) {
      issues.push({ code: 'DUES_MONTH_INVALID', field, message: `交纳月份${month}早于${member.name}的入党月份${joined}` });
    } else if (member.leftOn !== null && month >= monthOf(member.leftOn)) {
      issues.push({ code: 'DUES_MONTH_INVALID', field, message: `交纳月份${month}在${member.name}离开（${member.leftOn}）之后` });
    } else if (month > addMonth(currentMonth, PREPAY_MONTHS)) {
      issues.push({ code: 'DUES_MONTH_INVALID', field, message: `交纳月份${month}超过今后${PREPAY_MONTHS}个月，不能预交` });
    }
  }
  return issues;
}

export function checkPaidOn(paidOn: string, member: DuesMemberFacts, today: string): FieldIssue[] {
  if (paidOn > today) return [{ code: 'DATE_IN_FUTURE', field: 'paidOn', message: `交纳日期${paidOn}晚于今天` }];
  if (paidOn < member.joinedOn) {
    return [{ code: 'DATE_ORDER_INVALID', field: 'paidOn', message: `交纳日期${paidOn}早于${member.name}的入党日期${member.joinedOn}` }];
  }
  return [];
}

/** The months in which a month's dues are paid on time: the month itself, or its quarter with 按季交纳 approved. */
export function paymentWindow(month: string, quarterly: boolean): [string, string] {
  return quarterly ? quarterOf(month) : [month, month];
}

/** Paid more than six months after the month (补交 beyond what 第十二条 allows). */
export function isPaidTooLate(month: string, paidOn: string): boolean {
  return monthOf(paidOn) > addMonth(month, LATE_LIMIT_MONTHS);
}

/**
 * A month of the ledger: paid within its window (已交), after it (补交, 逾期交纳) or before it (预交); unpaid and
 * exempt (免交), without a base to compute it (未核定), not yet begun (未到期) or owed (未交).
 */
export function monthStatus(a: {
  month: string;
  dueFen: number | null;
  paidOn: string | null;
  quarterly: boolean;
  currentMonth: string;
}): DuesStatus {
  const [start, end] = paymentWindow(a.month, a.quarterly);
  if (a.paidOn !== null) {
    const paid = monthOf(a.paidOn);
    if (paid < start) return '预交';
    if (paid > end) return '补交';
    return '已交';
  }
  if (a.dueFen === null) return '未核定';
  if (a.dueFen === 0) return '免交';
  if (start > a.currentMonth) return '未到期';
  return '未交';
}

/** An unpaid month counts as arrears once its window has ended before the current month. */
export function isOverdue(status: DuesStatus, month: string, quarterly: boolean, currentMonth: string): boolean {
  return status === '未交' && paymentWindow(month, quarterly)[1] < currentMonth;
}
