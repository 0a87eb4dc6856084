import type { z } from 'zod';
import type { FieldIssue } from '../../shared/errors.js';
import { zodIssues } from '../../shared/validation.js';
import type { ParsedRow } from './sheet-collector.js';
import { columnOf, labelsOf, locate, type SheetDef } from './workbook-format.js';

/** Places an issue of a record (field in camelCase) at its sheet, Excel row and Chinese column. */
export function at(sheet: SheetDef, row: number, issue: FieldIssue): FieldIssue {
  const column = columnOf(sheet, issue.field)?.header;
  return { ...issue, ...locate(sheet.name, row), ...(column !== undefined && { column }) };
}

/** Shared by the rows with nothing wrong (most of them), so that a large sheet does not build a set per row. */
const NOTHING_BAD: ReadonlySet<string> = new Set();

export interface RowValidation<T> {
  /** The parsed record, when the schema accepts the row. */
  data: T | null;
  /** Fields already found wrong (unreadable cells, schema issues): the rules are not run on them again. */
  bad: ReadonlySet<string>;
}

/**
 * Validates one row with the service's own zod schema (the same limits and vocabularies as the API), pushing its
 * issues located in the sheet. Cells that could not be read were reported already and are not reported again.
 */
export function validateRow<S extends z.ZodType>(
  schema: S,
  sheet: SheetDef,
  row: ParsedRow<object>,
  input: object,
  issues: FieldIssue[],
): RowValidation<z.infer<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { data: result.data, bad: row.invalid.length === 0 ? NOTHING_BAD : new Set(row.invalid) };
  const bad = new Set(row.invalid);
  for (const issue of zodIssues(result.error, labelsOf(sheet))) {
    const head = issue.field.split('.')[0]!;
    if (row.invalid.includes(head)) continue;
    bad.add(head);
    issues.push(at(sheet, row.row, issue));
  }
  return { data: null, bad };
}

/** The row's values without the fields already found wrong, for the rules that check values against each other. */
export function usable<T extends object>(values: T, bad: ReadonlySet<string>): T {
  if (bad.size === 0) return values;
  const copy = { ...values } as Record<string, unknown>;
  for (const field of bad) delete copy[field];
  return copy as T;
}
