/**
 * Evaluates every rule in force for an organization's subtree and a period: checks (for compliance rates) and
 * findings, each naming the organization, the rule, its citation and the evidence. The facts come from a fixed
 * number of grouped queries (facts.ts); everything else is computed in memory.
 */
import type { Ctx } from '../context.js';
import type { IsoDate } from '../shared/dates.js';
import { AppError } from '../shared/errors.js';
import { accessOf } from '../modules/access/actor.js';
import { getOrgRow } from '../modules/orgs/find-orgs.js';
import { RULE_SETS } from './catalog/index.js';
import { RuleContext, type RuleFinding } from './context.js';
import { loadFacts, type Facts, type OrgFact, type SharedRows } from './facts.js';
import { evaluateDevelopment } from './families/development.js';
import { evaluateDues } from './families/dues.js';
import { evaluateEducation } from './families/education.js';
import { evaluateMembers } from './families/members.js';
import { evaluateOrgLife } from './families/org-life.js';
import { evaluateOrgSetup } from './families/org-setup.js';
import { evaluateSupervision } from './families/supervision.js';
import { parsePeriod, type Period } from '../shared/period.js';
import { loadRuleSettings, type RuleSettings } from './settings.js';
import { FAMILIES, type Check, type FindingStatus, type RuleSet } from './types.js';

export interface Evaluation {
  root: OrgFact;
  period: Period;
  asOf: IsoDate;
  today: IsoDate;
  ruleSets: RuleSet[];
  settings: RuleSettings;
  facts: Facts;
  checks: Check[];
  findings: RuleFinding[];
}

const STATUS_ORDER: Record<FindingStatus, number> = { violation: 0, overdue: 1, missed: 2, upcoming: 3 };

/** The organization a query is about: the code given, or the top of what the caller may see. */
export async function resolveRootPath(ctx: Ctx, orgCode: string | undefined): Promise<string> {
  if (orgCode) return (await getOrgRow(ctx, orgCode, 'org')).path;
  const root = accessOf(ctx.actor).readRoot;
  if (root) return root;
  const top = await ctx.db.selectFrom('organizations').select('path').where('parent_id', 'is', null).orderBy('path').executeTakeFirst();
  if (!top) {
    const message = '尚无任何组织，请先导入或创建组织';
    throw new AppError('ORG_NOT_FOUND', message, [{ code: 'ORG_NOT_FOUND', field: 'org', message }]);
  }
  return top.path;
}

/** The day a period is judged on: its last day, or today while it is still running. */
export function asOfFor(period: Period, today: IsoDate): IsoDate {
  return period.end < today ? period.end : today;
}

/** `shared`: rows read once for several periods of the same root (loadSharedRows, for the trend). */
export async function evaluateRules(
  ctx: Ctx,
  opts: { orgCode?: string | undefined; period: string | Period; dueDays?: number | undefined; shared?: SharedRows | undefined },
): Promise<Evaluation> {
  const period = typeof opts.period === 'string' ? parsePeriod(opts.period) : opts.period;
  const rootPath = await resolveRootPath(ctx, opts.orgCode);
  const today = ctx.clock.today();
  const asOf = asOfFor(period, today);
  const settings = await loadRuleSettings(ctx);
  const facts = await loadFacts(ctx, rootPath, { from: period.start, to: period.end }, asOf, opts.shared);
  const lines = ruleLines(settings);
  const rc = new RuleContext(facts, period, asOf, today, settings, lines, opts.dueDays);
  if (period.start <= asOf) {
    evaluateOrgLife(rc);
    evaluateOrgSetup(rc);
    evaluateDevelopment(rc);
    evaluateMembers(rc);
    evaluateDues(rc);
    evaluateEducation(rc);
    evaluateSupervision(rc);
  }
  const order = new Map(facts.orgs.map((o, i) => [o.code, i]));
  rc.findings.sort((a, b) => (order.get(a.org)! - order.get(b.org)!) || STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || FAMILIES.indexOf(a.family) - FAMILIES.indexOf(b.family) || a.rule.localeCompare(b.rule) || (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
  const used = new Set([...lines.values()].flatMap((vs) => vs.map((v) => v.set.id)));
  return { root: facts.root, period, asOf, today, ruleSets: RULE_SETS.filter((s) => used.has(s.id)), settings, facts, checks: rc.checks, findings: rc.findings };
}

/** Each line's versions, newest first, with the effective dates this deployment set (the 2026 revision). */
export function ruleLines(settings: RuleSettings): Map<string, { from: IsoDate | null; set: RuleSet }[]> {
  const lines = new Map<string, { from: IsoDate | null; set: RuleSet }[]>();
  for (const set of RULE_SETS) {
    const from = set.id === 'development-2026' ? (settings.get('development.revision2026From') as string) : set.effectiveFrom;
    lines.set(set.line, [...(lines.get(set.line) ?? []), { from, set }]);
  }
  for (const versions of lines.values()) versions.sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''));
  return lines;
}
