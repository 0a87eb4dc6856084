/**
 * The development procedure (发展党员违规问题排查): every time limit and order of 《发展党员工作细则》, record by record.
 * A check is judged in the period that holds the step it is about; a step still missing after its deadline is
 * overdue in every period until it is recorded. The version of the rules is the one in force on the day of the step
 * (or of the deadline, while the step is missing).
 */
import { addMonths, ageOn, type IsoDate } from '../../shared/dates.js';
import { STEP_BY_KEY, type StepKey } from '../../modules/development/steps.js';
import { probationEnd } from '../../modules/development/development-rules.js';
import type { DevelopmentFact, MemberFact, OrgFact } from '../facts.js';
import { daysFrom, monthsBetween } from '../../shared/period.js';
import type { ActiveRule, RuleContext } from '../context.js';
import type { Evidence, FindingStatus, Severity } from '../types.js';

const LINE = 'development';
/** Rules about the probation and the conversion: judged at the branch holding the member now. */
const CONVERSION_RULES = new Set(['dev.probation-not-before', 'dev.conversion-promptly', 'dev.extension-range', 'dev.conversion-approval']);

export function evaluateDevelopment(rc: RuleContext): void {
  const membersByOrgName = new Map<string, MemberFact>();
  for (const m of rc.facts.members) membersByOrgName.set(`${m.orgId}|${m.name}`, m);
  const memberById = new Map(rc.facts.members.map((m) => [m.membershipId, m]));
  const ids = rc.idsOf(LINE);
  for (const r of rc.facts.development) {
    // The branch that developed the person answers for the steps up to approval; the branch whose roll holds the
    // probationary member now answers for the conversion. Either may lie outside the subtree judged.
    const developedBy = rc.facts.byId.get(r.orgId);
    const holder = r.memberOrgId !== null && !(r.leftOn && r.leftOn <= rc.asOf) ? rc.facts.byId.get(r.memberOrgId) : developedBy;
    for (const id of ids) {
      const org = CONVERSION_RULES.has(id) ? holder : developedBy;
      if (org) judge(rc, id, r, org, { membersByOrgName, memberById });
    }
  }
  // Probationary members who came with no development record here (transferred in from outside the county): their
  // conversion is still due at the end of the probation (《细则》第三十六条: may be postponed up to 6 months).
  for (const m of rc.facts.members) {
    if (m.developed || isFullOn(m, rc.asOf)) continue;
    const org = rc.facts.byId.get(m.orgId);
    if (!org) continue;
    const end = addMonths(m.joinedOn, 12);
    const active = resolve(rc, 'dev.conversion-promptly', end, org);
    if (!active || active.rule.requirement.type !== 'conversion-promptly') continue;
    const req = active.rule.requirement;
    const transferred = !!m.transferredInOn && m.transferredInOn > m.joinedOn;
    const due = addMonths(end, transferred ? req.transferredInMonths : req.months);
    const evidence: Evidence = { records: [{ type: 'membership', id: m.membershipId, summary: `${m.name}（预备党员，入党日期${m.joinedOn}）` }], facts: { 入党日期: m.joinedOn, 预备期满: end, 转入本组织: transferred ? m.transferredInOn : null } };
    deadline(rc, active, org, m.name, { due, done: null, from: end, evidence, what: '讨论转正', late: `预备期于${end}期满` });
  }
}

interface Lookups {
  membersByOrgName: Map<string, MemberFact>;
  memberById: Map<number, MemberFact>;
}

function resolve(rc: RuleContext, id: string, on: IsoDate, org: OrgFact): ActiveRule | null {
  const active = rc.versionOn(LINE, id, on);
  if (!active || !rc.settings.enabled(active.rule) || !rc.applies(active.rule, org)) return null;
  return { ...active, rule: rc.settings.apply(active.rule) };
}

