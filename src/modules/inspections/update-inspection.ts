import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues, type FieldIssue } from '../../shared/errors.js';
import { issue, parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { auditableInspection, getInspectionView, loadWritableInspection, presentInspection, targetsOf } from './inspection-records.js';
import { checkRoundDates } from './inspection-rules.js';
import { INSPECTION_LABELS, inspectionPatch, type InspectionPatch, type InspectionView } from './inspections.schema.js';

/**
 * Corrects a round: its kind, title, round number, dates, counts and note. The kind is not changed once problems
 * name the round (their source is the round's kind); the start is not moved after a problem's finding date.
 */
export async function updateInspection(ctx: Ctx, id: number, raw: InspectionPatch): Promise<InspectionView> {
  const patch = parseInput(inspectionPatch, raw, INSPECTION_LABELS);
  return inTransaction(ctx, async (tx) => {
    const row = await loadWritableInspection(tx, id);
    const before = presentInspection(row, (await targetsOf(tx, [id])).get(id) ?? []);
    const startOn = patch.startOn ?? row.start_on;
    const endOn = patch.endOn ?? row.end_on;
    const issues: FieldIssue[] = checkRoundDates(startOn, endOn);
    const problems = await tx.db
      .selectFrom('problems')
      .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('found_on').as('first')])
      .where('inspection_id', '=', id)
      .executeTakeFirstOrThrow();
    if (patch.kind !== undefined && patch.kind !== row.kind && Number(problems.n) > 0) {
      issues.push(issue('FIELD_INVALID', 'kind', `类别：本轮已登记${Number(problems.n)}个问题（来源为${row.kind}），不能改为${patch.kind}`));
    }
    const first = problems.first as string | null;
    if (first !== null && startOn > first) {
      issues.push(issue('DATE_ORDER_INVALID', 'startOn', `开始日期${startOn}晚于本轮问题的最早发现日期${first}`));
    }
    throwIfIssues(issues);
    await tx.db
      .updateTable('inspections')
      .set({
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.title !== undefined && { title: patch.title }),
        ...(patch.roundNo !== undefined && { round_no: patch.roundNo }),
        ...(patch.startOn !== undefined && { start_on: patch.startOn }),
        ...(patch.endOn !== undefined && { end_on: patch.endOn }),
        ...(patch.cluesTransferred !== undefined && { clues_transferred: patch.cluesTransferred }),
        ...(patch.noticesIssued !== undefined && { notices_issued: patch.noticesIssued }),
        ...(patch.note !== undefined && { note: patch.note }),
        updated_at: tx.clock.nowIso(),
      })
      .where('id', '=', id)
      .execute();
    const after = await getInspectionView(tx, id);
    await appendAudit(tx, { action: 'update', recordType: 'inspection', recordId: id, orgId: row.org_id, changes: diff(auditableInspection(before), auditableInspection(after)) });
    return after;
  });
}
