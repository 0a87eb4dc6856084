import { inTransaction, type Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { getWritableOrgRow } from '../orgs/find-orgs.js';
import { parseHours } from './study-points.js';
import { auditedTraining, checkTrainingDates, loadTraining, presentTraining } from './trainings.js';
import { STUDY_LABELS, trainingInput, type TrainingInput, type TrainingView } from './study.schema.js';

/**
 * Records a training class held by an organization the caller may change (ORG_NOT_FOUND outside the caller's scope,
 * PERMISSION_DENIED for a read-only role): dates (end on or after start), hours (→ minutes), audience, whether it is a
 * 集中培训, and a head count for events held without a roster.
 */
export async function createTraining(ctx: Ctx, raw: TrainingInput): Promise<TrainingView> {
  const input = parseInput(trainingInput, raw, STUDY_LABELS);
  checkTrainingDates(input.startOn, input.endOn);
  return inTransaction(ctx, async (tx) => {
    const org = await getWritableOrgRow(tx, input.orgCode);
    const now = tx.clock.nowIso();
    const { id } = await tx.db
      .insertInto('trainings')
      .values({
        org_id: org.id,
        title: input.title,
        kind: input.kind,
        level: input.level,
        audience: input.audience,
        subject: input.subject || null,
        start_on: input.startOn,
        end_on: input.endOn,
        minutes: parseHours(input.hours)!,
        concentrated: input.concentrated ? 1 : 0,
        audience_count: input.audienceCount ?? null,
        note: input.note || null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const view = presentTraining(await loadTraining(tx, id));
    await appendAudit(tx, { action: 'create', recordType: 'training', recordId: id, orgId: org.id, changes: diff(null, auditedTraining(view)) });
    return view;
  });
}
