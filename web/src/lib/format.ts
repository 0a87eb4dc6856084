/** Dates and numbers as Chinese users read them. */
export function chineseDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

export function chineseMonth(label: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  return m ? `${Number(m[1])}年${Number(m[2])}月` : label;
}

export function percent(rate: number | null | undefined, digits = 1): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(digits)}%`;
}

/** Today in China (UTC+8) as YYYY-MM-DD. */
export function todayIso(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The current year and the month before this one, as period labels. */
export function currentPeriods(): { year: string; month: string; lastMonth: string } {
  const today = todayIso();
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const ly = m === 1 ? y - 1 : y;
  const lm = m === 1 ? 12 : m - 1;
  return { year: String(y), month: today.slice(0, 7), lastMonth: `${ly}-${String(lm).padStart(2, '0')}` };
}

/** Date pickers show dates in Chinese (2026年5月4日) and also accept one typed as 2026-05-04 or 20260504. */
export const DATE_FORMATS = ['YYYY年M月D日', 'YYYY-MM-DD', 'YYYYMMDD'];
