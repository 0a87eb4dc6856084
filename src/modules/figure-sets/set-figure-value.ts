import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { checkFigureValue } from './figure-value-rules.js';
import { auditableFigureSet, getFigureSet, loadWritableFigureSet, presentFigureSet, valuesOf } from './figure-set-records.js';
import { FIGURE_SET_LABELS, figureValuePatch, type FigureSetRecordView, type FigureValuePatch } from './figure-sets.schema.js';

/**
 * Corrects one value of a set (or adds an indicator the set lacked), checked against the catalog as on entry; the
 * audit log keeps the value before and after. The set keeps its entry date and person: a correction is not a new
 * entry (enter a new set for a new report of the department).
 */
export async function setFigureValue(ctx: Ctx, setId: number, indicatorId: string, raw: FigureValuePatch): Promise<FigureSetRecordView> {
  const patch = parseInput(figureValuePatch, raw, FIGURE_SET_LABELS);
  return inTransaction(ctx, async (tx) => {
    const row = await loadWritableFigureSet(tx, setId);
    const checked = checkFigureValue({ indicatorId, value: patch.value, unit: patch.unit });
    throwIfIssues(checked.issues);
    const before = presentFigureSet(row, (await valuesOf(tx, [setId])).get(setId) ?? []);
    const existing = before.values.find((v) => v.indicatorId === indicatorId);
    if (existing) {
      await tx.db
        .updateTable('figure_values')
        .set({ value: patch.value, ...(patch.note !== undefined && { note: patch.note }) })
        .where('id', '=', existing.id)
        .execute();
    } else {
      await tx.db
        .insertInto('figure_values')
        .values({ org_id: row.org_id, set_id: setId, indicator_id: indicatorId, value: patch.value, unit: checked.unit!, note: patch.note ?? null })
        .execute();
    }
    await tx.db.updateTable('figure_sets').set({ updated_at: tx.clock.nowIso() }).where('id', '=', setId).execute();
    const after = await getFigureSet(tx, setId);
    await appendAudit(tx, {
      action: 'update',
      recordType: 'figure_set',
      recordId: setId,
      orgId: row.org_id,
      changes: diff(auditableFigureSet(before), auditableFigureSet(after)),
      note: existing ? `更正指标 ${indicatorId}` : `补充指标 ${indicatorId}`,
    });
    return after;
  });
}
