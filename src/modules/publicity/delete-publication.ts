import { inTransaction, type Ctx } from '../../context.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { auditablePublication, loadWritablePublication, presentPublication } from './publication-records.js';
import type { PublicationView } from './publicity.schema.js';

/** Deletes a piece entered by mistake; the audit log keeps what it was. */
export async function deletePublication(ctx: Ctx, id: number): Promise<PublicationView> {
  return inTransaction(ctx, async (tx) => {
    const row = await loadWritablePublication(tx, id);
    const before = presentPublication(row);
    await tx.db.deleteFrom('publications').where('id', '=', id).execute();
    await appendAudit(tx, { action: 'delete', recordType: 'publication', recordId: id, orgId: row.org_id, changes: diff(auditablePublication(before), null) });
    return before;
  });
}
