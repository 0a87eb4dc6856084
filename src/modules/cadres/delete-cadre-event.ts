import { inTransaction, type Ctx } from '../../context.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { auditableCadreEvent, loadWritableCadreEvent, presentCadreEvent } from './cadre-records.js';
import type { CadreEventView } from './cadres.schema.js';

/** Deletes a cadre event entered by mistake; the audit log keeps what it was. */
export async function deleteCadreEvent(ctx: Ctx, id: number): Promise<CadreEventView> {
  return inTransaction(ctx, async (tx) => {
    const row = await loadWritableCadreEvent(tx, id);
    const before = presentCadreEvent(row);
    await tx.db.deleteFrom('cadre_events').where('id', '=', id).execute();
    await appendAudit(tx, { action: 'delete', recordType: 'cadre_event', recordId: id, orgId: row.org_id, changes: diff(auditableCadreEvent(before), null) });
    return before;
  });
}
