/**
 * Calendar dates as ISO strings (YYYY-MM-DD). Arithmetic adds calendar months and clamps to the month's end
 * (domain-rules §3 notes: never a fixed 30 or 365 days).
 */

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  return isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isRealDate(y: number, mo: number, d: number): boolean {
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** 2026-03-05 → 2026年3月5日 (GB/T 9704 §7.3.5: the year in full, no leading zeros); any other text as given. */
export function chineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toIso(y: number, mo: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function splitIso(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** Adds calendar months; 2024-01-31 + 1 month = 2024-02-29. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, mo, d] = splitIso(date);
  const index = y * 12 + (mo - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return toIso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, mo, d] = splitIso(date);
  const t = new Date(Date.UTC(y, mo - 1, d + days));
  return toIso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole years between two dates: the age on `on` of someone born on `birth`. */
export function ageOn(birth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = splitIso(birth);
  const [y, m, d] = splitIso(on);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

// Excel's day 0 is 1899-12-30 (it counts the fictitious 1900-02-29).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function fromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465 || Math.floor(serial) !== serial) return null;
  const t = new Date(EXCEL_EPOCH_MS + serial * 86_400_000);
  return toIso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function fromJsDate(value: Date): IsoDate | null {
  if (Number.isNaN(value.getTime())) return null;
  // exceljs returns dates as UTC midnight.
  return toIso(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
}

const TEXT_FORMS: RegExp[] = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/**
 * Reads a date written as text in the usual Chinese forms: 2022-03-05, 2022/3/5, 2022年3月5日, 2022.03.05, 20220305.
 * Returns null for anything else, or for a day that does not exist (2022-02-30): never a guess.
 */
export function parseDateText(text: string): IsoDate | null {
  const s = text.trim().replace(/\s+/g, '');
  for (const form of TEXT_FORMS) {
    const m = form.exec(s);
    if (!m) continue;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    return isRealDate(y, mo, d) ? toIso(y, mo, d) : null;
  }
  return null;
}

/** Today in China Standard Time (UTC+8), as an ISO date. */
export function todayInChina(now: Date): IsoDate {
  const t = new Date(now.getTime() + 8 * 3_600_000);
  return toIso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}
