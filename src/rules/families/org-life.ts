/**
 * Organizational life: how often each kind of meeting must be held (三会一课, 主题党日, 组织生活会, 民主评议党员,
 * 民主生活会) and the quorum of the meetings that decide. A unit (month, quarter, year) is judged in the period that
 * holds its last day; one still running is pending, and "upcoming" when it ends within the configured days.
 */
import type { MeetingFact } from '../facts.js';
import { EVERY_LABELS, unitHolding, unitsEndingIn } from '../../shared/period.js';
import type { ActiveRule, RuleContext } from '../context.js';

export function evaluateOrgLife(rc: RuleContext): void {
  const byOrgKind = new Map<string, MeetingFact[]>();
  for (const m of rc.facts.meetings) {
    const key = `${m.orgId}|${m.kind}`;
    const list = byOrgKind.get(key);
    if (list) list.push(m);
    else byOrgKind.set(key, [m]);
  }
  for (const active of rc.current('org-life')) {
    const req = active.rule.requirement;
    if (!rc.settings.enabled(active.rule)) continue;
    if (req.type === 'meeting-frequency') frequency(rc, active, byOrgKind);
    else if (req.type === 'meeting-quorum') quorum(rc, active, byOrgKind);
  }
}

function frequency(rc: RuleContext, active: ActiveRule, byOrgKind: Map<string, MeetingFact[]>): void {
  const rule = rc.settings.apply(active.rule);
  const req = rule.requirement;
  if (req.type !== 'meeting-frequency') return;
  const units = unitsEndingIn(req.every, rc.period.start, rc.period.end);
  // While the period is still running, the unit running today too: to say what is coming due.
  const running = unitHolding(req.every, rc.asOf);
  if (rc.today < rc.period.end && running.end > rc.period.end && running.start <= rc.period.end) units.push(running);
  for (const org of rc.facts.orgs) {
    if (!rc.applies(rule, org)) continue;
    const held = byOrgKind.get(`${org.id}|${req.meetingKind}`) ?? [];
    for (const unit of units) {
      if (!rc.owes(org, unit, req.every)) continue;
      const within = held.filter((m) => m.heldOn >= unit.start && m.heldOn <= unit.end);
      if (within.length >= req.count) {
        rc.check(org, rule, 'met');
        continue;
      }
      const evidence = {
        records: within.map((m) => meetingRecord(m)),
        facts: { 应召开次数: req.count, 已召开次数: within.length, 期间开始: unit.start, 期间结束: unit.end },
        searched: `${org.name}在${unit.start}至${unit.end}期间召开的“${req.meetingKind}”记录`,
      };
      const need = req.count > 1 ? `至少${req.count}次` : '';
      if (unit.end <= rc.asOf) {
        rc.check(org, rule, 'failed');
        rc.find({ ...active, rule }, {
          org, period: unit.label, status: 'missed', dueOn: unit.end, open: false, evidence,
          message: `${unit.title}未按规定召开${req.meetingKind}${need}（${EVERY_LABELS[req.every]}${req.count}次，实际${within.length}次）`,
        });
      } else {
        rc.check(org, rule, 'pending');
        if (rc.daysUntil(unit.end) <= rc.dueDays) {
          rc.find({ ...active, rule }, {
            org, period: unit.label, status: 'upcoming', dueOn: unit.end, open: true, evidence,
            message: `${unit.title}尚未召开${req.meetingKind}${need}，应于${unit.end}前召开`,
          });
        }
      }
    }
  }
}

function quorum(rc: RuleContext, active: ActiveRule, byOrgKind: Map<string, MeetingFact[]>): void {
  const { rule } = active;
  const req = rule.requirement;
  if (req.type !== 'meeting-quorum') return;
  const share = req.num === 1 && req.den === 2 ? '半数以上' : `${req.den}分之${req.num}${req.inclusive ? '以上' : '以上（不含本数）'}`;
  for (const org of rc.facts.orgs) {
    if (!rc.applies(rule, org)) continue;
    for (const kind of req.meetingKinds) {
      for (const m of byOrgKind.get(`${org.id}|${kind}`) ?? []) {
        if (!rc.inPeriod(m.heldOn) || m.expected <= 0) continue;
        const ok = req.inclusive ? m.attended * req.den >= m.expected * req.num : m.attended * req.den > m.expected * req.num;
        rc.check(org, rule, ok ? 'met' : 'failed');
        if (ok) continue;
        rc.find(active, {
          org, period: m.heldOn.slice(0, 7), status: 'violation', dueOn: m.heldOn, open: false,
          evidence: { records: [meetingRecord(m)], facts: { 应到人数: m.expected, 实到人数: m.attended } },
          message: `${m.heldOn}召开的${kind}应到${m.expected}人、实到${m.attended}人，未达到${share}的法定人数，所作决定无效`,
        });
      }
    }
  }
}

export function meetingRecord(m: MeetingFact): { type: 'meeting'; id: number; summary: string } {
  return { type: 'meeting', id: m.id, summary: `${m.heldOn} ${m.kind}（应到${m.expected}人，实到${m.attended}人）` };
}
