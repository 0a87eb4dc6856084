import { inTransaction, type Ctx } from '../../context.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { loadWritableRecord, presentRecord } from './service-find.js';

/** Deletes a service record entered by mistake; the audit log keeps what it held. */
export async function deleteServiceRecord(ctx: Ctx, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await loadWritableRecord(tx, id);
    await tx.db.deleteFrom('service_records').where('id', '=', id).execute();
    const { id: _id, orgName: _n, hours: _h, ...fields } = presentRecord(before);
    await appendAudit(tx, { action: 'delete', recordType: 'service_record', recordId: id, orgId: before.org_id, changes: diff(fields, null) });
  });
}
