/** Dues months (YYYY-MM) as plain text: they sort and compare as strings on both engines. */

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): boolean {
  return MONTH_PATTERN.test(text);
}

/** The month of an ISO date: '2026-03-15' → '2026-03'. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonth(month: string, n: number): string {
  const t = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(t / 12)).padStart(4, '0')}-${String((t % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to`, both included (empty when `from` is after `to`). */
export function monthList(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonth(m, 1)) out.push(m);
  return out;
}

export function monthCount(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

/** The first and last month of the calendar quarter holding `month`. */
export function quarterOf(month: string): [string, string] {
  const q = Math.floor((Number(month.slice(5, 7)) - 1) / 3);
  const first = `${month.slice(0, 4)}-${String(q * 3 + 1).padStart(2, '0')}`;
  return [first, addMonth(first, 2)];
}

/** The first day of a month and the last possible day as text, for comparing with ISO dates. */
export function firstDay(month: string): string {
  return `${month}-01`;
}
export function lastDayBound(month: string): string {
  return `${month}-31`;
}
