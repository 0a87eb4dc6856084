/** The monitoring notice's table filters: which rows (direct children or the whole subtree), light, sector. */
import type { Light, NoticeRow } from '../../lib/types';

export type LightFilter = Light | 'none' | '';

export const LIGHT_FILTERS: { value: LightFilter; label: string }[] = [
  { value: '', label: '全部红黄绿' },
  { value: 'red', label: '红灯' },
  { value: 'yellow', label: '黄灯' },
  { value: 'green', label: '绿灯' },
  { value: 'none', label: '无应落实事项' },
];

export function filterRows(
  rows: NoticeRow[],
  opts: { light: LightFilter; sector: string; levels: 'children' | 'all'; sectorOf: (code: string) => string | undefined },
): NoticeRow[] {
  return rows.filter(
    (r) =>
      (opts.levels === 'all' ? r.level >= 1 : r.level === 1) &&
      (!opts.light || (opts.light === 'none' ? r.status === null : r.status === opts.light)) &&
      (!opts.sector || opts.sectorOf(r.org) === opts.sector),
  );
}
