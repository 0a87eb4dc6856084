/**
 * The monthly monitoring notice (监测通报) for any level: for every organization in the subtree, the compliance rate
 * of each family of rules over its own subtree (a branch's 党小组 count with it), a red/yellow/green status, its
 * rank among peers (same level, branches with branches, committees with committees) and what it has overdue.
 */
import type { Ctx } from '../context.js';
import { BRANCH_KINDS, isOneOf, type OrgKind } from '../shared/vocab.js';
import type { RuleFinding } from './context.js';
import { evaluateRules, type Evaluation } from './evaluate.js';
import type { OrgFact } from './facts.js';
import { CERTAINTY_LABELS, FAMILIES, FAMILY_LABELS, type Family, type FindingStatus } from './types.js';

export type Light = 'green' | 'yellow' | 'red';
export const LIGHT_LABELS: Record<Light, string> = { green: '绿', yellow: '黄', red: '红' };

export interface Rate {
  met: number;
  failed: number;
  /** met / (met + failed), 0–1 (for the overall rate, the mean of the families' rates); null when nothing was due. */
  rate: number | null;
}

export interface NoticeRow {
  org: string;
  name: string;
  kind: string;
  parent: string | null;
  /** 0 for the organization the notice is about, 1 for those directly under it, … */
  level: number;
  families: Record<Family, Rate>;
  overall: Rate;
  status: Light | null;
  rank: number | null;
  /** How many are ranked in the peer group. */
  peers: number;
  /** The organization's own findings (and its 党小组's) that are missed, overdue or violations. */
  problems: RuleFinding[];
}

export interface Notice {
  org: string;
  orgName: string;
  period: string;
  periodTitle: string;
  asOf: string;
  thresholds: { greenAt: number; redBelow: number };
  ruleSets: { id: string; title: string; certainty: string; note: string | null }[];
  summary: {
    organizations: number;
    byStatus: Record<Light, number>;
    findings: Record<FindingStatus, number>;
    families: Record<Family, Rate>;
    overall: Rate;
  };
  rows: NoticeRow[];
  findings: RuleFinding[];
}

export async function buildNotice(ctx: Ctx, opts: { orgCode?: string | undefined; period: string }): Promise<Notice> {
  return noticeOf(await evaluateRules(ctx, opts));
}

export function noticeOf(e: Evaluation): Notice {
  const { greenAt, redBelow } = thresholdsOf(e);
  const rated = rateRows(e, greenAt, redBelow);
  const ownerOf = (o: OrgFact) => (o.kind === '党小组' && o.parentId !== null ? o.parentId : o.id);
  const problems = new Map<number, RuleFinding[]>();
  const byCode = new Map(e.facts.orgs.map((o) => [o.code, o]));
  for (const f of e.findings) {
    if (f.status === 'upcoming') continue;
    const owner = ownerOf(byCode.get(f.org)!);
    const list = problems.get(owner);
    if (list) list.push(f);
    else problems.set(owner, [f]);
  }
  const rootDepth = e.root.depth;
  const rows: NoticeRow[] = rated.map(({ org: o, families, overall, status }) => {
    const parent = o.parentId !== null ? e.facts.byId.get(o.parentId) : undefined;
    return {
      org: o.code, name: o.name, kind: o.kind, parent: parent && o.id !== e.root.id ? parent.code : null, level: o.depth - rootDepth,
      families, overall, status, rank: null, peers: 0, problems: problems.get(o.id) ?? [],
    };
  });
  rank(rows);
  const rootRow = rows[0]!;
  const findings: Record<FindingStatus, number> = { violation: 0, overdue: 0, missed: 0, upcoming: 0 };
  for (const f of e.findings) findings[f.status]++;
  return {
    org: e.root.code, orgName: e.root.name, period: e.period.label, periodTitle: e.period.title, asOf: e.asOf,
    thresholds: { greenAt: greenAt * 100, redBelow: redBelow * 100 },
    ruleSets: e.ruleSets.map((s) => ({ id: s.id, title: s.title, certainty: CERTAINTY_LABELS[s.certainty], note: s.note ?? null })),
    summary: { organizations: rows.length, byStatus: countLights(rows), findings, families: rootRow.families, overall: rootRow.overall },
    rows,
    findings: e.findings,
  };
}

