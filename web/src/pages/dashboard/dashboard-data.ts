/**
 * The dashboard's arithmetic, kept apart from the components so it can be tested without a browser: periods (the
 * selector's kinds, the last complete month, the months of the trend), short organization names for charts, the
 * compliance of the subtree by sector, and what the branches of a township owe this month.
 */
import type { ComplianceTrend, Family, Light, NoticeRow, Rate, RuleFinding } from '../../lib/types';
import type { TrendPoint } from './charts';

export const FAMILY_KEYS: Family[] = ['org-life', 'org-setup', 'development', 'members', 'supervision'];
export const FAMILY_NAMES: Record<Family, string> = {
  'org-life': '组织生活',
  'org-setup': '组织设置与换届',
  development: '发展党员',
  members: '党员管理',
  supervision: '督办整改与公开',
};

export const LIGHT_TEXT: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯' };
export const LIGHT_COLOR: Record<Light, string> = { red: '#cf1322', yellow: '#d48806', green: '#389e0d' };
export const LIGHT_ORDER: Light[] = ['red', 'yellow', 'green'];

export const STATUS_TEXT: Record<RuleFinding['status'], string> = { missed: '未落实', overdue: '已逾期', upcoming: '即将到期', violation: '违规' };

// ── Periods ─────────────────────────────────────────────────────────────────────────────────────────────────────

export type PeriodKind = 'month' | 'quarter' | 'year';

/** The kind of a period label: 2026-03, 2026Q1, 2026. */
export function periodKind(label: string): PeriodKind {
  if (/^\d{4}-\d{2}$/.test(label)) return 'month';
  if (/^\d{4}Q[1-4]$/.test(label)) return 'quarter';
  return 'year';
}

/** A period as people read it: 2026年3月, 2026年第一季度, 2026年. */
export function periodTitle(label: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m) return `${Number(m[1])}年${Number(m[2])}月`;
  const q = /^(\d{4})Q([1-4])$/.exec(label);
  if (q) return `${q[1]}年第${'一二三四'[Number(q[2]) - 1]}季度`;
  return /^\d{4}$/.test(label) ? `${label}年` : label;
}

