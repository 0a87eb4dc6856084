/**
 * How organizations are set up, judged on the day the period ends (or today): a committee where there are 7 or more
 * full members, at least 3 full members in a standalone branch, at most 50 in a branch, and terms renewed on time —
 * the superior reminded 6 months ahead, the organization 2 months ahead, overdue after expiry, an extension of more
 * than a year flagged. Temporary branches are exempt from what does not apply to them (elections, terms).
 */
import { addMonths } from '../../shared/dates.js';
import { defaultTermYears } from '../catalog/terms.js';
import type { OrgFact } from '../facts.js';
import { monthsBetween } from '../../shared/period.js';
import type { ActiveRule, RuleContext } from '../context.js';

export function evaluateOrgSetup(rc: RuleContext): void {
  const period = rc.period.label;
  for (const active of rc.current('org-setup')) {
    if (!rc.settings.enabled(active.rule)) continue;
    const rule = rc.settings.apply(active.rule);
    const a: ActiveRule = { ...active, rule };
    const req = rule.requirement;
    for (const org of rc.facts.orgs) {
      if (!rc.applies(rule, org) || !rc.existsOn(org, rc.asOf)) continue;
      const members = org.full + org.probationary;
      const counts = { 正式党员: org.full, 预备党员: org.probationary, 统计日期: rc.asOf };
      const evidence = (facts: Record<string, string | number | null>) => ({ records: [orgRecord(org)], facts: { ...counts, ...facts } });
      switch (req.type) {
        case 'committee-required': {
          if (org.full < req.minFull || org.committeeSize === null) break; // not recorded: nothing to judge
          const ok = org.committeeSize > 0;
          rc.check(org, rule, ok ? 'met' : 'failed');
          if (!ok) rc.find(a, { org, period, status: 'missed', open: true, evidence: evidence({ 支委会委员人数: org.committeeSize }), message: `正式党员${org.full}名（${req.minFull}名以上），未设立支部委员会` });
          break;
        }
        case 'branch-min-full': {
          const ok = org.full >= req.minFull;
          rc.check(org, rule, ok ? 'met' : 'failed');
          if (!ok) rc.find(a, { org, period, status: 'missed', open: true, evidence: evidence({}), message: `单独建立的党支部仅有正式党员${org.full}名，不足${req.minFull}名，应调整组织设置或组建联合党支部` });
          break;
        }
        case 'branch-max-members': {
          const ok = members <= req.max;
          rc.check(org, rule, ok ? 'met' : 'failed');
          if (!ok) rc.find(a, { org, period, status: 'missed', open: true, evidence: evidence({}), message: `党支部有党员${members}名，超过${req.max}名，应考虑设立党总支或分设党支部` });
          break;
        }
        case 'term-expiry':
        case 'term-extension':
        case 'term-reminder':
          term(rc, a, org, period);
          break;
        default:
          break;
      }
    }
  }
}

function term(rc: RuleContext, active: ActiveRule, org: OrgFact, period: string): void {
  const { rule } = active;
  const req = rule.requirement;
  if (!org.lastElectionOn) return;
  const years = org.termYears ?? defaultTermYears(org.kind, org.sector);
  const termEnd = addMonths(org.lastElectionOn, years * 12);
  const extended = org.termExtendedTo;
  const facts = { 本届选举日期: org.lastElectionOn, 任期年限: years, 任期届满日期: termEnd, 批准延期至: extended };
  const evidence = { records: [orgRecord(org)], facts };
  const asOf = rc.asOf;
  if (req.type === 'term-expiry') {
    if (asOf <= termEnd) return rc.check(org, rule, 'met');
    if (extended && asOf <= extended) return rc.check(org, rule, 'met');
    rc.check(org, rule, 'failed');
    const overdueMonths = monthsBetween(extended ?? termEnd, asOf);
    const longOverdue = asOf > addMonths(termEnd, 12); // domain-rules §2: hard-fail when today > term_end + 1 year
    rc.find(active, {
      org, period, status: 'overdue', dueOn: extended ?? termEnd, open: true, evidence, severity: longOverdue ? 'block' : 'warn',
      message: extended
        ? `任期于${termEnd}届满，批准延期至${extended}，已逾期${overdueMonths}个月仍未换届`
        : `任期于${termEnd}届满，已逾期${overdueMonths}个月未换届，且未经上级批准延期${longOverdue ? '（超过1年）' : ''}`,
    });
  } else if (req.type === 'term-extension') {
    if (!extended) return;
    const months = monthsBetween(termEnd, extended);
    const ok = extended <= addMonths(termEnd, req.maxMonths);
    rc.check(org, rule, ok ? 'met' : 'failed');
    if (!ok) rc.find(active, { org, period, status: 'violation', dueOn: termEnd, open: false, evidence, message: `任期于${termEnd}届满，延期至${extended}，延期${months}个月，超过${req.maxMonths}个月` });
  } else if (req.type === 'term-reminder') {
    // While an approved extension runs, the reminders count down to its end instead.
    const end = extended && extended > termEnd ? extended : termEnd;
    const what = end === termEnd ? '任期' : '经批准的延期';
    if (asOf > end || asOf < addMonths(end, -req.monthsAhead)) return;
    const superior = req.notify === 'superior' ? (org.parentId !== null ? rc.facts.byId.get(org.parentId) : undefined) : org;
    if (!superior) return;
    rc.find(active, {
      org: superior, period, status: 'upcoming', dueOn: end, open: true, evidence,
      message: req.notify === 'superior'
        ? `下级组织${org.name}（${org.code}）${what}将于${end}届满，请提前发函或电话提醒其做好换届准备`
        : `本届${what}将于${end}届满，支委会应研究换届事宜并向上级党组织请示`,
    });
  }
}

export function orgRecord(org: OrgFact): { type: 'organization'; id: number; summary: string } {
  return { type: 'organization', id: org.id, summary: `${org.name}（${org.code}，${org.kind}）` };
}
