/**
 * Reading figure sets: one select with the organization, the values of a page of sets in one more query, the view,
 * and the lookups the writes share (a set the caller sees, one the caller may change).
 */
import type { Ctx } from '../../context.js';
import { manualLabel } from '../../indicators/catalog.js';
import { AppError } from '../../shared/errors.js';
import { parsePeriod } from '../../shared/period.js';
import { assertWritable, isReadable } from '../access/scope.js';
import type { FigureSetRecordView, FigureValueView } from './figure-sets.schema.js';

export function selectFigureSets(ctx: Ctx) {
  return ctx.db
    .selectFrom('figure_sets as s')
    .innerJoin('organizations as o', 'o.id', 's.org_id')
    .select([
      's.id', 's.org_id', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path', 's.period_label', 's.period_start',
      's.period_end', 's.source_department', 's.entered_by', 's.entered_on', 's.note',
    ]);
}

export type FigureSetRow = Awaited<ReturnType<ReturnType<typeof selectFigureSets>['executeTakeFirstOrThrow']>>;

interface ValueRow {
  id: number;
  set_id: number;
  indicator_id: string;
  value: number;
  unit: string;
  note: string | null;
}

/** The values of the sets, by set id, in entry order (one query). */
export async function valuesOf(ctx: Ctx, setIds: number[]): Promise<Map<number, FigureValueView[]>> {
  const out = new Map<number, FigureValueView[]>(setIds.map((id) => [id, []]));
  if (setIds.length === 0) return out;
  const rows: ValueRow[] = await ctx.db
    .selectFrom('figure_values')
    .select(['id', 'set_id', 'indicator_id', 'value', 'unit', 'note'])
    .where('set_id', 'in', setIds)
    .orderBy('id')
    .execute();
  for (const r of rows) {
    out.get(r.set_id)?.push({ id: r.id, indicatorId: r.indicator_id, label: manualLabel(r.indicator_id), value: Number(r.value), unit: r.unit, note: r.note });
  }
  return out;
}

export function presentFigureSet(r: FigureSetRow, values: FigureValueView[]): FigureSetRecordView {
  return {
    id: r.id,
    orgCode: r.org_code,
    orgName: r.org_name,
    period: { label: r.period_label, title: parsePeriod(r.period_label).title, start: r.period_start, end: r.period_end },
    sourceDepartment: r.source_department,
    enteredBy: r.entered_by,
    enteredOn: r.entered_on,
    note: r.note,
    values,
  };
}

export function figureSetNotFound(id: number): AppError {
  const message = `填报表 ${id} 不存在`;
  return new AppError('FIGURE_SET_NOT_FOUND', message, [{ code: 'FIGURE_SET_NOT_FOUND', field: 'id', message }]);
}

/** A set the caller sees (FIGURE_SET_NOT_FOUND otherwise, exactly as for a missing one). */
export async function loadFigureSet(ctx: Ctx, id: number): Promise<FigureSetRow> {
  const row = await selectFigureSets(ctx).where('s.id', '=', id).executeTakeFirst();
  if (!row || !isReadable(ctx, row.org_path)) throw figureSetNotFound(id);
  return row;
}

/** A set the caller may change: FIGURE_SET_NOT_FOUND outside what the caller sees, PERMISSION_DENIED inside it. */
export async function loadWritableFigureSet(ctx: Ctx, id: number): Promise<FigureSetRow> {
  const row = await loadFigureSet(ctx, id);
  assertWritable(ctx, row.org_path, () => figureSetNotFound(id));
  return row;
}

export async function getFigureSet(ctx: Ctx, id: number): Promise<FigureSetRecordView> {
  const row = await loadFigureSet(ctx, id);
  return presentFigureSet(row, (await valuesOf(ctx, [id])).get(id) ?? []);
}

/** The fields of a set as the audit log records them (values as id → "value unit"). */
export function auditableFigureSet(v: FigureSetRecordView): Record<string, unknown> {
  return {
    orgCode: v.orgCode,
    period: v.period.label,
    sourceDepartment: v.sourceDepartment,
    enteredBy: v.enteredBy,
    enteredOn: v.enteredOn,
    note: v.note,
    ...Object.fromEntries(v.values.map((x) => [`values.${x.indicatorId}`, x.value])),
  };
}