/** The thresholds of the lights as shares (0–1), from the settings notice.greenAt and notice.redBelow (percent). */
export function thresholdsOf(e: Pick<Evaluation, 'settings'>): { greenAt: number; redBelow: number } {
  return { greenAt: e.settings.int('notice.greenAt') / 100, redBelow: e.settings.int('notice.redBelow') / 100 };
}

export interface RatedOrg {
  org: OrgFact;
  families: Record<Family, Rate>;
  overall: Rate;
  status: Light | null;
}

/**
 * Every organization of the notice (党小组 count with their branch and get no row), in the facts' order (the root
 * first), with the rates of its own subtree and its light: all the notice's numbers come from here.
 */
export function rateRows(e: Pick<Evaluation, 'facts' | 'checks'>, greenAt: number, redBelow: number): RatedOrg[] {
  const rowOrgs = e.facts.orgs.filter((o) => o.kind !== '党小组');
  // Tally each check into its organization and every ancestor within the notice.
  const tallies = new Map<number, Record<Family, Rate>>(rowOrgs.map((o) => [o.id, emptyFamilies()]));
  const pathIds = new Map<number, number[]>();
  for (const c of e.checks) {
    if (c.result === 'pending') continue;
    let ids = pathIds.get(c.orgId);
    if (!ids) {
      const org = e.facts.byId.get(c.orgId);
      if (!org) continue;
      pathIds.set(c.orgId, (ids = ancestors(org)));
    }
    for (const id of ids) {
      const t = tallies.get(id);
      if (!t) continue;
      if (c.result === 'met') t[c.family].met++;
      else t[c.family].failed++;
    }
  }
  return rowOrgs.map((o) => {
    const families = tallies.get(o.id)!;
    for (const f of FAMILIES) families[f].rate = rateOf(families[f]);
    const overall = average(FAMILIES.map((f) => families[f]));
    return { org: o, families, overall, status: light(overall.rate, greenAt, redBelow) };
  });
}

export function countLights(rows: { status: Light | null }[]): Record<Light, number> {
  const byStatus: Record<Light, number> = { green: 0, yellow: 0, red: 0 };
  for (const r of rows) if (r.status) byStatus[r.status]++;
  return byStatus;
}

function ancestors(o: OrgFact): number[] {
  return o.path.split('/').filter(Boolean).map(Number);
}

function emptyFamilies(): Record<Family, Rate> {
  return Object.fromEntries(FAMILIES.map((f) => [f, { met: 0, failed: 0, rate: null }])) as Record<Family, Rate>;
}

function rateOf(r: { met: number; failed: number }): number | null {
  const total = r.met + r.failed;
  return total === 0 ? null : r.met / total;
}

/**
 * The overall rate is the mean of the families' rates, not the pooled share: a county has some 24,000 member checks
 * a month against a few thousand of everything else, and pooling would let them drown the rest. The counts are pooled.
 */
function average(rates: Rate[]): Rate {
  const met = rates.reduce((n, r) => n + r.met, 0);
  const failed = rates.reduce((n, r) => n + r.failed, 0);
  const known = rates.map((r) => r.rate).filter((r): r is number => r !== null);
  return { met, failed, rate: known.length ? known.reduce((a, b) => a + b, 0) / known.length : null };
}

function light(rate: number | null, greenAt: number, redBelow: number): Light | null {
  if (rate === null) return null;
  if (rate >= greenAt) return 'green';
  if (rate < redBelow) return 'red';
  return 'yellow';
}

/** Competition ranking (1, 2, 2, 4) by overall rate within each peer group: same level, branches apart from committees. */
function rank(rows: NoticeRow[]): void {
  const groups = new Map<string, NoticeRow[]>();
  for (const r of rows) {
    if (r.overall.rate === null || r.level === 0) continue;
    const key = `${r.level}|${isOneOf(BRANCH_KINDS, r.kind as OrgKind) ? 'branch' : 'committee'}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  for (const group of groups.values()) {
    group.sort((a, b) => b.overall.rate! - a.overall.rate! || b.overall.met + b.overall.failed - (a.overall.met + a.overall.failed));
    let prev: number | null = null;
    let prevRank = 0;
    group.forEach((r, i) => {
      r.rank = r.overall.rate === prev ? prevRank : i + 1;
      prev = r.overall.rate;
      prevRank = r.rank;
      r.peers = group.length;
    });
  }
}

export { FAMILY_LABELS };
