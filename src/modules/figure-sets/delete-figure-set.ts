import { inTransaction, type Ctx } from '../../context.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { auditableFigureSet, loadWritableFigureSet, presentFigureSet, valuesOf } from './figure-set-records.js';
import type { FigureSetRecordView } from './figure-sets.schema.js';

/** Deletes a set entered by mistake, with its values; the audit log keeps what it was. */
export async function deleteFigureSet(ctx: Ctx, id: number): Promise<FigureSetRecordView> {
  return inTransaction(ctx, async (tx) => {
    const row = await loadWritableFigureSet(tx, id);
    const before = presentFigureSet(row, (await valuesOf(tx, [id])).get(id) ?? []);
    await tx.db.deleteFrom('figure_values').where('set_id', '=', id).execute();
    await tx.db.deleteFrom('figure_sets').where('id', '=', id).execute();
    await appendAudit(tx, { action: 'delete', recordType: 'figure_set', recordId: id, orgId: row.org_id, changes: diff(auditableFigureSet(before), null) });
    return before;
  });
}
