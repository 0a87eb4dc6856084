/**
 * Supervision: tasks kept to their deadlines, problems rectified within their time limits, disclosures published
 * as the catalogue's cadence requires and reviewed promptly.
 *
 * Tasks and problems follow the dated steps of the development family: one done in the period is judged there (late:
 * "overdue", closed); one still open after its deadline is overdue in every period until it is done; one coming due
 * within the configured days is "upcoming". A problem counts as rectified on its rectification day (整改完成, before
 * the superior's acceptance and close-out, 验收销号) once it awaits acceptance or is closed; a re-opened problem
 * (重新整改) is open again.
 *
 * Disclosures: each organization an active catalogue item reaches owes one disclosure per unit of the item's cadence
 * (每月, 每季度, 每半年, 每年; 随时 items are not scheduled), labelled with the unit (2026-03, 2026Q1, 2026H1, 2026) and
 * published within the grace days after the unit ends. A unit is judged in the period that holds that deadline. The
 * item reaches the 公开主体 of its subtree whose sector matches the item's (when it names one; see disclosingOrgs), and
 * only for units that begin on or after the day the item came into use there — it entered the catalogue, or the
 * earliest period the organization recorded a disclosure of it for (a catalogue installed this year is not held
 * against last year, unless last year's disclosures were recorded under it) — and once the organization was set up. A disclosure proposed and not
 * reviewed within the review days is overdue.
 */
import { addDays, type IsoDate } from '../../shared/dates.js';
import { isInSubtree } from '../../modules/orgs/tree.js';
import { daysFrom, parsePeriod, unitsEndingIn, type Every, type Unit } from '../../shared/period.js';
import { CADENCE_EVERY, isDiscloser } from '../../modules/disclosures/disclosure-rules.js';
import { DISCLOSURE_CITATIONS } from '../catalog/supervision.js';
import type { ActiveRule, RuleContext } from '../context.js';
import type { DisclosureFact, DisclosureItemFact, OrgFact, ProblemFact, TaskFact } from '../facts.js';
import type { Evidence, EvidenceRecord, FindingStatus, RuleDef, Severity } from '../types.js';


export function evaluateSupervision(rc: RuleContext): void {
  for (const active of rc.current('supervision')) {
    if (!rc.settings.enabled(active.rule)) continue;
    const rule = rc.settings.apply(active.rule);
    const a: ActiveRule = { ...active, rule };
    switch (rule.requirement.type) {
      case 'task-deadline':
        for (const t of rc.facts.tasks) tasks(rc, a, t);
        break;
      case 'rectification-deadline':
        for (const p of rc.facts.problems) problems(rc, a, p);
        break;
      case 'disclosure-cadence':
        disclosures(rc, a, rule.requirement.graceDays, rule.requirement.reviewDays);
        break;
      default:
        break;
    }
  }
}

export function taskRecord(t: TaskFact): EvidenceRecord {
  return { type: 'task', id: t.id, summary: `任务“${t.title}”（责任人${t.ownerName}，期限${t.deadline}，${t.status}）` };
}

export function problemRecord(p: ProblemFact): EvidenceRecord {
  return { type: 'problem', id: p.id, summary: `${p.source}发现问题：${clip(p.description)}（责任人${p.ownerName}，整改时限${p.deadline}，${p.status}）` };
}

function tasks(rc: RuleContext, a: ActiveRule, t: TaskFact): void {
  const org = rc.facts.byId.get(t.orgId);
  if (!org || !rc.applies(a.rule, org)) return;
  const done = t.status === '已完成' ? t.completedOn : null;
  // Completed with no day recorded: nothing to judge.
  if (t.status === '已完成' && !done) return;
  const evidence: Evidence = {
    records: [taskRecord(t)],
    facts: { 任务: t.title, 责任人: t.ownerName, 开始日期: t.startOn, 期限: t.deadline, 完成日期: done && done <= rc.asOf ? done : null, 状态: t.status },
  };
  deadline(rc, a, org, t.ownerName, { due: t.deadline, done, from: t.startOn, evidence, what: `任务“${t.title}”`, doneVerb: '完成', openVerb: '完成' });
}

function problems(rc: RuleContext, a: ActiveRule, p: ProblemFact): void {
  const org = rc.facts.byId.get(p.orgId);
  if (!org || !rc.applies(a.rule, org)) return;
  const rectified = p.status === '待验收' || p.status === '已销号';
  const done = rectified ? (p.rectifiedOn ?? p.closedOn ?? (p.lastEvent && p.lastEvent.toStatus === p.status ? p.lastEvent.happenedOn : null)) : null;
  if (rectified && !done) return;
  const records: EvidenceRecord[] = [problemRecord(p)];
  if (p.lastEvent) records.push({ type: 'problem-event', id: p.lastEvent.id, summary: `${p.lastEvent.happenedOn} ${p.lastEvent.action}（${p.lastEvent.toStatus}）` });
  const evidence: Evidence = {
    records,
    facts: {
      问题来源: p.source, 问题类别: p.category, 责任人: p.ownerName, 发现日期: p.foundOn, 整改时限: p.deadline,
      整改完成日期: done && done <= rc.asOf ? done : null, 状态: p.status, 是否重新整改: p.reopened ? '是' : '否',
    },
  };
  deadline(rc, a, org, p.ownerName, { due: p.deadline, done, from: p.foundOn, evidence, what: `${p.source}发现的问题“${clip(p.description)}”`, doneVerb: '整改完成', openVerb: '完成整改' });
}

