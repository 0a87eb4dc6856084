import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { getWritableOrgRow } from '../orgs/find-orgs.js';
import { auditableInspection, getInspectionView } from './inspection-records.js';
import { checkRoundDates, resolveTargets } from './inspection-rules.js';
import { INSPECTION_LABELS, inspectionInput, type InspectionInput, type InspectionView } from './inspections.schema.js';

/**
 * Records an inspection round (巡察, 专项督查, 监督检查, 调研督导, 实地督查, 抽查) conducted by an organization the caller
 * may change, with its targets (organizations of its subtree, or units by name) and the clues handed over and
 * notices issued as counts.
 */
export async function createInspection(ctx: Ctx, raw: InspectionInput): Promise<InspectionView> {
  const input = parseInput(inspectionInput, raw, INSPECTION_LABELS);
  return inTransaction(ctx, async (tx) => {
    const org = await getWritableOrgRow(tx, input.orgCode);
    throwIfIssues(checkRoundDates(input.startOn, input.endOn));
    const targets = await resolveTargets(tx, org, input.targets);
    const now = tx.clock.nowIso();
    const row = await tx.db
      .insertInto('inspections')
      .values({
        org_id: org.id,
        kind: input.kind,
        title: input.title,
        round_no: input.roundNo ?? null,
        start_on: input.startOn,
        end_on: input.endOn,
        clues_transferred: input.cluesTransferred ?? null,
        notices_issued: input.noticesIssued ?? null,
        note: input.note ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (targets.length > 0) {
      await tx.db.insertInto('inspection_targets').values(targets.map((t) => ({ ...t, org_id: org.id, inspection_id: row.id }))).execute();
    }
    const created = await getInspectionView(tx, row.id);
    await appendAudit(tx, { action: 'create', recordType: 'inspection', recordId: row.id, orgId: org.id, changes: diff(null, auditableInspection(created)) });
    return created;
  });
}
