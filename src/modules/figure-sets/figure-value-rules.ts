/**
 * The pure checks of a hand-entered value against the indicator catalog (src/indicators), returning field issues
 * (shared by the services and, later, by import):
 * - only ids the catalog holds, and of those only the ones entered by hand (source_record `manual` or
 *   `discipline_case_aggregate`); an id the platform computes from its records is refused;
 * - a finite number ≥ 0, except a year-on-year change (kind `yoy`), which may be negative; counts and ranks are whole
 *   numbers; a percentage other than a yoy change is at most 100;
 * - the unit is the catalog's (given, it must equal it).
 */
import { catalogEntry, isManualEntry, manualLabel, type CatalogEntry } from '../../indicators/catalog.js';
import type { FieldIssue } from '../../shared/errors.js';
import { issue } from '../../shared/validation.js';

export const COMPUTED_REFUSAL = '该指标由系统根据记录计算，不能手工填报';

/** The kinds whose values are whole numbers. */
const WHOLE_KINDS = ['count', 'rank'];

/** The catalog entry of an id that may be entered by hand, or the issue naming `field`. */
export function manualEntryOf(id: string, field: string): { entry: CatalogEntry } | { issue: FieldIssue } {
  const entry = catalogEntry(id);
  if (!entry) return { issue: issue('FIELD_INVALID', field, `指标编号“${id}”不在指标目录中`) };
  if (!isManualEntry(entry)) return { issue: issue('FIELD_INVALID', field, `指标编号“${id}”：${COMPUTED_REFUSAL}`) };
  return { entry };
}

/**
 * Checks one value. `field` is where the value sits (values.0 in a set's values, '' for a single value): issues name
 * `${field}.indicatorId`, `${field}.value`, `${field}.unit` (or the bare names). Returns the unit to store.
 */
export function checkFigureValue(
  v: { indicatorId: string; value: number; unit?: string | null | undefined },
  field = '',
): { issues: FieldIssue[]; unit: string | null } {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  const found = manualEntryOf(v.indicatorId, at('indicatorId'));
  if ('issue' in found) return { issues: [found.issue], unit: null };
  const e = found.entry;
  const label = `${manualLabel(e.id)}（${e.id}）`;
  const issues: FieldIssue[] = [];
  if (!Number.isFinite(v.value)) {
    issues.push(issue('FIELD_INVALID', at('value'), `${label}：数值应为有限的数字`));
  } else if (v.value < 0 && e.kind !== 'yoy') {
    issues.push(issue('FIELD_INVALID', at('value'), `${label}：数值不能为负数（只有同比增减可以为负）`));
  } else if (WHOLE_KINDS.includes(e.kind) && !Number.isInteger(v.value)) {
    issues.push(issue('FIELD_INVALID', at('value'), `${label}：数值应为整数（单位：${e.unit}）`));
  } else if (e.unit === '%' && e.kind !== 'yoy' && v.value > 100) {
    issues.push(issue('FIELD_INVALID', at('value'), `${label}：百分比不能超过100`));
  }
  const unit = v.unit === undefined || v.unit === null || v.unit === '' ? e.unit : v.unit;
  if (unit !== e.unit) issues.push(issue('FIELD_INVALID', at('unit'), `${label}：单位应为“${e.unit}”，不是“${unit}”`));
  return { issues, unit: e.unit };
}

/** Checks a set's values together: each one, and each id at most once. */
export function checkFigureValues(values: readonly { indicatorId: string; value: number; unit?: string | null | undefined }[]): { issues: FieldIssue[]; units: (string | null)[] } {
  const issues: FieldIssue[] = [];
  const units: (string | null)[] = [];
  const seen = new Map<string, number>();
  values.forEach((v, i) => {
    const first = seen.get(v.indicatorId);
    if (first !== undefined) {
      issues.push(issue('FIELD_INVALID', `values.${i}.indicatorId`, `指标编号“${v.indicatorId}”重复填报（第${first + 1}项已填）`));
      units.push(null);
      return;
    }
    seen.set(v.indicatorId, i);
    const r = checkFigureValue(v, `values.${i}`);
    issues.push(...r.issues);
    units.push(r.unit);
  });
  return { issues, units };
}
