import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { issue, parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { getList } from './find-lists.js';
import { auditableList, loadWritableList, presentList } from './list-records.js';
import { TASK_LABELS, listPatch, type ListDetail, type ListPatch } from './tasks.schema.js';

/** Corrects a list's year, kind, title, date of issue or note (its organization is not changed here). */
export async function updateList(ctx: Ctx, id: number, raw: ListPatch): Promise<ListDetail> {
  const patch = parseInput(listPatch, raw, TASK_LABELS);
  return inTransaction(ctx, async (tx) => {
    const row = await loadWritableList(tx, id);
    if (patch.issuedOn && patch.issuedOn > tx.clock.today()) {
      throwIfIssues([issue('DATE_IN_FUTURE', 'issuedOn', `印发日期${patch.issuedOn}晚于今天`)]);
    }
    const before = presentList(row);
    await tx.db
      .updateTable('responsibility_lists')
      .set({
        ...(patch.year !== undefined && { year: patch.year }),
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.title !== undefined && { title: patch.title }),
        ...(patch.issuedOn !== undefined && { issued_on: patch.issuedOn }),
        ...(patch.note !== undefined && { note: patch.note }),
        updated_at: tx.clock.nowIso(),
      })
      .where('id', '=', id)
      .execute();
    const after = await getList(tx, id);
    await appendAudit(tx, { action: 'update', recordType: 'responsibility_list', recordId: id, orgId: row.org_id, changes: diff(auditableList(before), auditableList(after)) });
    return after;
  });
}
