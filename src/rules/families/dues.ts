/**
 * Party dues (中组发〔2008〕3号, 党章第九条): consecutive months unpaid, counted back from the last month over on the
 * day judged (under 按季交纳, from the last quarter over), warned from 3 and a case for the branch meeting from 6; and
 * back-payments that reach more than 6 months back. Only members with a dues base recorded are judged: with none,
 * nothing is known to be due. A month of 0 due (免交) or before the member joined breaks no run.
 */
import { addMonths, daysInMonth, splitIso } from '../../shared/dates.js';
import { addMonth, quarterOf } from '../../modules/dues/dues-months.js';
import { approvalFor, DEFAULT_FIXED, dueFor, type FixedAmounts } from '../../modules/dues/dues-rates.js';
import type { DuesPaymentFact, MemberFact } from '../facts.js';
import { monthsBetween } from '../../shared/period.js';
import type { RuleContext } from '../context.js';

export function evaluateDues(rc: RuleContext): void {
  const fixed: FixedAmounts = { ...DEFAULT_FIXED, farmerFen: rc.settings.int('dues.farmerFen') };
  const { dues } = rc.facts;
  for (const active of rc.current('members')) {
    if (!rc.settings.enabled(active.rule)) continue;
    const rule = rc.settings.apply(active.rule);
    const req = rule.requirement;
    if (req.type === 'dues-arrears') {
      for (const m of rc.facts.members) {
        const org = rc.facts.byId.get(m.orgId);
        const bases = dues.bases.get(m.membershipId);
        if (!org || !bases || !rc.applies(rule, org)) continue;
        const approvals = dues.approvals.get(m.membershipId) ?? [];
        const paid = new Map((dues.payments.get(m.membershipId) ?? []).map((p) => [p.month, p]));
        const unpaid = unpaidRun(m, rc.asOf, rc.facts.lookbackFrom, (month) => dueFor(bases, approvals, month, fixed), paid, (month) => !!approvalFor(approvals, month, ['按季交纳']));
        const ok = unpaid.length < req.months;
        rc.check(org, rule, ok ? 'met' : 'failed');
        if (unpaid.length < req.warnMonths) continue;
        const owed = unpaid.reduce((n, u) => n + u.due, 0);
        const span = `${unpaid.at(-1)!.month}至${unpaid[0]!.month}连续${unpaid.length}个月${unpaid.capped ? '以上' : ''}未交纳党费（应交${(owed / 100).toFixed(2)}元）`;
        rc.find({ ...active, rule }, {
          org, period: rc.period.label, status: ok ? 'upcoming' : 'violation', severity: ok ? 'warn' : 'block', dueOn: null, open: true, person: m.name,
          evidence: {
            records: [{ type: 'membership', id: m.membershipId, summary: `${m.name}（${m.status}）` }],
            facts: { 未交月份: unpaid.map((u) => u.month).join('、'), 应交合计元: (owed / 100).toFixed(2), 统计日期: rc.asOf },
            searched: `${m.name}在上述月份的党费交纳记录`,
          },
          message: ok
            ? `${m.name}：${span}，请批评教育、限期改正`
            : `${m.name}：${span}。无正当理由的，按党章第九条由支部大会讨论处理并报上级党组织批准`,
        });
      }
    } else if (req.type === 'dues-backpay') {
      // One check per member who paid in the period (not per payment: a county pays some 24,000 months a month).
      const memberById = new Map(rc.facts.members.map((m) => [m.membershipId, m]));
      const byMember = new Map<number, DuesPaymentFact[]>();
      for (const { membershipId, ...p } of dues.paidInPeriod) byMember.set(membershipId, [...(byMember.get(membershipId) ?? []), p]);
      for (const [membershipId, payments] of byMember) {
        const m = memberById.get(membershipId);
        const org = m ? rc.facts.byId.get(m.orgId) : undefined;
        if (!m || !org || !rc.applies(rule, org)) continue;
        const late = payments.filter((p) => monthsLate(p) > req.months).sort((a, b) => a.month.localeCompare(b.month));
        rc.check(org, rule, late.length === 0 ? 'met' : 'failed');
        for (const p of late) {
          rc.find({ ...active, rule }, {
            org, period: p.paidOn.slice(0, 7), status: 'overdue', dueOn: p.paidOn, open: false, person: m.name,
            evidence: { records: [{ type: 'membership', id: m.membershipId, summary: `${m.name}（${m.status}）` }], facts: { 所属月份: p.month, 交纳日期: p.paidOn, 实交元: (p.paidFen / 100).toFixed(2) } },
            message: `${m.name}：${p.paidOn}补交${p.month}的党费，已超过${req.months}个月`,
          });
        }
      }
    }
  }
}

/** Whole months from the first day of the dues month to the day it was paid (0 when paid within the month or ahead). */
function monthsLate(p: DuesPaymentFact): number {
  return p.paidOn >= addMonths(`${p.month}-01`, 1) ? monthsBetween(`${p.month}-01`, p.paidOn) : 0;
}

/**
 * The run of unpaid months ending with the last month over on `asOf` (newest first). Under 按季交纳 the months of a
 * quarter still running are not yet due. A month is paid when a payment for it was made by `asOf`.
 */
function unpaidRun(
  m: MemberFact,
  asOf: string,
  lookbackFrom: string,
  due: (month: string) => number | null,
  paid: Map<string, DuesPaymentFact>,
  quarterly: (month: string) => boolean,
): { month: string; due: number }[] & { capped?: boolean } {
  const [y, mo, d] = splitIso(asOf);
  const lastOver = d === daysInMonth(y, mo) ? asOf.slice(0, 7) : addMonth(asOf.slice(0, 7), -1);
  // Payments are read for the months after the look-back day only: the run stops there ("N个月以上").
  const joined = m.joinedOn.slice(0, 7);
  const afterLookback = addMonth(lookbackFrom.slice(0, 7), 1);
  const first = joined > afterLookback ? joined : afterLookback;
  const out: { month: string; due: number }[] & { capped?: boolean } = [];
  for (let month = lastOver; month >= first; month = addMonth(month, -1)) {
    if (quarterly(month)) {
      if (quarterOf(month)[1] > lastOver) continue;
    }
    const d = due(month);
    if (d === null || d === 0) break;
    const p = paid.get(month);
    if (p && p.paidFen >= d) break;
    out.push({ month, due: d - (p?.paidFen ?? 0) });
    // Unpaid as far back as payments were read, and the member was on the roll before: the run goes on beyond.
    if (month === first && first === afterLookback && joined < afterLookback) out.capped = true;
  }
  return out;
}