/** Like the development steps' deadlines: done in the period (on time or late), or open (overdue, coming due). */
function deadline(
  rc: RuleContext,
  a: ActiveRule,
  org: OrgFact,
  person: string,
  x: { due: IsoDate; done: IsoDate | null; from: IsoDate; evidence: Evidence; what: string; doneVerb: string; openVerb: string },
): void {
  const { due, done } = x;
  if (done && done <= rc.asOf) {
    if (!rc.inPeriod(done)) return;
    const ok = done <= due;
    rc.check(org, a.rule, ok ? 'met' : 'failed');
    if (!ok) emit(rc, a, org, person, 'overdue', done, due, false, x.evidence, `${x.what}于${done}${x.doneVerb}，超过期限${due}（逾期${daysFrom(due, done)}天）`);
    return;
  }
  if (x.from > rc.asOf) return;
  if (due < rc.asOf) {
    rc.check(org, a.rule, 'failed');
    emit(rc, a, org, person, 'overdue', due, due, true, x.evidence, `${x.what}应于${due}前${x.openVerb}，截至${rc.asOf}已逾期${daysFrom(due, rc.asOf)}天`);
  } else {
    rc.check(org, a.rule, 'pending');
    if (rc.daysUntil(due) <= rc.dueDays) emit(rc, a, org, person, 'upcoming', due, due, true, x.evidence, `${x.what}应于${due}前${x.openVerb}`);
  }
}

function emit(rc: RuleContext, a: ActiveRule, org: OrgFact, person: string, status: FindingStatus, on: IsoDate, dueOn: IsoDate, open: boolean, evidence: Evidence, message: string, severity: Severity = 'warn'): void {
  rc.find(a, { org, period: on.slice(0, 7), status, dueOn, open, person, evidence, severity, message: `${person}：${message}` });
}

function disclosures(rc: RuleContext, active: ActiveRule, graceDays: number, reviewDays: number): void {
  const { rule } = active;
  // Units whose deadline falls in the period; while the period runs, those coming due just after it too.
  const horizon = rc.today <= rc.period.end ? addDays(rc.asOf, rc.dueDays) : rc.period.end;
  const to = horizon > rc.period.end ? horizon : rc.period.end;
  const unitsOf = new Map<Every, Unit[]>();
  const units = (every: Every) => {
    let u = unitsOf.get(every);
    if (!u) unitsOf.set(every, (u = unitsEndingIn(every, addDays(rc.period.start, -graceDays), addDays(to, -graceDays))));
    return u;
  };
  for (const item of rc.facts.disclosureItems) {
    const cited: ActiveRule = { ...active, rule: { ...rule, citation: DISCLOSURE_CITATIONS[item.category] ?? rule.citation } };
    const every = CADENCE_EVERY[item.cadence];
    const byOrgLabel = new Map<string, DisclosureFact[]>();
    for (const d of item.disclosures) {
      const key = `${d.orgId}|${d.periodLabel.trim().toUpperCase()}`;
      byOrgLabel.set(key, [...(byOrgLabel.get(key) ?? []), d]);
    }
    const reached = every ? disclosingOrgs(rc, item, rule) : [];
    for (const org of reached) {
      const since = inUseFrom(item, org.id);
      for (const unit of units(every!)) {
        const due = addDays(unit.end, graceDays);
        if (unit.start < since || !rc.owes(org, unit, every!)) continue;
        const made = byOrgLabel.get(`${org.id}|${unit.label}`) ?? [];
        const published = made.map((d) => d.publishedOn).filter((d): d is string => !!d && d <= rc.asOf).sort()[0] ?? null;
        const first = made.find((d) => d.publishedOn === published) ?? made[0];
        const evidence: Evidence = {
          records: [
            { type: 'disclosure-item', id: item.id, summary: `公开目录：${item.category}公开“${item.name}”（${item.cadence}）` },
            ...(first ? [{ type: 'disclosure' as const, id: first.id, summary: `${unit.title}的公开（提出${first.proposedOn}${first.publishedOn ? `，公布${first.publishedOn}` : '，尚未公布'}）` }] : []),
          ],
          facts: { 公开事项: item.name, 公开类别: item.category, 公开频次: item.cadence, 期间: unit.label, 期间结束: unit.end, 公布期限: due, 公布日期: published },
          searched: `${org.name}对“${item.name}”${unit.title}（${unit.label}）的公开记录`,
        };
        const what = `${item.category}公开“${item.name}”${unit.title}`;
        if (published) {
          const ok = published <= due;
          rc.check(org, rule, ok ? 'met' : 'failed');
          if (!ok) rc.find(cited, { org, period: unit.label, status: 'overdue', dueOn: due, open: false, evidence, message: `${what}于${published}公布，超过公布期限${due}（期末后${graceDays}天内）` });
        } else if (due < rc.asOf) {
          rc.check(org, rule, 'failed');
          rc.find(cited, { org, period: unit.label, status: 'missed', dueOn: due, open: true, evidence, message: `${what}未按期公开（应于${due}前公布，截至${rc.asOf}${made.length ? '已提出但尚未公布' : '无公开记录'}）` });
        } else {
          rc.check(org, rule, 'pending');
          if (rc.daysUntil(due) <= rc.dueDays) rc.find(cited, { org, period: unit.label, status: 'upcoming', dueOn: due, open: true, evidence, message: `${what}应于${due}前公布` });
        }
      }
    }
    // Every disclosure made (随时 items too): reviewed within the review days of its proposal.
    for (const d of item.disclosures) {
      const org = rc.facts.byId.get(d.orgId);
      if (!org) continue;
      review(rc, cited, org, item, d, reviewDays);
    }
  }
}

