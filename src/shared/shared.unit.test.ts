import { describe, expect, it } from 'vitest';
import { addMonths, ageOn, fromExcelSerial, isValidIsoDate, parseDateText } from './dates.js';
import { checkCharOf, makeIdNumber, maskIdNumber, maskPhone, parseIdNumber } from './id-number.js';
import { AppError, exitCodeOf, httpStatusOf } from './errors.js';

describe('ID numbers (GB 11643)', () => {
  it('accepts a valid number and reads birth date and gender from it', () => {
    // The standard's own example: 11010519491231002X.
    const r = parseIdNumber('11010519491231002x');
    expect(r).toEqual({ ok: true, value: { idNumber: '11010519491231002X', birthDate: '1949-12-31', gender: '女' } });
  });
  it('rejects a wrong check digit, a bad birth date and a bad format', () => {
    expect(parseIdNumber('110105194912310021')).toEqual({ ok: false, problem: 'check_digit' });
    expect(parseIdNumber('110105194902300020').ok).toBe(false);
    expect(parseIdNumber('11010519491231')).toEqual({ ok: false, problem: 'format' });
    expect(parseIdNumber('1.10105194912E+17')).toEqual({ ok: false, problem: 'format' });
  });
  it('builds valid numbers', () => {
    const id = makeIdNumber('330102', '1990-03-07', 123);
    expect(parseIdNumber(id).ok).toBe(true);
    expect(checkCharOf(id.slice(0, 17))).toBe(id[17]);
  });
  it('masks for lists', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(null)).toBe(null);
  });
});

describe('dates', () => {
  it('adds calendar months, clamping to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2023-03-15', 12)).toBe('2024-03-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-05-31', -3)).toBe('2024-02-29');
  });
  it('computes ages on a day', () => {
    expect(ageOn('2008-11-24', '2026-11-23')).toBe(17);
    expect(ageOn('2008-11-23', '2026-11-23')).toBe(18);
  });
  it('reads the usual Chinese date forms and nothing else', () => {
    for (const s of ['2022-03-05', '2022/3/5', '2022年3月5日', '2022.03.05', ' 2022-3-5 ', '20220305']) {
      expect(parseDateText(s)).toBe('2022-03-05');
    }
    for (const s of ['2022-02-30', '22/3/5', '3/5/2022', '2022-13-01', 'abc', '']) expect(parseDateText(s)).toBe(null);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
  });
  it('reads Excel serial numbers', () => {
    expect(fromExcelSerial(44625)).toBe('2022-03-05');
    expect(fromExcelSerial(1.5)).toBe(null);
  });
});

describe('errors', () => {
  it('map to one HTTP status and one exit code per kind', () => {
    const e = AppError.fromIssues([
      { code: 'ID_NUMBER_INVALID', field: 'idNumber', message: '公民身份号码校验位错误' },
      { code: 'PHONE_INVALID', field: 'phone', message: '手机号码应为11位数字' },
    ]);
    expect(e.code).toBe('ID_NUMBER_INVALID');
    expect(e.message).toContain('共2处错误');
    expect(httpStatusOf(e.kind)).toBe(400);
    expect(exitCodeOf(new AppError('ORG_NOT_FOUND', 'x').kind)).toBe(3);
    expect(httpStatusOf(new AppError('ORG_CYCLE', 'x').kind)).toBe(409);
  });
});