function judge(rc: RuleContext, id: string, r: DevelopmentFact, org: OrgFact, look: Lookups): void {
  const d = r.dates;
  const gone = r.leftOn !== null && r.leftOn <= rc.asOf;
  // Judged at the branch holding a member developed elsewhere, the evidence is the member's own record there.
  const record: Evidence['records'][number] =
    org.id === r.orgId || r.membershipId === null
      ? { type: 'development', id: r.id, summary: `${r.person}的发展党员记录` }
      : { type: 'membership', id: r.membershipId, summary: `${r.person}（在其他党支部发展入党）` };
  const base = (extra: Record<string, string | number | null>): Evidence => ({ records: [record], facts: extra });
  const probe = rc.versionOn(LINE, id, rc.asOf) ?? rc.versionOn(LINE, id, '9999-12-31');
  if (!probe) return;
  const req0 = probe.rule.requirement;

  switch (req0.type) {
    case 'min-age': {
      if (!d.appliedOn || !r.birthDate || !rc.inPeriod(d.appliedOn)) return;
      const a = resolve(rc, id, d.appliedOn, org);
      if (!a || a.rule.requirement.type !== 'min-age') return;
      const age = ageOn(r.birthDate, d.appliedOn);
      const ok = age >= a.rule.requirement.years;
      rc.check(org, a.rule, ok ? 'met' : 'failed');
      if (!ok) violation(rc, a, org, r.person, d.appliedOn, base({ 出生日期: r.birthDate, 申请入党日期: d.appliedOn, 申请时年龄: age }), `出生日期${r.birthDate}，申请入党日期${d.appliedOn}，申请时年仅${age}周岁，未满${a.rule.requirement.years}周岁`);
      return;
    }
    case 'step-deadline': {
      const from = d[req0.from];
      if (!from) return;
      // The version in force on the day of the step, or, while it is missing, on its deadline.
      const a = resolve(rc, id, d[req0.to] ?? addMonths(from, req0.months), org);
      if (!a || a.rule.requirement.type !== 'step-deadline') return;
      const req = a.rule.requirement;
      if (req.to === 'oathOn' && !d.approvedOn) return;
      const due = addMonths(from, req.months);
      const hard = req.hardMonths ? addMonths(from, req.hardMonths) : null;
      const fromDef = STEP_BY_KEY.get(req.from)!;
      const toDef = STEP_BY_KEY.get(req.to)!;
      // A missing step is no longer due from someone who has left, or whose record has moved past it.
      if (!d[req.to] && (gone || laterStepRecorded(d, req.to))) return;
      const evidence = base({ [fromDef.label]: from, [toDef.label]: d[req.to] ?? null, 期限: due });
      deadline(rc, a, org, r.person, { due, hard, done: d[req.to] ?? null, from, evidence, what: toDef.step.replace(/^[①-⑳㉑-㉕]/, ''), late: `${fromDef.label}${from}` });
      return;
    }
    case 'step-interval': {
      const from = d[req0.from];
      const to = d[req0.to];
      if (!from || !to || !rc.inPeriod(to)) return;
      const a = resolve(rc, id, to, org);
      if (!a || a.rule.requirement.type !== 'step-interval') return;
      const req = a.rule.requirement;
      const earliest = addMonths(from, req.months);
      const ok = to >= earliest;
      rc.check(org, a.rule, ok ? 'met' : 'failed');
      const fromDef = STEP_BY_KEY.get(req.from)!;
      const toDef = STEP_BY_KEY.get(req.to)!;
      if (!ok) violation(rc, a, org, r.person, to, base({ [fromDef.label]: from, [toDef.label]: to, 最早可办理日期: earliest }), `${fromDef.label}${from}，${toDef.label}${to}，间隔${monthsBetween(from, to)}个月，不足${req.months}个月`);
      return;
    }
    case 'step-before': {
      const meeting = d[req0.before];
      if (!meeting || !rc.inPeriod(meeting)) return;
      const a = resolve(rc, id, meeting, org);
      if (!a || a.rule.requirement.type !== 'step-before') return;
      const req = a.rule.requirement;
      const step = d[req.step];
      const ok = !!step && step <= meeting;
      rc.check(org, a.rule, ok ? 'met' : 'failed');
      const def = STEP_BY_KEY.get(req.step)!;
      const beforeDef = STEP_BY_KEY.get(req.before)!;
      if (!ok) violation(rc, a, org, r.person, meeting, base({ [def.label]: step ?? null, [beforeDef.label]: meeting }), step ? `${def.label}${step}晚于${beforeDef.label}${meeting}` : `${beforeDef.label}${meeting}前未进行${def.step.replace(/^[①-⑳㉑-㉕]/, '')}`);
      return;
    }
    case 'introducers': {
      const meeting = d.branchMeetingOn;
      if (!meeting || !rc.inPeriod(meeting)) return;
      const a = resolve(rc, id, meeting, org);
      if (!a || a.rule.requirement.type !== 'introducers') return;
      const names = (r.introducers ?? '').split(/[、,，;；\s]+/).map((s) => s.trim()).filter(Boolean);
      const problems: string[] = [];
      if (names.length !== a.rule.requirement.count) {
        problems.push(names.length === 0 ? `支部大会讨论（${meeting}）时未确定入党介绍人` : `支部大会讨论（${meeting}）时入党介绍人${names.length}名（${names.join('、')}），应为${a.rule.requirement.count}名`);
      }
      for (const name of names) {
        const m = look.membersByOrgName.get(`${r.orgId}|${name}`);
        if (m && !isFullOn(m, meeting)) problems.push(`入党介绍人${name}在支部大会召开时（${meeting}）不是正式党员`);
      }
      rc.check(org, a.rule, problems.length ? 'failed' : 'met');
      if (problems.length) violation(rc, a, org, r.person, meeting, base({ 入党介绍人: r.introducers, 支部大会讨论日期: meeting }), problems.join('；'));
      return;
    }
    case 'training': {
      const meeting = d.branchMeetingOn;
      if (!meeting || !rc.inPeriod(meeting)) return;
      const a = resolve(rc, id, meeting, org);
      if (!a || a.rule.requirement.type !== 'training') return;
      const req = a.rule.requirement;
      const days = d.trainingStartOn && d.trainingEndOn ? daysFrom(d.trainingStartOn, d.trainingEndOn) + 1 : 0;
      const hours = r.trainingHours ?? 0;
      const trained = !!d.trainingEndOn && d.trainingEndOn <= meeting;
      const ok = trained && (days >= req.minDays || hours >= req.minHours);
      rc.check(org, a.rule, ok ? 'met' : 'failed');
      if (!ok) {
        violation(rc, a, org, r.person, meeting, base({ 集中培训开始日期: d.trainingStartOn ?? null, 集中培训结束日期: d.trainingEndOn ?? null, 培训天数: days, 培训学时: r.trainingHours, 支部大会讨论日期: meeting }),
          trained
            ? `集中培训${d.trainingStartOn ?? ''}至${d.trainingEndOn}共${days}天、${hours}学时，不足${req.minDays}天或${req.minHours}学时（支部大会讨论${meeting}）`
            : `支部大会讨论（${meeting}）前未参加集中培训`);
      }
      return;
    }
    case 'probation-not-before': {
      const meeting = d.conversionMeetingOn;
      if (!meeting || !d.branchMeetingOn || !rc.inPeriod(meeting)) return;
      const a = resolve(rc, id, meeting, org);
      if (!a) return;
      const end = probationEnd(d.branchMeetingOn, r.extensionMonths);
      const ok = meeting >= end;
      rc.check(org, a.rule, ok ? 'met' : 'failed');
      if (!ok) violation(rc, a, org, r.person, meeting, base({ 支部大会讨论日期: d.branchMeetingOn, 延长预备期月数: r.extensionMonths, 预备期满: end, 转正支部大会日期: meeting }), `预备期至${end}期满，转正支部大会提前于${meeting}召开`);
      return;
    }
    case 'conversion-promptly': {
      if (!d.branchMeetingOn || !d.approvedOn) return;
      const end = probationEnd(d.branchMeetingOn, r.extensionMonths);
      const a = resolve(rc, id, d.conversionMeetingOn && d.conversionMeetingOn > end ? d.conversionMeetingOn : end, org);
      if (!a || a.rule.requirement.type !== 'conversion-promptly') return;
      const req = a.rule.requirement;
      if (!d.conversionMeetingOn && gone) return;
      const member = r.membershipId !== null ? look.memberById.get(r.membershipId) : undefined;
      const transferred = !!member?.transferredInOn && member.transferredInOn > d.branchMeetingOn && member.transferredInOn <= end;
      const due = addMonths(end, transferred ? req.transferredInMonths : req.months);
      const evidence = base({ 支部大会讨论日期: d.branchMeetingOn, 延长预备期月数: r.extensionMonths, 预备期满: end, 转入本组织: transferred ? member!.transferredInOn : null, 转正支部大会日期: d.conversionMeetingOn ?? null });
      // Held before the end is the other rule's violation; here only lateness counts.
      if (d.conversionMeetingOn && d.conversionMeetingOn < end) return;
      deadline(rc, a, org, r.person, { due, done: d.conversionMeetingOn ?? null, from: end, evidence, what: '讨论转正', late: `预备期于${end}期满${transferred ? '（预备期内转入，可推迟至6个月）' : ''}` });
      return;
    }
    case 'extension-range': {
      const decided = d.extensionDecidedOn;
      if (!decided || !rc.inPeriod(decided)) return;
      const a = resolve(rc, id, decided, org);
      if (!a || a.rule.requirement.type !== 'extension-range') return;
      const req = a.rule.requirement;
      const months = r.extensionMonths;
      const ok = months !== null && months >= req.minMonths && months <= req.maxMonths;
      rc.check(org, a.rule, ok ? 'met' : 'failed');
      if (!ok) violation(rc, a, org, r.person, decided, base({ 延长预备期决定日期: decided, 延长预备期月数: months }), months === null ? `${decided}决定延长预备期，未记载延长月数` : `${decided}决定延长预备期${months}个月，应为${req.minMonths}–${req.maxMonths}个月`);
      return;
    }
    default:
      return;
  }
}

