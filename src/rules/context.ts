/**
 * What a family of rules receives: the facts, the period and the day judged, the rules in force with this
 * deployment's settings, and where to put what it finds.
 */
import { addMonths, type IsoDate } from '../shared/dates.js';
import { BRANCH_KINDS, isOneOf, type OrgKind } from '../shared/vocab.js';
import type { Facts, OrgFact } from './facts.js';
import { daysFrom, type Period, type Unit } from '../shared/period.js';
import type { RuleSettings } from './settings.js';
import type { Check, Evidence, Finding, FindingStatus, RuleDef, RuleSet, Severity } from './types.js';

export interface ActiveRule {
  rule: RuleDef;
  set: RuleSet;
}

export interface FindingInput {
  org: OrgFact;
  period: string;
  status: FindingStatus;
  message: string;
  dueOn?: IsoDate | null;
  person?: string | null;
  evidence: Evidence;
  /** Something can still be done (a step to take, a meeting still to hold); false once the chance has passed. */
  open: boolean;
  severity?: Severity;
}

export type RuleFinding = Finding & { open: boolean };

export class RuleContext {
  readonly checks: Check[] = [];
  readonly findings: RuleFinding[] = [];
  private readonly groupsOf = new Map<number, number>();

  constructor(
    readonly facts: Facts,
    readonly period: Period,
    /** The day judged: the period's end, or today when the period is still running. */
    readonly asOf: IsoDate,
    readonly today: IsoDate,
    readonly settings: RuleSettings,
    /** Every line's versions, newest effective first, with this deployment's switches and parameters applied. */
    private readonly lines: Map<string, { from: IsoDate | null; set: RuleSet }[]>,
    private readonly dueDaysOverride?: number,
  ) {
    for (const o of facts.orgs) if (o.kind === '党小组' && o.parentId !== null) this.groupsOf.set(o.parentId, (this.groupsOf.get(o.parentId) ?? 0) + 1);
  }

  get dueDays(): number {
    return this.dueDaysOverride ?? this.settings.int('due.days');
  }

  /** The rules of every line but the versioned development line, in force today. */
  current(family?: string): ActiveRule[] {
    const out: ActiveRule[] = [];
    for (const versions of this.lines.values()) {
      const v = versions[0];
      if (!v) continue;
      for (const rule of v.set.rules) if (!family || rule.family === family) out.push({ rule, set: v.set });
    }
    return out;
  }

  /** The version of a rule in force on a day (the newest whose effective date is on or before it). */
  versionOn(line: string, ruleId: string, on: IsoDate): ActiveRule | null {
    const versions = this.lines.get(line) ?? [];
    const v = versions.find((x) => x.from === null || x.from <= on) ?? versions.at(-1);
    const rule = v?.set.rules.find((r) => r.id === ruleId);
    return v && rule ? { rule, set: v.set } : null;
  }

  /** Rule ids of a line, across its versions. */
  idsOf(line: string): string[] {
    const ids = new Set<string>();
    for (const v of this.lines.get(line) ?? []) for (const r of v.set.rules) ids.add(r.id);
    return [...ids];
  }

  applies(rule: RuleDef, org: OrgFact): boolean {
    const a = rule.appliesTo;
    if (!isOneOf(a.kinds as readonly OrgKind[], org.kind)) return false;
    if (a.temporary === 'excluded' && org.kind === '临时党支部') return false;
    if (a.committee && !(org.committeeSize && org.committeeSize > 0)) return false;
    if (a.leadingBody && org.depth > this.settings.int('leadership.maxDepth')) return false;
    return true;
  }

  /** Whether the organization existed long enough to owe a unit: by its first day (a month), else by its last month or quarter. */
  owes(org: OrgFact, unit: Unit, every: string): boolean {
    if (!org.establishedOn) return true;
    const owedFrom = every === 'month' ? unit.start : every === 'quarter' ? addMonths(unit.start, 2) : addMonths(unit.end.slice(0, 8) + '01', -2);
    return org.establishedOn <= owedFrom;
  }

  existsOn(org: OrgFact, day: IsoDate): boolean {
    return !org.establishedOn || org.establishedOn <= day;
  }

  isBranch(org: OrgFact): boolean {
    return isOneOf(BRANCH_KINDS, org.kind);
  }

  inPeriod(day: IsoDate): boolean {
    return day >= this.period.start && day <= this.period.end;
  }

  /** Days from the day judged to `day`: how soon something falls due. */
  daysUntil(day: IsoDate): number {
    return daysFrom(this.asOf, day);
  }

  check(org: OrgFact, rule: RuleDef, result: Check['result']): void {
    this.checks.push({ orgId: org.id, rule: rule.id, family: rule.family, result });
  }

  find(active: ActiveRule, f: FindingInput): void {
    const { rule, set } = active;
    const severity: Severity = f.severity ?? (rule.enforcement === 'interval' ? 'block' : 'warn');
    this.findings.push({
      org: f.org.code,
      orgName: f.org.name,
      period: f.period,
      rule: rule.id,
      ruleSet: set.id,
      family: rule.family,
      status: f.status,
      severity,
      citation: citationText(rule),
      certainty: rule.citation.certainty,
      message: f.message,
      dueOn: f.dueOn ?? null,
      person: f.person ?? null,
      evidence: f.evidence,
      open: f.open,
    });
  }
}

/** 《…》第十一条; an article number we could not confirm is marked as such. */
export function citationText(rule: RuleDef): string {
  const c = rule.citation;
  // A central text whose parameter here is local practice (党课 each quarter) says so.
  const local = c.certainty === 'local' && c.regulation.startsWith('《') ? '（具体要求为地方做法）' : '';
  if (!c.article) return c.certainty === 'unverified' ? `${c.regulation}（条目编号未核实）` : `${c.regulation}${local}`;
  const unsure = c.certainty === 'unverified' || c.articleCertainty === 'recollection' || c.articleCertainty === 'unverified';
  return `${c.regulation}${c.article}${unsure ? '（条目编号待核实）' : ''}${local}`;
}
