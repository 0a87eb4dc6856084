/**
 * Reporting periods: a month (2022-03), a quarter (2022Q1), a half (2022H1), a year (2022) or any range of dates
 * (2022-03-15~2022-09-30, also written with .. or 至). A period is a closed
 * range of calendar dates and the calendar units (months, quarters, halves, years) that end inside it: a rule due
 * every quarter is judged in the period that holds the quarter's last day.
 */
import { AppError } from './errors.js';
import { addDays, addMonths, chineseDate, daysInMonth, isValidIsoDate, toIso, type IsoDate } from './dates.js';

export type Every = 'month' | 'quarter' | 'half' | 'year';
export const EVERY_LABELS: Record<Every, string> = { month: '每月', quarter: '每季度', half: '每半年', year: '每年' };
const MONTHS_IN: Record<Every, number> = { month: 1, quarter: 3, half: 6, year: 12 };

export type PeriodKind = Every | 'range';

export interface Period {
  /** month | quarter | half | year | range (absent on the calendar units of a rule's frequency). */
  kind?: PeriodKind;
  /** As written: 2022-03, 2022Q1, 2022H1, 2022, 2022-03-15~2022-09-30. */
  label: string;
  /** In Chinese: 2022年3月, 2022年第一季度, 2022年上半年, 2022年. */
  title: string;
  start: IsoDate;
  end: IsoDate;
}

/** One calendar unit of a rule's frequency: 2022年第一季度 for a quarterly rule. */
export interface Unit {
  label: string;
  title: string;
  start: IsoDate;
  end: IsoDate;
}

const QUARTERS = ['一', '二', '三', '四'];

export function parsePeriod(text: string): Period {
  const t = text.trim().toUpperCase();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})$/.exec(t))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo >= 1 && mo <= 12 && y >= 1900) return monthUnit(y, mo);
  } else if ((m = /^(\d{4})Q([1-4])$/.exec(t))) {
    if (Number(m[1]) >= 1900) return unitOf('quarter', Number(m[1]), (Number(m[2]) - 1) * 3 + 1);
  } else if ((m = /^(\d{4})H([12])$/.exec(t))) {
    if (Number(m[1]) >= 1900) return unitOf('half', Number(m[1]), m[2] === '1' ? 1 : 7);
  } else if ((m = /^(\d{4})$/.exec(t))) {
    if (Number(m[1]) >= 1900) return unitOf('year', Number(m[1]), 1);
  } else if ((m = /^(\d{4}-\d{2}-\d{2})\s*(?:~|～|\.\.|至|—|--)\s*(\d{4}-\d{2}-\d{2})$/.exec(t))) {
    const [from, to] = [m[1]!, m[2]!];
    if (isValidIsoDate(from) && isValidIsoDate(to)) {
      if (from > to) {
        const message = `统计期“${text}”的起始日期晚于截止日期`;
        throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field: 'period', message }]);
      }
      return rangePeriod(from, to);
    }
  }
  const message = `统计期“${text}”格式不正确，应为月份（2022-03）、季度（2022Q1）、半年（2022H1）、年份（2022）或日期范围（2022-03-15~2022-09-30）`;
  throw new AppError('FIELD_INVALID', message, [{ code: 'FIELD_INVALID', field: 'period', message }]);
}

/** Any range of dates as a period: 2022-03-15~2022-09-30, titled 2022年3月15日至2022年9月30日. */
export function rangePeriod(from: IsoDate, to: IsoDate): Period {
  return { kind: 'range', label: `${from}~${to}`, title: `${chineseDate(from)}至${chineseDate(to)}`, start: from, end: to };
}

/** The same date one year earlier (29 February → 28 February). */
function yearBefore(d: IsoDate): IsoDate {
  return addMonths(d, -12);
}

/**
 * The comparable period a year earlier, for 同比: 2026H1 → 2025H1, 2026-03 → 2025-03, a range → the same dates a year
 * earlier.
 */
export function samePeriodLastYear(p: Period): Period {
  if (p.kind === undefined || p.kind === 'range') return rangePeriod(yearBefore(p.start), yearBefore(p.end));
  return periodOf(yearBefore(p.start), p.kind);
}

/**
 * The period just before, for 环比: the previous month, quarter, half or year; for a range, the range of as many days
 * ending the day before it starts.
 */
export function previousPeriod(p: Period): Period {
  if (p.kind === undefined || p.kind === 'range') {
    const days = daysFrom(p.start, p.end);
    const end = addDays(p.start, -1);
    return rangePeriod(addDays(end, -days), end);
  }
  return periodOf(addDays(p.start, -1), p.kind);
}

/** The period a date falls in, at the given grain. */
export function periodOf(date: IsoDate, every: Every): Period {
  const y = Number(date.slice(0, 4));
  const mo = Number(date.slice(5, 7));
  const size = MONTHS_IN[every];
  return unitOf(every, y, Math.floor((mo - 1) / size) * size + 1);
}

function monthUnit(y: number, mo: number): Period {
  return { kind: 'month', label: toIso(y, mo, 1).slice(0, 7), title: `${y}年${mo}月`, start: toIso(y, mo, 1), end: toIso(y, mo, daysInMonth(y, mo)) };
}

function unitOf(every: Every, y: number, firstMonth: number): Period {
  const start = toIso(y, firstMonth, 1);
  const end = addDays(addMonths(start, MONTHS_IN[every]), -1);
  switch (every) {
    case 'month':
      return monthUnit(y, firstMonth);
    case 'quarter': {
      const q = (firstMonth - 1) / 3 + 1;
      return { kind: 'quarter', label: `${y}Q${q}`, title: `${y}年第${QUARTERS[q - 1]}季度`, start, end };
    }
    case 'half':
      return { kind: 'half', label: `${y}H${firstMonth === 1 ? 1 : 2}`, title: `${y}年${firstMonth === 1 ? '上' : '下'}半年`, start, end };
    case 'year':
      return { kind: 'year', label: String(y), title: `${y}年`, start, end };
  }
}

/** The units of a frequency whose last day falls inside [from, to]: the ones judged in that range. */
export function unitsEndingIn(every: Every, from: IsoDate, to: IsoDate): Unit[] {
  const out: Unit[] = [];
  let u = periodOf(from, every);
  while (u.start <= to) {
    if (u.end >= from && u.end <= to) out.push(u);
    u = periodOf(addDays(u.end, 1), every);
  }
  return out;
}

/** The unit of a frequency that holds `date`, whatever it is: the one in progress on that day. */
export function unitHolding(every: Every, date: IsoDate): Unit {
  return periodOf(date, every);
}

/** Whole calendar months from `from` to `to` (2022-01-31 → 2022-02-28 is one month; → 2022-02-27 is none). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  let n = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  if (addMonths(from, n) > to) n--;
  return n;
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