function deadline(
  rc: RuleContext,
  a: ActiveRule,
  org: OrgFact,
  person: string,
  x: { due: IsoDate; hard?: IsoDate | null; done: IsoDate | null; from: IsoDate; evidence: Evidence; what: string; late: string },
): void {
  const { due, hard, done } = x;
  if (done && done <= rc.asOf) {
    if (!rc.inPeriod(done)) return;
    const ok = done <= due;
    rc.check(org, a.rule, ok ? 'met' : 'failed');
    if (ok) return;
    const beyondHard = !!hard && done > hard;
    emit(rc, a, org, person, beyondHard ? 'violation' : 'overdue', done, due, false, x.evidence, beyondHard ? 'block' : 'warn',
      `${x.late}，${x.what}于${done}办理，超过期限${due}${beyondHard ? '（已超过特殊情况的最长期限）' : ''}`);
    return;
  }
  if (x.from > rc.asOf) return;
  if (due < rc.asOf) {
    rc.check(org, a.rule, 'failed');
    const beyondHard = !!hard && hard < rc.asOf;
    emit(rc, a, org, person, 'overdue', due, due, true, x.evidence, beyondHard ? 'block' : 'warn', `${x.late}，应于${due}前${x.what}，截至${rc.asOf}尚未办理`);
  } else {
    rc.check(org, a.rule, 'pending');
    if (rc.daysUntil(due) <= rc.dueDays) emit(rc, a, org, person, 'upcoming', due, due, true, x.evidence, 'warn', `${x.late}，应于${due}前${x.what}`);
  }
}