/** The month before today's (YYYY-MM), the last one complete. */
export function lastCompleteMonth(today: string): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function addMonths(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The last month of a period (2026Q2 → 2026-06, 2026 → 2026-12). */
export function lastMonthOf(label: string): string {
  const kind = periodKind(label);
  if (kind === 'month') return label;
  const year = label.slice(0, 4);
  if (kind === 'quarter') return `${year}-${String(Number(label.slice(5)) * 3).padStart(2, '0')}`;
  return `${year}-12`;
}

/**
 * The months of the trend: `count` months ending with the period's last month, or with the last complete month when
 * the period runs past it (a year still running ends its trend last month).
 */
export function trendMonths(period: string, today: string, count = 6): string[] {
  const last = lastMonthOf(period);
  const complete = lastCompleteMonth(today);
  const end = last > complete ? complete : last;
  return Array.from({ length: count }, (_, i) => addMonths(end, i - count + 1));
}

/**
 * The trend's points in the order of `months`, from GET /api/checks/trend; null when the answer is for other months
 * (an earlier window still on screen while the new one loads).
 */
export function trendPoints(trend: ComplianceTrend, months: string[]): TrendPoint[] | null {
  const byMonth = new Map(trend.points.map((p) => [p.period, p]));
  const points: TrendPoint[] = [];
  for (const month of months) {
    const p = byMonth.get(month);
    if (!p) return null;
    points.push({ month, overall: p.overall.rate, families: Object.fromEntries(FAMILY_KEYS.map((f) => [f, p.families[f].rate])) as TrendPoint['families'] });
  }
  return points;
}

/** The same period in another kind, anchored on its last month (month → quarter → year, and back). */
export function convertPeriod(label: string, kind: PeriodKind, today: string): string {
  const month = (() => {
    const last = lastMonthOf(label);
    const complete = lastCompleteMonth(today);
    return last > complete && kind === 'month' ? complete : last;
  })();
  const year = month.slice(0, 4);
  if (kind === 'month') return month;
  if (kind === 'quarter') return `${year}Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
  return year;
}

// ── Names ───────────────────────────────────────────────────────────────────────────────────────────────────────

const SUFFIXES = ['工作委员会', '委员会'];

/**
 * A short name for a chart's axis: without 中共, the part shared with the parent's name, and the closing 委员会
 * (中共青禾县城关镇委员会 under 中共青禾县委员会 → 城关镇). The full name goes in the tooltip.
 */
export function shortName(name: string, parentName?: string | null): string {
  const strip = (s: string) => s.replace(/^中共/, '');
  let s = strip(name);
  if (parentName) {
    const p = strip(parentName);
    let i = 0;
    while (i < s.length && i < p.length && s[i] === p[i]) i++;
    if (i > 0 && i < s.length) s = s.slice(i);
  }
  for (const suffix of SUFFIXES) {
    if (s.endsWith(suffix) && s.length > suffix.length) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  return s || name;
}

// ── Compliance ──────────────────────────────────────────────────────────────────────────────────────────────────

/** The rows of the organizations directly under the notice's organization. */
export function childRows(rows: NoticeRow[]): NoticeRow[] {
  return rows.filter((r) => r.level === 1);
}

export function lightCounts(rows: NoticeRow[]): Record<Light | 'none', number> {
  const out: Record<Light | 'none', number> = { red: 0, yellow: 0, green: 0, none: 0 };
  for (const r of rows) out[r.status ?? 'none']++;
  return out;
}

export interface SectorRate {
  sector: string;
  /** Basic-level organizations counted (those with no organization under them in the notice). */
  organizations: number;
  lights: Record<Light | 'none', number>;
  families: Record<Family, Rate>;
  overall: Rate;
}

function rateOf(met: number, failed: number): number | null {
  return met + failed === 0 ? null : met / (met + failed);
}

/**
 * Compliance by sector (单位类型): the organizations at the bottom of the notice (no row under them; a branch's 党小组
 * are already counted with it) grouped by their sector; each family's checks pooled, and the overall rate the mean
 * of the families' rates — the notice's own definition of the overall rate.
 */
export function sectorRates(rows: NoticeRow[], sectorOf: (code: string) => string | undefined): SectorRate[] {
  const parents = new Set(rows.map((r) => r.parent).filter((p): p is string => p !== null));
  const groups = new Map<string, SectorRate>();
  for (const r of rows) {
    if (r.level === 0 || parents.has(r.org)) continue;
    const sector = sectorOf(r.org) ?? '其他';
    let g = groups.get(sector);
    if (!g) {
      g = {
        sector,
        organizations: 0,
        lights: { red: 0, yellow: 0, green: 0, none: 0 },
        families: Object.fromEntries(FAMILY_KEYS.map((f) => [f, { met: 0, failed: 0, rate: null }])) as Record<Family, Rate>,
        overall: { met: 0, failed: 0, rate: null },
      };
      groups.set(sector, g);
    }
    g.organizations++;
    g.lights[r.status ?? 'none']++;
    for (const f of FAMILY_KEYS) {
      g.families[f].met += r.families[f].met;
      g.families[f].failed += r.families[f].failed;
    }
  }
  for (const g of groups.values()) {
    const known: number[] = [];
    for (const f of FAMILY_KEYS) {
      const fr = g.families[f];
      fr.rate = rateOf(fr.met, fr.failed);
      if (fr.rate !== null) known.push(fr.rate);
      g.overall.met += fr.met;
      g.overall.failed += fr.failed;
    }
    g.overall.rate = known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
  }
  return [...groups.values()].sort((a, b) => b.organizations - a.organizations || a.sector.localeCompare(b.sector, 'zh-CN'));
}

// ── What the branches owe this month ───────────────────────────────────────────────────────────────────────────

export interface BranchDue {
  org: string;
  orgName: string;
  items: RuleFinding[];
  counts: Record<RuleFinding['status'], number>;
}

/**
 * What is owed this month, by branch: everything still open that is overdue, missed or a violation, and what comes
 * due by the end of this month. A 党小组's items go to its branch (`ownerOf`). Branches with the most overdue first.
 */
export function dueByBranch(
  items: RuleFinding[],
  today: string,
  ownerOf: (code: string) => { org: string; orgName: string } | undefined,
): BranchDue[] {
  const monthEnd = `${today.slice(0, 7)}-31`;
  const groups = new Map<string, BranchDue>();
  for (const f of items) {
    if (f.status === 'upcoming' && (!f.dueOn || f.dueOn > monthEnd)) continue;
    const owner = ownerOf(f.org) ?? { org: f.org, orgName: f.orgName };
    let g = groups.get(owner.org);
    if (!g) {
      g = { org: owner.org, orgName: owner.orgName, items: [], counts: { overdue: 0, missed: 0, violation: 0, upcoming: 0 } };
      groups.set(owner.org, g);
    }
    g.items.push(f);
    g.counts[f.status]++;
  }
  const weight = (g: BranchDue) => g.counts.overdue + g.counts.missed + g.counts.violation;
  return [...groups.values()].sort((a, b) => weight(b) - weight(a) || b.items.length - a.items.length || a.org.localeCompare(b.org));
}

/** 2026-03 → 2026年3月 (the trend's axis). */
export function chineseMonthShort(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${Number(m[1])}年${Number(m[2])}月` : month;
}

/** The address's query with some parameters set (a value) or removed (undefined), for links that keep the rest. */
export function searchWith(current: URLSearchParams, patch: Record<string, string | undefined>): string {
  const next = new URLSearchParams(current);
  for (const [k, v] of Object.entries(patch)) {
    if (v) next.set(k, v);
    else next.delete(k);
  }
  const s = next.toString();
  return s ? `?${s}` : '';
}
