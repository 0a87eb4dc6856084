import { describe, expect, it } from 'vitest';
import { indicatorCoverage } from './coverage.js';
import { findIndicator, indicators } from './registry.js';

describe('indicator coverage of the example reports', () => {
  const coverage = indicatorCoverage(indicators().map((i) => i.id));

  it('covers every one of the 412 figures (316 ids) by computing or by hand entry', () => {
    expect(coverage.rows.total).toBe(412);
    expect(coverage.ids.total).toBe(316);
    for (const c of [coverage.rows, coverage.ids]) {
      expect(c.computed + c.manual).toBe(c.total);
      expect(c.missing).toBe(0);
      expect(c.manualComputable).toBeLessThanOrEqual(c.manual);
    }
    expect(coverage.missing).toEqual([]);
  });

  it('lists as entered by hand though computable only indicators that are entered by hand', () => {
    expect(coverage.manualComputable.length).toBe(coverage.ids.manualComputable);
    for (const m of coverage.manualComputable) {
      expect(findIndicator(m.id), m.id).toMatchObject({ manual: true });
      expect(m.rows, m.id).toBeGreaterThan(0);
    }
    expect(coverage.manualComputable.reduce((n, m) => n + m.rows, 0)).toBe(coverage.rows.manualComputable);
  });

  it('adds up by source record, and counts the registry ids the catalog does not hold', () => {
    const sum = (k: 'ids' | 'computed' | 'manual' | 'missing') => coverage.bySource.reduce((n, s) => n + s[k], 0);
    expect(sum('ids')).toBe(316);
    expect(sum('computed')).toBe(coverage.ids.computed);
    expect(sum('manual')).toBe(coverage.ids.manual);
    expect(sum('missing')).toBe(0);
    const added = indicators().filter((i) => !i.inCatalog).length;
    expect(coverage.added).toBe(added);
  });
});