function violation(rc: RuleContext, a: ActiveRule, org: OrgFact, person: string, on: IsoDate, evidence: Evidence, message: string): void {
  emit(rc, a, org, person, 'violation', on, on, false, evidence, 'block', message);
}

function emit(rc: RuleContext, a: ActiveRule, org: OrgFact, person: string, status: FindingStatus, on: IsoDate, dueOn: IsoDate, open: boolean, evidence: Evidence, severity: Severity, message: string): void {
  rc.find(a, { org, period: on.slice(0, 7), status, dueOn, open, person, evidence, severity, message: `${person}：${message}` });
}

function isFullOn(m: MemberFact, day: IsoDate): boolean {
  return m.status === '正式党员' && (m.confirmedOn === null || m.confirmedOn <= day);
}

/** Steps recorded after `key` in the procedure: the record has moved on without it. */
function laterStepRecorded(d: DevelopmentFact['dates'], key: StepKey): boolean {
  const order: StepKey[] = ['appliedOn', 'interviewedOn', 'activistOn', 'candidateOn', 'preReviewOn', 'branchMeetingOn', 'approvedOn', 'oathOn', 'conversionMeetingOn', 'conversionApprovedOn'];
  const i = order.indexOf(key);
  return i >= 0 && order.slice(i + 1).some((k) => !!d[k]);
}
