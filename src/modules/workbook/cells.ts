/**
 * Reading one cell as the value its column expects. Excel hands back numbers, dates, rich text, formulas and
 * error values; CSV hands back text. Anything doubtful is an error naming the column, never a guess.
 */
import type { ErrorCode } from '../../shared/errors.js';
import { fromExcelSerial, fromJsDate, isValidIsoDate, parseDateText } from '../../shared/dates.js';
import { parseYuan } from '../dues/dues-rates.js';
import type { CellKind, CellValue } from './workbook-format.js';

/** A cell reduced to a plain value: formulas to their result, rich text and hyperlinks to their text. */
export type RawCell = string | number | boolean | Date | null | { error: string };

export type Coerced<T> = { ok: true; value: T | undefined } | { ok: false; code: ErrorCode; message: string };

export const ID_AS_NUMBER_MESSAGE = '公民身份号码被Excel存成了数字，末几位已丢失，请把该列设为文本后重新填写';

const DATE_FORMS = '2022-03-05、2022/3/5、2022年3月5日或2022.03.05';

export function normalizeCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      if (v.result === undefined || v.result === null) return { error: '公式没有保存计算结果' };
      return normalizeCell(v.result);
    }
    if ('error' in v) return { error: String(v.error) };
    if ('text' in v) return normalizeCell(v.text);
  }
  return String(value);
}

/** How a raw cell is shown in a message. */
export function displayCell(raw: RawCell): string {
  if (raw === null) return '';
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? '无效日期' : raw.toISOString().slice(0, 10);
  if (typeof raw === 'object') return raw.error;
  return String(raw);
}

export function isBlank(raw: RawCell): boolean {
  return raw === null || (typeof raw === 'string' && raw.trim() === '');
}

const ok = <T>(value: T | undefined): Coerced<T> => ({ ok: true, value });
const fail = (code: ErrorCode, message: string): Coerced<never> => ({ ok: false, code, message });

export function coerceText(raw: RawCell, header: string): Coerced<string> {
  if (isBlank(raw)) return ok(undefined);
  if (typeof raw === 'string') return ok(raw.trim());
  if (typeof raw === 'number') return ok(String(raw));
  if (typeof raw === 'boolean') return ok(raw ? '是' : '否');
  if (raw instanceof Date) {
    const iso = fromJsDate(raw);
    return iso ? ok(iso) : fail('FIELD_INVALID', `${header}：无效日期`);
  }
  return fail('FIELD_INVALID', `${header}：单元格是错误值${displayCell(raw)}`);
}

/**
 * An ID number must arrive as text. Excel keeps 15 significant digits, so an 18-digit number stored as a number
 * (1.10101198506151E+17, or 110101198506151000) has lost its last digits: reject it, never guess them.
 * A number that is exactly representable (≤ 2^53) is read as its digits and checked like any text.
 */
export function coerceIdNumber(raw: RawCell, header: string): Coerced<string> {
  if (isBlank(raw)) return ok(undefined);
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw)) return fail('ID_NUMBER_INVALID', ID_AS_NUMBER_MESSAGE);
    return ok(String(raw));
  }
  if (typeof raw === 'string') {
    const s = raw.replace(/[\s\u200B\uFEFF]/g, '');
    if (/^\d+(\.\d+)?E\+?\d+$/i.test(s)) return fail('ID_NUMBER_INVALID', ID_AS_NUMBER_MESSAGE);
    return ok(s.toUpperCase());
  }
  return fail('ID_NUMBER_INVALID', `${header}：“${displayCell(raw)}”不是公民身份号码`);
}

/** Excel date cells, Excel serial numbers, 20220305 typed as a number, and text in the usual Chinese forms. */
export function coerceDate(raw: RawCell, header: string): Coerced<string> {
  if (isBlank(raw)) return ok(undefined);
  let iso: string | null = null;
  if (raw instanceof Date) iso = fromJsDate(raw);
  else if (typeof raw === 'number') {
    iso = raw >= 19000101 && raw <= 29991231 && Number.isInteger(raw) ? parseDateText(String(raw)) : fromExcelSerial(raw);
  } else if (typeof raw === 'string') iso = parseDateText(raw);
  if (iso && isValidIsoDate(iso)) return ok(iso);
  return fail('DATE_INVALID', `${header}：“${displayCell(raw)}”不是有效日期（可写作${DATE_FORMS}）`);
}

