import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/id-number.js';
import {
  coerceMoney,
  coerceMonth,
  coerceBool, coerceDate, coerceIdNumber, coerceInt, coerceText, ID_AS_NUMBER_MESSAGE, normalizeCell, type Coerced, type RawCell,
} from './cells.js';

const value = <T>(c: Coerced<T>) => (c.ok ? c.value : `${c.code}: ${c.message}`);

describe('ID number cells', () => {
  const id = makeIdNumber('110101', '1985-06-15', 11);

  it('reads text as it is, without spaces, with the check character upper-cased', () => {
    expect(value(coerceIdNumber(id, '公民身份号码'))).toBe(id);
    expect(value(coerceIdNumber(` ${id.slice(0, 6)} ${id.slice(6)} `, '公民身份号码'))).toBe(id);
    expect(value(coerceIdNumber('11010119850615001x', '公民身份号码'))).toBe('11010119850615001X');
    expect(value(coerceIdNumber(null, '公民身份号码'))).toBeUndefined();
    expect(value(coerceIdNumber('  ', '公民身份号码'))).toBeUndefined();
  });

  it('rejects an ID number Excel stored as a number, whatever form it takes, and never guesses the digits', () => {
    for (const raw of [110101198506151000, 1.10101198506151e17, Number(id.slice(0, 17)), '1.10101198506151E+17', '1.10101E+17', '1.1E17']) {
      expect(coerceIdNumber(raw, '公民身份号码')).toEqual({ ok: false, code: 'ID_NUMBER_INVALID', message: ID_AS_NUMBER_MESSAGE });
    }
  });

  it('reads a number that is exact (at most 2^53) as its digits, for the ID check to judge', () => {
    expect(value(coerceIdNumber(110101198506, '公民身份号码'))).toBe('110101198506');
    expect(value(coerceIdNumber(new Date(0), '公民身份号码'))).toMatch(/^ID_NUMBER_INVALID/);
  });
});

describe('date cells', () => {
  const date = (raw: RawCell) => value(coerceDate(raw, '入党日期'));

  it('reads text in the usual forms', () => {
    for (const raw of ['2022-03-05', '2022-3-5', '2022/3/5', '2022/03/05', '2022年3月5日', '2022年03月05日', '2022.03.05', ' 2022-03-05 ', '20220305']) {
      expect(date(raw)).toBe('2022-03-05');
    }
  });

  it('reads Excel date cells, serial numbers and 20220305 typed as a number', () => {
    expect(date(new Date(Date.UTC(2022, 2, 5)))).toBe('2022-03-05');
    expect(date(44625)).toBe('2022-03-05');
    expect(date(20220305)).toBe('2022-03-05');
    expect(date(61)).toBe('1900-03-01');
    expect(date(null)).toBeUndefined();
  });

  it('rejects days that do not exist and anything else, naming the column and the value', () => {
    for (const raw of ['2022-02-30', '2023-02-29', '2022-13-01', '3/5/2022', '22-3-5', '2022年3月', 'abc', '44625', 44625.5, -1, 0, 1, 20221340, true]) {
      expect(date(raw)).toMatch(/^DATE_INVALID: 入党日期：“.*”不是有效日期/);
    }
    expect(date('2022-02-30')).toContain('“2022-02-30”');
    expect(date({ error: '#VALUE!' })).toContain('#VALUE!');
    expect(date(new Date(Number.NaN))).toMatch(/^DATE_INVALID/);
    expect(date(new Date(Date.UTC(1899, 11, 31)))).toMatch(/^DATE_INVALID/);
  });
});

