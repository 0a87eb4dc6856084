import { inTransaction, type Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { getWritableOrgRow } from '../orgs/find-orgs.js';
import { parseHours } from './study-points.js';
import { auditedTraining, checkTrainingDates, loadTraining, loadWritableTraining, presentTraining } from './trainings.js';
import { STUDY_LABELS, trainingPatch, type TrainingPatch, type TrainingView } from './study.schema.js';

/**
 * Changes a training's fields (those given; null clears an optional one). Moving it to another organizer needs
 * write access to both. Attendance already recorded keeps its own minutes: a change of the training's hours applies
 * to attendance added afterwards.
 */
export async function updateTraining(ctx: Ctx, id: number, raw: TrainingPatch): Promise<TrainingView> {
  const patch = parseInput(trainingPatch, raw, STUDY_LABELS);
  return inTransaction(ctx, async (tx) => {
    const row = await loadWritableTraining(tx, id);
    const before = presentTraining(row);
    checkTrainingDates(patch.startOn ?? before.startOn, patch.endOn ?? before.endOn);
    const org = patch.orgCode !== undefined && patch.orgCode !== before.orgCode ? await getWritableOrgRow(tx, patch.orgCode) : null;
    await tx.db
      .updateTable('trainings')
      .set({
        ...(org && { org_id: org.id }),
        ...(patch.title !== undefined && { title: patch.title }),
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.level !== undefined && { level: patch.level }),
        ...(patch.audience !== undefined && { audience: patch.audience }),
        ...(patch.subject !== undefined && { subject: patch.subject || null }),
        ...(patch.startOn !== undefined && { start_on: patch.startOn }),
        ...(patch.endOn !== undefined && { end_on: patch.endOn }),
        ...(patch.hours !== undefined && { minutes: parseHours(patch.hours)! }),
        ...(patch.concentrated !== undefined && { concentrated: patch.concentrated ? 1 : 0 }),
        ...(patch.audienceCount !== undefined && { audience_count: patch.audienceCount }),
        ...(patch.note !== undefined && { note: patch.note || null }),
        updated_at: tx.clock.nowIso(),
      })
      .where('id', '=', id)
      .execute();
    const after = presentTraining(await loadTraining(tx, id));
    const changes = diff(auditedTraining(before), auditedTraining(after));
    if (Object.keys(changes).length > 0) {
      await appendAudit(tx, { action: 'update', recordType: 'training', recordId: id, orgId: org?.id ?? row.org_id, changes });
    }
    return after;
  });
}
