import { inTransaction, type Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { auditableInspection, getInspectionView, loadWritableInspection, presentInspection, targetsOf } from './inspection-records.js';
import { resolveTargets } from './inspection-rules.js';
import { INSPECTION_LABELS, targetsInput, type InspectionView, type TargetsInput } from './inspections.schema.js';

/** Adds targets to a round (organizations of the conducting organization's subtree, or units by name). */
export async function addInspectionTargets(ctx: Ctx, id: number, raw: TargetsInput): Promise<InspectionView> {
  const input = parseInput(targetsInput, raw, INSPECTION_LABELS);
  return inTransaction(ctx, async (tx) => {
    const row = await loadWritableInspection(tx, id);
    const existing = (await targetsOf(tx, [id])).get(id) ?? [];
    const before = presentInspection(row, existing);
    const orgIds = await tx.db.selectFrom('inspection_targets').select(['target_org_id', 'unit_name']).where('inspection_id', '=', id).execute();
    const targets = await resolveTargets(tx, { path: row.org_path, code: row.org_code }, input.targets, orgIds);
    await tx.db.insertInto('inspection_targets').values(targets.map((t) => ({ ...t, org_id: row.org_id, inspection_id: id }))).execute();
    await tx.db.updateTable('inspections').set({ updated_at: tx.clock.nowIso() }).where('id', '=', id).execute();
    const after = await getInspectionView(tx, id);
    await appendAudit(tx, { action: 'update', recordType: 'inspection', recordId: id, orgId: row.org_id, changes: diff(auditableInspection(before), auditableInspection(after)), note: '增加对象' });
    return after;
  });
}
