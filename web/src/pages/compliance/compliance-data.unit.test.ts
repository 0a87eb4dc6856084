import { describe, expect, it } from 'vitest';
import type { NoticeRow } from '../../lib/types';
import { filterRows } from './compliance-data';

const row = (org: string, level: number, status: NoticeRow['status']) => ({ org, level, status }) as NoticeRow;

describe('the notice table’s filters', () => {
  const rows = [row('C', 0, 'green'), row('C01', 1, 'red'), row('C01.001', 2, 'red'), row('C02', 1, null), row('C02.001', 2, 'green')];
  const sectorOf = (c: string) => (c.startsWith('C01') ? '农村' : '机关');
  it('shows the direct children, or the whole subtree, never the notice’s own organization', () => {
    expect(filterRows(rows, { light: '', sector: '', levels: 'children', sectorOf }).map((r) => r.org)).toEqual(['C01', 'C02']);
    expect(filterRows(rows, { light: '', sector: '', levels: 'all', sectorOf }).map((r) => r.org)).toEqual(['C01', 'C01.001', 'C02', 'C02.001']);
  });
  it('filters by light (with “nothing due” apart) and by sector', () => {
    expect(filterRows(rows, { light: 'red', sector: '', levels: 'all', sectorOf }).map((r) => r.org)).toEqual(['C01', 'C01.001']);
    expect(filterRows(rows, { light: 'none', sector: '', levels: 'all', sectorOf }).map((r) => r.org)).toEqual(['C02']);
    expect(filterRows(rows, { light: '', sector: '机关', levels: 'all', sectorOf }).map((r) => r.org)).toEqual(['C02', 'C02.001']);
  });
});