export function coerceInt(raw: RawCell, header: string): Coerced<number> {
  if (isBlank(raw)) return ok(undefined);
  if (typeof raw === 'number' && Number.isSafeInteger(raw)) return ok(raw);
  if (typeof raw === 'string' && /^[+-]?\d{1,15}$/.test(raw.trim())) return ok(Number(raw.trim()));
  return fail('FIELD_INVALID', `${header}：“${displayCell(raw)}”不是整数`);
}

export function coerceBool(raw: RawCell, header: string): Coerced<boolean> {
  if (isBlank(raw)) return ok(undefined);
  if (typeof raw === 'boolean') return ok(raw);
  if (typeof raw === 'string') {
    const s = raw.trim();
    if (s === '是') return ok(true);
    if (s === '否') return ok(false);
  }
  return fail('VALUE_NOT_ALLOWED', `${header}：应填“是”或“否”，而不是“${displayCell(raw)}”`);
}

const MONTH_FORMS = '2026-03、2026/3或2026年3月';

function monthOf(year: number, month: number): string | undefined {
  return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 ? `${year}-${String(month).padStart(2, '0')}` : undefined;
}

/**
 * A dues month, YYYY-MM. Excel turns "2026-03" typed into a cell into the date 2026-03-01: a date on the first of a
 * month is read as that month; any other day is refused rather than guessed.
 */
export function coerceMonth(raw: RawCell, header: string): Coerced<string> {
  if (isBlank(raw)) return ok(undefined);
  let month: string | undefined;
  if (raw instanceof Date || typeof raw === 'number') {
    const iso = raw instanceof Date ? fromJsDate(raw) : Number.isInteger(raw) && raw >= 190001 && raw <= 299912 ? null : fromExcelSerial(raw);
    if (iso?.endsWith('-01')) month = iso.slice(0, 7);
    else if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 190001 && raw <= 299912) month = monthOf(Math.floor(raw / 100), raw % 100);
  } else if (typeof raw === 'string') {
    const m = /^(\d{4})\s*(?:-|\/|\.|年)\s*(\d{1,2})\s*月?$/.exec(raw.trim());
    if (m) month = monthOf(Number(m[1]), Number(m[2]));
  }
  if (month) return ok(month);
  return fail('DUES_MONTH_INVALID', `${header}：“${displayCell(raw)}”不是有效月份（可写作${MONTH_FORMS}）`);
}

/** An amount in 元 with at most two decimals (12、12.5、12.50), as integer fen; a number cell is read the same way. */
export function coerceMoney(raw: RawCell, header: string): Coerced<number> {
  if (isBlank(raw)) return ok(undefined);
  let fen: number | null = null;
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 && raw < 1e9) {
    const scaled = Math.round(raw * 100);
    if (Math.abs(raw * 100 - scaled) < 1e-6) fen = scaled;
  } else if (typeof raw === 'string') {
    fen = parseYuan(raw.trim().replace(/元$/, ''));
  }
  if (fen !== null) return ok(fen);
  return fail('DUES_AMOUNT_INVALID', `${header}：“${displayCell(raw)}”不是金额（以元为单位，最多两位小数，如12.50）`);
}

/** A number that may have decimals (85.5, "92.3", "92.3%" for a rate in per cent); never a guess from other text. */
export function coerceNumber(raw: RawCell, header: string): Coerced<number> {
  if (isBlank(raw)) return ok(undefined);
  if (typeof raw === 'number' && Number.isFinite(raw)) return ok(raw);
  if (typeof raw === 'string' && /^[+-]?(\d{1,15}(\.\d{1,6})?|\.\d{1,6})%?$/.test(raw.trim())) return ok(Number(raw.trim().replace(/%$/, '')));
  return fail('FIELD_INVALID', `${header}：“${displayCell(raw)}”不是数值`);
}

export function coerceCell(kind: CellKind, raw: RawCell, header: string): Coerced<CellValue> {
  switch (kind) {
    case 'text':
      return coerceText(raw, header);
    case 'idNumber':
      return coerceIdNumber(raw, header);
    case 'date':
      return coerceDate(raw, header);
    case 'int':
      return coerceInt(raw, header);
    case 'bool':
      return coerceBool(raw, header);
    case 'month':
      return coerceMonth(raw, header);
    case 'money':
      return coerceMoney(raw, header);
    case 'number':
      return coerceNumber(raw, header);
  }
}
