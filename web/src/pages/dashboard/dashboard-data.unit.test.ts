import { describe, expect, it } from 'vitest';
import type { ComplianceTrend, NoticeRow, RuleFinding } from '../../lib/types';
import { convertPeriod, dueByBranch, lastCompleteMonth, periodTitle, sectorRates, shortName, trendMonths, trendPoints } from './dashboard-data';

const rate = (met: number, failed: number) => ({ met, failed, rate: met + failed ? met / (met + failed) : null });

function row(org: string, parent: string | null, level: number, lifeMet: number, lifeFailed: number, status: NoticeRow['status'] = 'green'): NoticeRow {
  return {
    org,
    name: org,
    kind: '党支部',
    parent,
    level,
    families: { 'org-life': rate(lifeMet, lifeFailed), 'org-setup': rate(1, 0), development: rate(0, 0), members: rate(0, 0), supervision: rate(0, 0) },
    overall: rate(lifeMet + 1, lifeFailed),
    status,
    rank: null,
    peers: 0,
    problems: [],
  };
}

describe('periods', () => {
  it('the last complete month crosses the year', () => {
    expect(lastCompleteMonth('2026-01-15')).toBe('2025-12');
    expect(lastCompleteMonth('2026-12-06')).toBe('2026-11');
  });
  it('reads labels in Chinese', () => {
    expect(periodTitle('2026-03')).toBe('2026年3月');
    expect(periodTitle('2026Q4')).toBe('2026年第四季度');
    expect(periodTitle('2026')).toBe('2026年');
  });
  it('six months of trend end with the period, or last month while the period runs', () => {
    expect(trendMonths('2026-03', '2026-12-06')).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    expect(trendMonths('2026', '2026-12-06')).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(trendMonths('2025Q2', '2026-12-06').at(-1)).toBe('2025-06');
  });
  it('the trend\'s points follow the months asked, and an answer for other months is none', () => {
    const families = (r: number | null) => ({ 'org-life': rate(1, 0), 'org-setup': rate(0, 0), development: rate(3, 1), members: { met: 0, failed: 0, rate: r }, supervision: rate(0, 0) });
    const point = (period: string, r: number | null) => ({ period, overall: { met: 4, failed: 1, rate: r }, families: families(r), byStatus: { green: 1, yellow: 0, red: 0 }, organizations: 1 });
    const trend: ComplianceTrend = { org: { code: 'C', name: '县委' }, points: [point('2026-10', 0.5), point('2026-09', null)] };
    expect(trendPoints(trend, ['2026-09', '2026-10'])).toEqual([
      { month: '2026-09', overall: null, families: { 'org-life': 1, 'org-setup': null, development: 0.75, members: null, supervision: null } },
      { month: '2026-10', overall: 0.5, families: { 'org-life': 1, 'org-setup': null, development: 0.75, members: 0.5, supervision: null } },
    ]);
    expect(trendPoints(trend, ['2026-10', '2026-11'])).toBeNull();
  });
  it('switching the kind keeps the period’s last month, never a month still to come', () => {
    expect(convertPeriod('2026-05', 'quarter', '2026-12-06')).toBe('2026Q2');
    expect(convertPeriod('2026Q2', 'month', '2026-12-06')).toBe('2026-06');
    expect(convertPeriod('2026', 'month', '2026-12-06')).toBe('2026-11');
    expect(convertPeriod('2025-07', 'year', '2026-12-06')).toBe('2025');
  });
});

describe('short names', () => {
  it('drops 中共, what the parent’s name shares, and 委员会', () => {
    expect(shortName('中共青禾县城关镇委员会', '中共青禾县委员会')).toBe('城关镇');
    expect(shortName('中共青禾县城东街道工作委员会', '中共青禾县委员会')).toBe('城东街道');
    expect(shortName('中共青禾县城关镇西田村支部委员会', '中共青禾县城关镇委员会')).toBe('西田村支部');
    expect(shortName('某某公司党支部', null)).toBe('某某公司党支部');
  });
});

describe('sector rates', () => {
  it('pools the bottom organizations’ checks by sector and averages the families', () => {
    const rows = [row('C', null, 0, 10, 10), row('C01', 'C', 1, 7, 3), row('C01.001', 'C01', 2, 3, 1, 'yellow'), row('C01.002', 'C01', 2, 4, 2, 'red'), row('C02', 'C', 1, 5, 5)];
    const sector: Record<string, string> = { 'C01.001': '农村', 'C01.002': '农村', C02: '机关' };
    const out = sectorRates(rows, (c) => sector[c]);
    expect(out.map((s) => s.sector)).toEqual(['农村', '机关']);
    const rural = out[0]!;
    expect(rural.organizations).toBe(2);
    expect(rural.lights).toEqual({ red: 1, yellow: 1, green: 0, none: 0 });
    expect(rural.families['org-life']).toEqual({ met: 7, failed: 3, rate: 0.7 });
    // org-life 7/10 and org-setup 2/2: the mean of the two families that had anything due.
    expect(rural.overall.rate).toBeCloseTo((0.7 + 1) / 2);
  });
});

describe('what the branches owe this month', () => {
  const f = (org: string, status: RuleFinding['status'], dueOn: string | null): RuleFinding =>
    ({ org, orgName: org, status, dueOn, message: '', rule: 'r', period: '2026-12', family: 'org-life' }) as RuleFinding;
  it('keeps what is owed now and what falls due this month, a group’s items with its branch', () => {
    const items = [f('B1', 'upcoming', '2026-12-20'), f('B1.G1', 'overdue', '2026-10-01'), f('B2', 'upcoming', '2027-01-05'), f('B2', 'missed', null)];
    const owner = (c: string) => ({ org: c.split('.')[0]!, orgName: `支部${c.split('.')[0]}` });
    const out = dueByBranch(items, '2026-12-06', owner);
    expect(out.map((g) => [g.org, g.items.length])).toEqual([
      ['B1', 2],
      ['B2', 1],
    ]);
    expect(out[0]!.counts).toEqual({ overdue: 1, missed: 0, violation: 0, upcoming: 1 });
  });
});
