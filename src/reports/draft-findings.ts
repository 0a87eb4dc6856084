/**
 * The problems and plans a report drafts from the rule engine's findings for the period, for the writer to edit: the
 * rules most often not carried out (by how many organizations), each with its citation, and for each a plan; overdue
 * rectification and overdue tasks are always among them when there are any.
 * Findings still open only: missed, overdue and violations — not the upcoming ones.
 */
import type { Evaluation } from '../rules/evaluate.js';

/** At most this many problems (and plans) are drafted from the most frequently missed rules … */
export const MAX_DRAFTED = 5;
/** … plus these, whenever they have findings: overdue rectification and overdue tasks are named in every report. */
const ALWAYS = ['rectification.overdue', 'tasks.overdue'];

export function draftFromFindings(e: Evaluation): { problems: string[]; plans: string[] } {
  const titles = new Map<string, string>();
  for (const set of e.ruleSets) for (const r of set.rules) titles.set(r.id, r.title);
  const byRule = new Map<string, { rule: string; citation: string; orgs: Set<string>; count: number; people: Set<string> }>();
  for (const f of e.findings) {
    if (f.status === 'upcoming') continue;
    const entry = byRule.get(f.rule) ?? { rule: f.rule, citation: f.citation, orgs: new Set<string>(), count: 0, people: new Set<string>() };
    entry.orgs.add(f.org);
    entry.count++;
    if (f.person) entry.people.add(`${f.org}:${f.person}`);
    byRule.set(f.rule, entry);
  }
  const ranked = [...byRule.values()].sort((a, b) => b.orgs.size - a.orgs.size || b.count - a.count || a.rule.localeCompare(b.rule));
  const top = ranked.slice(0, MAX_DRAFTED);
  for (const rule of ALWAYS) {
    const entry = byRule.get(rule);
    if (entry && !top.includes(entry)) top.push(entry);
  }
  // The catalog's notes on its own certainty (（条目编号待核实）, （具体要求为地方做法）) are for the rules page, not a report.
  const cite = (c: string) => c.replace(/（[^（）]*(?:待核实|未核实|地方做法|凭记忆)[^（）]*）/g, '');
  const problems = top.map((t) => {
    const title = titles.get(t.rule) ?? t.rule;
    const who =
      t.rule === 'rectification.overdue'
        ? `共${t.count}个问题逾期未完成整改`
        : t.rule === 'tasks.overdue'
          ? `共${t.count}项任务逾期未完成`
          : t.people.size > 0
            ? `涉及${t.people.size}人次`
            : `共${t.count}处`;
    return `在“${title}”方面还有差距。经系统核查，${e.period.title}有${t.orgs.size}个党组织存在未落实或不符合规定的情形，${who}（依据${cite(t.citation)}）。`;
  });
  const plans = top.map((t) => {
    const title = titles.get(t.rule) ?? t.rule;
    return `对照“${title}”的要求，督促${t.orgs.size}个相关党组织逐项整改到位，纳入每月监测通报跟踪问效。`;
  });
  return { problems, plans };
}