function review(rc: RuleContext, a: ActiveRule, org: OrgFact, item: DisclosureItemFact, d: DisclosureFact, reviewDays: number): void {
  const due = addDays(d.proposedOn, reviewDays);
  const reviewedOn = d.reviewedOn && d.reviewedOn <= rc.asOf ? d.reviewedOn : null;
  const publishedOn = d.publishedOn && d.publishedOn <= rc.asOf ? d.publishedOn : null;
  const evidence: Evidence = {
    records: [
      { type: 'disclosure', id: d.id, summary: `${item.category}公开“${item.name}”（${d.periodLabel}，提出${d.proposedOn}）` },
      { type: 'disclosure-item', id: item.id, summary: `公开目录：${item.category}公开“${item.name}”（${item.cadence}）` },
    ],
    facts: { 公开事项: item.name, 期间: d.periodLabel, 提出日期: d.proposedOn, 审核期限: due, 审核日期: reviewedOn, 公布日期: publishedOn },
  };
  const what = `${item.category}公开“${item.name}”（${d.periodLabel}）`;
  if (reviewedOn) {
    if (!rc.inPeriod(reviewedOn)) return;
    const ok = reviewedOn <= due;
    rc.check(org, a.rule, ok ? 'met' : 'failed');
    if (!ok) rc.find(a, { org, period: reviewedOn.slice(0, 7), status: 'overdue', dueOn: due, open: false, evidence, message: `${what}于${d.proposedOn}提出，${reviewedOn}才审核，超过${reviewDays}天` });
    return;
  }
  // Published without a review recorded: the procedure went on; nothing is waiting.
  if (publishedOn) return;
  if (due < rc.asOf) {
    rc.check(org, a.rule, 'failed');
    rc.find(a, { org, period: due.slice(0, 7), status: 'overdue', dueOn: due, open: true, evidence, message: `${what}于${d.proposedOn}提出，超过${reviewDays}天尚未审核（截至${rc.asOf}）` });
  } else {
    rc.check(org, a.rule, 'pending');
    if (rc.daysUntil(due) <= rc.dueDays) rc.find(a, { org, period: due.slice(0, 7), status: 'upcoming', dueOn: due, open: true, evidence, message: `${what}于${d.proposedOn}提出，应于${due}前完成审核` });
  }
}

/**
 * The organizations an item reaches (as the disclosure ledger decides them, src/modules/disclosures): in its subtree,
 * of the item's sector when it names one, the 公开主体 — a 党总支, 党支部 or 联合党支部, but not a 党支部 under a 党总支
 * (the 总支 discloses for the village) — and any other organization that has recorded a disclosure of the item.
 */
function disclosingOrgs(rc: RuleContext, item: DisclosureItemFact, rule: RuleDef): OrgFact[] {
  const above = new Map(rc.facts.ancestors.map((o) => [o.id, o]));
  const kindOf = (id: number | null) => (id === null ? null : (rc.facts.byId.get(id) ?? above.get(id))?.kind ?? null);
  const recorded = new Set(item.disclosures.map((d) => d.orgId));
  return rc.facts.orgs.filter(
    (o) =>
      isInSubtree(item.orgPath, o.path) &&
      (!item.sector || o.sector === item.sector) &&
      ((rc.applies(rule, o) && isDiscloser(o.kind, kindOf(o.parentId))) || recorded.has(o.id)),
  );
}

/**
 * The day an organization owes an item from: the day the item entered the catalogue, or the start of the earliest
 * period the organization recorded a disclosure of it for (its history entered after the catalogue was: it was
 * disclosing the item before it was typed in). Its own records only, so the answer does not depend on the scope.
 */
function inUseFrom(item: DisclosureItemFact, orgId: number): IsoDate {
  let from = item.createdOn;
  for (const d of item.disclosures) {
    if (d.orgId !== orgId) continue;
    let start = d.proposedOn;
    try {
      start = parsePeriod(d.periodLabel).start;
    } catch {
      // a 随时 item's date, or a label in another form: the day it was proposed
    }
    if (start < from) from = start;
  }
  return from;
}

function clip(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
