import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { issue, parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { auditableDesignation, getDesignation, loadWritableDesignation, presentDesignation } from './designation-records.js';
import { RATING_LABELS, designationRevokeInput, type DesignationRevokeInput, type DesignationView } from './ratings.schema.js';

/** Revokes a designation (撤销命名, 摘牌): the record stays with the date and the reason; twice is refused (409). */
export async function revokeDesignation(ctx: Ctx, id: number, raw: DesignationRevokeInput): Promise<DesignationView> {
  const input = parseInput(designationRevokeInput, raw, RATING_LABELS);
  return inTransaction(ctx, async (tx) => {
    const row = await loadWritableDesignation(tx, id);
    if (row.revoked_on !== null) {
      const message = `命名记录 ${id} 已于${row.revoked_on}撤销，不能再次撤销`;
      throw new AppError('DESIGNATION_ALREADY_REVOKED', message, [{ code: 'DESIGNATION_ALREADY_REVOKED', field: 'id', message }]);
    }
    const issues = [];
    if (input.revokedOn > tx.clock.today()) issues.push(issue('DATE_IN_FUTURE', 'revokedOn', `撤销日期${input.revokedOn}晚于今天`));
    if (input.revokedOn < row.designated_on) issues.push(issue('DATE_ORDER_INVALID', 'revokedOn', `撤销日期${input.revokedOn}早于命名日期${row.designated_on}`));
    throwIfIssues(issues);
    const before = presentDesignation(row);
    const reason = input.reason ? `撤销原因：${input.reason}` : null;
    const note = reason ? [row.note, reason].filter(Boolean).join('；') : row.note;
    await tx.db.updateTable('designations').set({ revoked_on: input.revokedOn, note, updated_at: tx.clock.nowIso() }).where('id', '=', id).execute();
    const after = await getDesignation(tx, id);
    await appendAudit(tx, {
      action: 'update',
      recordType: 'designation',
      recordId: id,
      orgId: row.org_id,
      changes: diff(auditableDesignation(before), auditableDesignation(after)),
      note: reason ?? '撤销命名',
    });
    return after;
  });
}
