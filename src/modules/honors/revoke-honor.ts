import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { checkRevokedOn } from './honor-rules.js';
import { auditableHonor, getHonor, loadWritableHonor, presentHonor } from './honor-records.js';
import { HONOR_LABELS, honorRevokeInput, type HonorRevokeInput, type HonorView } from './honors.schema.js';

export function alreadyRevoked(id: number, revokedOn: string): AppError {
  const message = `荣誉记录 ${id} 已于${revokedOn}撤销，不能再次撤销`;
  return new AppError('HONOR_ALREADY_REVOKED', message, [{ code: 'HONOR_ALREADY_REVOKED', field: 'id', message }]);
}

/**
 * Revokes an honor (撤销): the record stays, with the date of revocation and the reason appended to its note, and
 * from that date it no longer counts as held. Revoking twice is refused (HONOR_ALREADY_REVOKED, 409).
 */
export async function revokeHonor(ctx: Ctx, id: number, raw: HonorRevokeInput): Promise<HonorView> {
  const input = parseInput(honorRevokeInput, raw, HONOR_LABELS);
  return inTransaction(ctx, async (tx) => {
    const row = await loadWritableHonor(tx, id);
    if (row.revoked_on !== null) throw alreadyRevoked(id, row.revoked_on);
    throwIfIssues(checkRevokedOn(input.revokedOn, row.awarded_on, tx.clock.today()));
    const before = presentHonor(row);
    const reason = input.reason ? `撤销原因：${input.reason}` : null;
    const note = reason ? [row.note, reason].filter(Boolean).join('；') : row.note;
    await tx.db.updateTable('honors').set({ revoked_on: input.revokedOn, note, updated_at: tx.clock.nowIso() }).where('id', '=', id).execute();
    const after = await getHonor(tx, id);
    await appendAudit(tx, {
      action: 'update',
      recordType: 'honor',
      recordId: id,
      orgId: row.org_id,
      changes: diff(auditableHonor(before), auditableHonor(after)),
      note: reason ?? '撤销荣誉',
    });
    return after;
  });
}
