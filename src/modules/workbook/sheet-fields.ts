/**
 * What the supervision ledger checks (check-tasks.ts … check-figure-sets.ts) share: the zod atoms of a cell, one
 * row's check from schema to plan, and the index of a sheet's workbook-local keys (清单编号, 任务编号 …).
 */
import { z } from 'zod';
import type { FieldIssue } from '../../shared/errors.js';
import { isoDate, issue } from '../../shared/validation.js';
import { finish, firstRowText } from './ledger-refs.js';
import { usable, validateRow } from './row-issues.js';
import type { ParsedRow } from './sheet-collector.js';
import type { SheetDef } from './workbook-format.js';

export const oneOf = (list: readonly string[]) => ({ message: `应为以下之一：${list.join('、')}` });
export const text = (max: number) => z.string().trim().min(1, { message: '不能为空' }).max(max, { message: `不能超过${max}个字` });
export const optionalText = (max: number) => z.string().trim().max(max, { message: `不能超过${max}个字` }).nullish();
export const note = optionalText(500);
export const key = text(50);
export const orgCodeCell = text(50);
export const date = isoDate;
export const optionalDate = isoDate.nullish();
export const year = z.number().int().min(1949, { message: '应为1949至2100之间的年份' }).max(2100, { message: '应为1949至2100之间的年份' });
export const count = z.number().int().min(0, { message: '应为不小于0的整数' });
export const enumOf = <const T extends readonly [string, ...string[]]>(list: T) => z.enum(list, oneOf(list));

/**
 * One row: the schema (the module's limits and vocabularies), then `rules` on the values the schema did not already
 * find wrong. The parsed row when nothing at all was found wrong with it, else null (its issues placed at sheet and row).
 */
export function checkRow<V extends object, S extends z.ZodType>(
  schema: S,
  sheet: SheetDef,
  row: ParsedRow<V>,
  issues: FieldIssue[],
  rules: (v: V, found: FieldIssue[], bad: ReadonlySet<string>) => void,
): z.infer<S> | null {
  const before = issues.length;
  const { data, bad } = validateRow(schema, sheet, row, row.values, issues);
  const v = usable(row.values, bad);
  const found: FieldIssue[] = [];
  rules(v, found, bad);
  return finish(sheet, row.row, found, issues) && data !== null && issues.length === before ? data : null;
}

/** A sheet's keys: each given once (a second row with the same key is refused), with what the rows say. */
export class KeyIndex<T> {
  readonly values = new Map<string, T>();
  private readonly rows = new Map<string, number>();

  constructor(
    private readonly sheet: SheetDef,
    private readonly label: string,
  ) {}

  add(key: string | undefined, row: number, value: T, found: FieldIssue[]): void {
    if (!key) return;
    const first = this.rows.get(key);
    if (first !== undefined) {
      found.push(issue('FIELD_INVALID', 'key', `${this.label}“${key}”与${firstRowText(this.sheet, first)}重复`));
      return;
    }
    this.rows.set(key, row);
    this.values.set(key, value);
  }

  /** The row a key names, or NOT_FOUND at `field` when no row of the sheet has it. */
  get(key: string | undefined, field: string, found: FieldIssue[]): T | undefined {
    if (!key) return undefined;
    const value = this.values.get(key);
    if (value === undefined) found.push(issue('NOT_FOUND', field, `${this.label}“${key}”不在本工作簿的${this.sheet.name}表中`));
    return value;
  }
}

/** A later date of a pair not before the earlier one (both given). */
export function notBefore(later: string | undefined | null, laterField: string, laterLabel: string, earlier: string | undefined | null, earlierLabel: string, found: FieldIssue[]): void {
  if (later && earlier && later < earlier) found.push(issue('DATE_ORDER_INVALID', laterField, `${laterLabel}${later}早于${earlierLabel}${earlier}`));
}
