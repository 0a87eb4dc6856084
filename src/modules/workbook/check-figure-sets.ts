/**
 * The 手工填报 sheet: one row per value, the rows with the same 组织代码, 统计期, 来源部门, 填报人 and 填报日期 one figure
 * set (a dated form of another department's figures). Checked with the figure-sets module's schema and rules
 * (figure-sets.schema.ts, figure-value-rules.ts): a period as parsePeriod reads it, only catalog ids entered by hand,
 * the catalog's unit, each id once in a set, a set entered not before its period begins nor after today.
 */
import type { FieldIssue } from '../../shared/errors.js';
import { issue } from '../../shared/validation.js';
import { parsePeriod, type Period } from '../../shared/period.js';
import { figureSetInput, figureValueInput } from '../figure-sets/figure-sets.schema.js';
import { checkFigureValue } from '../figure-sets/figure-value-rules.js';
import { firstRowText, type LedgerRefs } from './ledger-refs.js';
import type { ParsedRow } from './sheet-collector.js';
import { checkRow, date, text } from './sheet-fields.js';
import { SHEETS, type FigureValueValues } from './workbook-format.js';

export interface PlannedFigureSet {
  orgCode: string;
  period: Period;
  sourceDepartment: string;
  enteredBy: string;
  enteredOn: string;
  values: { indicatorId: string; value: number; unit: string; note: string | null }[];
}

const valueRow = figureSetInput.pick({ orgCode: true, period: true, sourceDepartment: true }).extend({ enteredBy: text(50), enteredOn: date }).extend(figureValueInput.shape);

export function checkFigureSheet(rows: ParsedRow<FigureValueValues>[], refs: LedgerRefs, issues: FieldIssue[]): PlannedFigureSet[] {
  const sheet = SHEETS.figureValues;
  const sets = new Map<string, PlannedFigureSet>();
  const seen = new Map<string, number>();
  for (const row of rows) {
    let period: Period | null = null;
    let unit: string | null = null;
    const data = checkRow(valueRow, sheet, row, issues, (v, found, bad) => {
      refs.org(v.orgCode, 'orgCode', found);
      if (v.period && !bad.has('period')) {
        try {
          period = parsePeriod(v.period);
        } catch {
          found.push(issue('FIELD_INVALID', 'period', `统计期“${v.period}”格式不正确，应为月份（2022-03）、季度（2022Q1）、半年（2022H1）或年份（2022）`));
        }
      }
      refs.notFuture(v.enteredOn, 'enteredOn', '填报日期', found);
      if (period && v.enteredOn && v.enteredOn < period.start) found.push(issue('DATE_ORDER_INVALID', 'enteredOn', `填报日期${v.enteredOn}早于统计期${period.title}的开始（${period.start}）`));
      if (v.indicatorId && v.value !== undefined && !bad.has('unit')) {
        const r = checkFigureValue({ indicatorId: v.indicatorId, value: v.value, unit: v.unit ?? null });
        found.push(...r.issues);
        unit = r.unit;
      }
      if (v.orgCode && period && v.sourceDepartment && v.enteredBy && v.enteredOn && v.indicatorId) {
        const k = `${v.orgCode}|${period.label}|${v.sourceDepartment}|${v.enteredBy}|${v.enteredOn}|${v.indicatorId}`;
        const first = seen.get(k);
        if (first !== undefined) found.push(issue('FIELD_INVALID', 'indicatorId', `同一次填报中指标编号“${v.indicatorId}”与${firstRowText(sheet, first)}重复`));
        else seen.set(k, row.row);
      }
    });
    if (data && period && unit) {
      const p: Period = period;
      const k = `${data.orgCode}|${p.label}|${data.sourceDepartment}|${data.enteredBy}|${data.enteredOn}`;
      let set = sets.get(k);
      if (!set) sets.set(k, (set = { orgCode: data.orgCode, period: p, sourceDepartment: data.sourceDepartment, enteredBy: data.enteredBy, enteredOn: data.enteredOn, values: [] }));
      set.values.push({ indicatorId: data.indicatorId, value: data.value, unit, note: data.note || null });
    }
  }
  return [...sets.values()];
}
