import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.js';
import { daysFrom, monthsBetween, parsePeriod, periodOf, previousPeriod, samePeriodLastYear, unitHolding, unitsEndingIn } from './period.js';

function parseError(text: string): AppError {
  try {
    parsePeriod(text);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`expected ${text} to be rejected`);
}

describe('parsePeriod', () => {
  it('reads a month, a quarter, a half and a year, with their Chinese titles and closed date ranges', () => {
    expect(parsePeriod('2022-03')).toEqual({ kind: 'month', label: '2022-03', title: '2022年3月', start: '2022-03-01', end: '2022-03-31' });
    expect(parsePeriod('2024-02')).toMatchObject({ start: '2024-02-01', end: '2024-02-29' });
    expect(parsePeriod('2023-02')).toMatchObject({ end: '2023-02-28' });
    expect(parsePeriod('2022Q1')).toEqual({ kind: 'quarter', label: '2022Q1', title: '2022年第一季度', start: '2022-01-01', end: '2022-03-31' });
    expect(parsePeriod('2022Q4')).toEqual({ kind: 'quarter', label: '2022Q4', title: '2022年第四季度', start: '2022-10-01', end: '2022-12-31' });
    expect(parsePeriod('2022H1')).toEqual({ kind: 'half', label: '2022H1', title: '2022年上半年', start: '2022-01-01', end: '2022-06-30' });
    expect(parsePeriod('2022H2')).toEqual({ kind: 'half', label: '2022H2', title: '2022年下半年', start: '2022-07-01', end: '2022-12-31' });
    expect(parsePeriod('2022')).toEqual({ kind: 'year', label: '2022', title: '2022年', start: '2022-01-01', end: '2022-12-31' });
  });

  it('accepts surrounding blanks and a lower-case q or h', () => {
    expect(parsePeriod(' 2022q2 ').label).toBe('2022Q2');
    expect(parsePeriod('2022h2').label).toBe('2022H2');
  });

  it.each(['', '2022-13', '2022-00', '2022-3', '2022Q5', '2022Q0', '2022H3', '22', '1899', '1899-12', 'abc', '2022-03-01', '2022 Q1', '二〇二二'])(
    'rejects %j as FIELD_INVALID on the field period, naming the four forms',
    (text) => {
      const e = parseError(text);
      expect(e.code).toBe('FIELD_INVALID');
      expect(e.issues).toEqual([expect.objectContaining({ code: 'FIELD_INVALID', field: 'period' })]);
      expect(e.message).toContain('2022Q1');
    },
  );
});

describe('units of a frequency', () => {
  it('periodOf finds the unit a date is in, at each grain', () => {
    expect(periodOf('2022-05-10', 'month').label).toBe('2022-05');
    expect(periodOf('2022-05-10', 'quarter')).toMatchObject({ label: '2022Q2', start: '2022-04-01', end: '2022-06-30' });
    expect(periodOf('2022-07-01', 'half').label).toBe('2022H2');
    expect(periodOf('2022-12-31', 'year').label).toBe('2022');
    expect(unitHolding('quarter', '2022-03-31').label).toBe('2022Q1');
  });

  it('unitsEndingIn lists the units whose last day falls in the range, across year ends', () => {
    const labels = (every: Parameters<typeof unitsEndingIn>[0], from: string, to: string) => unitsEndingIn(every, from, to).map((u) => u.label);
    expect(labels('quarter', '2022-02-01', '2022-02-28')).toEqual([]);
    expect(labels('quarter', '2022-03-01', '2022-03-31')).toEqual(['2022Q1']);
    expect(labels('month', '2022-11-15', '2023-02-10')).toEqual(['2022-11', '2022-12', '2023-01']);
    expect(labels('quarter', '2022-11-01', '2023-06-30')).toEqual(['2022Q4', '2023Q1', '2023Q2']);
    expect(labels('half', '2022-12-31', '2023-12-31')).toEqual(['2022H2', '2023H1', '2023H2']);
    expect(labels('year', '2021-06-01', '2023-12-30')).toEqual(['2021', '2022']);
    expect(labels('month', '2024-02-29', '2024-02-29')).toEqual(['2024-02']);
    expect(labels('month', '2023-02-28', '2023-02-28')).toEqual(['2023-02']);
    expect(labels('month', '2023-03-01', '2023-02-28')).toEqual([]);
  });
});

