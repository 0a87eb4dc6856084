import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { issue, parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { checkAwardedOn } from './honor-rules.js';
import { auditableHonor, getHonor, loadWritableHonor, presentHonor } from './honor-records.js';
import { HONOR_LABELS, honorPatch, type HonorPatch, type HonorView } from './honors.schema.js';

/**
 * Corrects an honor: its kind, title, level, awarding body, date, note, and the name of a recipient recorded by name.
 * Who received it (a member, an organization) is not changed here; a revoked honor keeps its revocation (a date
 * moved after it is refused).
 */
export async function updateHonor(ctx: Ctx, id: number, raw: HonorPatch): Promise<HonorView> {
  const patch = parseInput(honorPatch, raw, HONOR_LABELS);
  return inTransaction(ctx, async (tx) => {
    const row = await loadWritableHonor(tx, id);
    const before = presentHonor(row);
    const issues = [];
    if (patch.recipientName !== undefined && (row.membership_id !== null || row.recipient_org_code !== null)) {
      issues.push(issue('FIELD_INVALID', 'recipientName', '授予对象名称：授予党员或本系统中的组织时，名称取自其记录，不能在此修改'));
    }
    const awardedOn = patch.awardedOn ?? row.awarded_on;
    if (patch.awardedOn !== undefined) issues.push(...checkAwardedOn(awardedOn, tx.clock.today()));
    if (row.revoked_on !== null && awardedOn > row.revoked_on) {
      issues.push(issue('DATE_ORDER_INVALID', 'awardedOn', `授予日期${awardedOn}晚于撤销日期${row.revoked_on}`));
    }
    throwIfIssues(issues);

    await tx.db
      .updateTable('honors')
      .set({
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.recipientName !== undefined && { recipient_name: patch.recipientName }),
        ...(patch.title !== undefined && { title: patch.title }),
        ...(patch.level !== undefined && { level: patch.level }),
        ...(patch.awardedBy !== undefined && { awarded_by: patch.awardedBy }),
        ...(patch.awardedOn !== undefined && { awarded_on: patch.awardedOn }),
        ...(patch.note !== undefined && { note: patch.note }),
        updated_at: tx.clock.nowIso(),
      })
      .where('id', '=', id)
      .execute();
    const after = await getHonor(tx, id);
    await appendAudit(tx, { action: 'update', recordType: 'honor', recordId: id, orgId: row.org_id, changes: diff(auditableHonor(before), auditableHonor(after)) });
    return after;
  });
}
