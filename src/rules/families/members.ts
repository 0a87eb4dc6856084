/**
 * Members' organizational life (党章第九条): a member who, without good reason, has not taken part for 6 consecutive
 * months is, as the 党章 says, considered to have left the Party — the branch meeting decides, the superior approves;
 * the system never removes anyone. Judged on the day the period ends: months since the last branch meeting the member
 * attended (not among its absentees), or since coming onto the roll. Warned from the configured month (3). A branch
 * that held no meeting at all is the branch's finding (org-life), not its members'. Dues join this when they are kept.
 */
import { LAPSE_LOOKBACK_MONTHS } from '../facts.js';
import { monthsBetween } from '../../shared/period.js';
import type { RuleContext } from '../context.js';

export function evaluateMembers(rc: RuleContext): void {
  for (const active of rc.current('members')) {
    if (!rc.settings.enabled(active.rule)) continue;
    const rule = rc.settings.apply(active.rule);
    const req = rule.requirement;
    if (req.type !== 'org-life-lapse') continue;
    for (const m of rc.facts.members) {
      const org = rc.facts.byId.get(m.orgId);
      if (!org || !rc.applies(rule, org) || m.meetingsHeld === 0) continue;
      const since = m.lastAttended ?? (m.onRollSince > rc.facts.lookbackFrom ? m.onRollSince : rc.facts.lookbackFrom);
      const months = monthsBetween(since, rc.asOf);
      const ok = months < req.months;
      rc.check(org, rule, ok ? 'met' : 'failed');
      if (months < req.warnMonths) continue;
      const span = m.lastAttended ? `自${m.lastAttended}以来已连续${months}个月` : m.onRollSince > rc.facts.lookbackFrom ? `自${m.onRollSince}转入（入党）以来已连续${months}个月` : `近${LAPSE_LOOKBACK_MONTHS}个月`;
      const mobile = m.isMobile ? '（流动党员，请核实是否在流入地参加组织生活）' : '';
      rc.find({ ...active, rule }, {
        org, period: rc.period.label, status: ok ? 'upcoming' : 'violation', dueOn: null, open: true, person: m.name,
        severity: ok ? 'warn' : 'block',
        evidence: {
          records: [{ type: 'membership', id: m.membershipId, summary: `${m.name}（${m.status}）` }],
          facts: { 最近一次参加组织生活: m.lastAttended, 期间支部召开会议次数: m.meetingsHeld, 统计日期: rc.asOf },
          searched: `${org.name}的支部党员大会、党课、主题党日、组织生活会、民主评议党员中${m.name}的出席记录`,
        },
        message: ok
          ? `${m.name}：${span}未参加党的组织生活${mobile}，请及时了解情况、教育提醒`
          : `${m.name}：${span}未参加党的组织生活${mobile}。无正当理由的，按党章第九条由支部大会讨论处理并报上级党组织批准`,
      });
    }
  }
}