describe('monthsBetween', () => {
  it.each([
    ['2022-01-31', '2022-02-28', 1],
    ['2022-01-31', '2022-02-27', 0],
    ['2024-01-31', '2024-02-29', 1],
    ['2024-01-31', '2024-02-28', 0],
    ['2024-01-30', '2024-02-29', 1],
    ['2024-03-31', '2024-04-30', 1],
    ['2024-01-31', '2024-03-30', 1],
    ['2023-02-28', '2024-02-28', 12],
    ['2023-02-28', '2024-02-29', 12],
    ['2023-02-28', '2024-02-27', 11],
    ['2024-02-29', '2025-02-28', 12],
    ['2024-02-29', '2025-02-27', 11],
    ['2024-02-29', '2028-02-29', 48],
    ['2022-12-15', '2023-01-14', 0],
    ['2022-12-15', '2023-01-15', 1],
    ['2022-05-10', '2022-05-10', 0],
    ['2025-11-23', '2026-11-23', 12],
    ['2025-11-24', '2026-11-23', 11],
  ])('from %s to %s is %i whole months', (from, to, n) => {
    expect(monthsBetween(from, to)).toBe(n);
  });
});

describe('daysFrom', () => {
  it('counts calendar days, negative backwards, across leap days and year ends', () => {
    expect(daysFrom('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysFrom('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysFrom('2022-12-31', '2023-01-01')).toBe(1);
    expect(daysFrom('2025-03-01', '2025-04-05')).toBe(35);
    expect(daysFrom('2022-03-10', '2022-03-01')).toBe(-9);
  });
});

describe('date ranges and comparable periods', () => {
  it('parses a range of dates in any of its spellings, and names a reversed or impossible one', () => {
    for (const text of ['2026-03-15~2026-09-30', '2026-03-15..2026-09-30', '2026-03-15至2026-09-30', ' 2026-03-15 ～ 2026-09-30 ']) {
      expect(parsePeriod(text)).toEqual({
        kind: 'range',
        label: '2026-03-15~2026-09-30',
        title: '2026年3月15日至2026年9月30日',
        start: '2026-03-15',
        end: '2026-09-30',
      });
    }
    expect(parseError('2026-09-30~2026-03-15').issues[0]).toMatchObject({ field: 'period' });
    expect(parseError('2026-02-30~2026-03-15').message).toContain('格式不正确');
  });

  it('finds the same period a year earlier (同比) and the period just before (环比)', () => {
    expect(samePeriodLastYear(parsePeriod('2026H1')).label).toBe('2025H1');
    expect(samePeriodLastYear(parsePeriod('2026-03')).label).toBe('2025-03');
    expect(samePeriodLastYear(parsePeriod('2026Q4')).label).toBe('2025Q4');
    expect(samePeriodLastYear(parsePeriod('2024-02-01~2024-02-29'))).toMatchObject({ start: '2023-02-01', end: '2023-02-28' });
    expect(previousPeriod(parsePeriod('2026-01')).label).toBe('2025-12');
    expect(previousPeriod(parsePeriod('2026H1')).label).toBe('2025H2');
    expect(previousPeriod(parsePeriod('2026Q3')).label).toBe('2026Q2');
    expect(previousPeriod(parsePeriod('2026'))).toMatchObject({ label: '2025', kind: 'year' });
    expect(previousPeriod(parsePeriod('2026-03-11~2026-03-20'))).toMatchObject({ start: '2026-03-01', end: '2026-03-10' });
  });
});