describe('other cells', () => {
  it('reads whole numbers from numbers and digits', () => {
    expect(value(coerceInt(5, '应到人数'))).toBe(5);
    expect(value(coerceInt(' 12 ', '应到人数'))).toBe(12);
    expect(value(coerceInt('-3', '应到人数'))).toBe(-3);
    expect(value(coerceInt(3.5, '应到人数'))).toBe('FIELD_INVALID: 应到人数：“3.5”不是整数');
    expect(value(coerceInt('3人', '应到人数'))).toMatch(/^FIELD_INVALID/);
  });

  it('reads 是/否 and Excel booleans', () => {
    expect(value(coerceBool('是', '是否流动党员'))).toBe(true);
    expect(value(coerceBool(' 否 ', '是否流动党员'))).toBe(false);
    expect(value(coerceBool(true, '是否流动党员'))).toBe(true);
    expect(value(coerceBool('', '是否流动党员'))).toBeUndefined();
    expect(value(coerceBool('Y', '是否流动党员'))).toBe('VALUE_NOT_ALLOWED: 是否流动党员：应填“是”或“否”，而不是“Y”');
  });

  it('reads text trimmed, numbers as their digits, and refuses error values', () => {
    expect(value(coerceText('  张三 ', '姓名'))).toBe('张三');
    expect(value(coerceText(13812345678, '手机号码'))).toBe('13812345678');
    expect(value(coerceText(new Date(Date.UTC(2022, 2, 5)), '主题'))).toBe('2022-03-05');
    expect(value(coerceText({ error: '#N/A' }, '姓名'))).toBe('FIELD_INVALID: 姓名：单元格是错误值#N/A');
  });

  it('reduces rich text, formulas and hyperlinks to their text or result', () => {
    expect(normalizeCell({ richText: [{ text: '张' }, { font: { bold: true }, text: '三' }] })).toBe('张三');
    expect(normalizeCell({ formula: 'A1&B1', result: '张三' })).toBe('张三');
    expect(normalizeCell({ sharedFormula: 'A2', result: 42 })).toBe(42);
    expect(normalizeCell({ formula: 'A1', result: { error: '#REF!' } })).toEqual({ error: '#REF!' });
    expect(normalizeCell({ formula: 'A1' })).toEqual({ error: '公式没有保存计算结果' });
    expect(normalizeCell({ text: '链接', hyperlink: 'https://example.org' })).toBe('链接');
    expect(normalizeCell({ error: '#N/A' })).toEqual({ error: '#N/A' });
    expect(normalizeCell(undefined)).toBeNull();
  });
});

describe('month and money cells', () => {
  const value = <T>(r: { ok: true; value: T | undefined } | { ok: false }) => (r.ok ? r.value : 'ERR');
  it('reads a month as YYYY-MM, and an Excel date only when it is the first of a month', () => {
    expect(['2026-03', '2026/3', '2026年3月', '2026.03', ' 2026-3 '].map((m) => value(coerceMonth(m, '所属月份')))).toEqual(Array(5).fill('2026-03'));
    expect(value(coerceMonth(new Date(Date.UTC(2026, 2, 1)), '所属月份'))).toBe('2026-03');
    expect(value(coerceMonth(202603, '所属月份'))).toBe('2026-03');
    for (const bad of ['2026-13', '2026-03-05', '三月', new Date(Date.UTC(2026, 2, 5)), 202613]) {
      const r = coerceMonth(bad, '所属月份');
      expect(r.ok ? 'OK' : r.code, String(bad)).toBe('DUES_MONTH_INVALID');
    }
    expect(value(coerceMonth(null, '所属月份'))).toBeUndefined();
  });

  it('reads amounts in 元 with at most two decimals as fen, from text or a number', () => {
    expect(['12', '12.5', '12.50', '0.2', '1234.56元'].map((m) => value(coerceMoney(m, '应交金额（元）')))).toEqual([1200, 1250, 1250, 20, 123456]);
    expect([12.5, 0.1 + 0.2 - 0.0000000000000001, 45].map((m) => value(coerceMoney(m, '应交金额（元）')))).toEqual([1250, 30, 4500]);
    for (const bad of ['12.345', '-1', '十元', 12.345, -3, '1,000']) {
      const r = coerceMoney(bad, '应交金额（元）');
      expect(r.ok ? 'OK' : r.code, String(bad)).toBe('DUES_AMOUNT_INVALID');
    }
  });
});
