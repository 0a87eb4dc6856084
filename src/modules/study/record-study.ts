import { inTransaction, type Ctx } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit } from '../audit/append-audit.js';
import { loadWritableMember } from '../members/find-members.js';
import { creditPoints, parseHours, pointsFor, STUDY_DAILY_POINTS_CAP } from './study-points.js';
import { presentStudyRecord, selectStudyRecords, STUDY_COLUMNS } from './study-records.js';
import { STUDY_LABELS, studyRecordInput, type RecordStudyView, type StudyRecordInput } from './study.schema.js';

/**
 * Records a member's own study (a member the caller may change: MEMBER_NOT_FOUND outside the caller's scope,
 * PERMISSION_DENIED for a read-only role). Points: one per full half hour, and at most STUDY_DAILY_POINTS_CAP a
 * member a day — a record beyond the cap keeps its hours and credits only what remains of the day (0 if nothing);
 * the answer says how many points were earned, credited and capped. Kept under the member's own organization.
 */
export async function recordStudy(ctx: Ctx, raw: StudyRecordInput): Promise<RecordStudyView> {
  const input = parseInput(studyRecordInput, raw, STUDY_LABELS);
  const minutes = parseHours(input.hours)!;
  return inTransaction(ctx, async (tx) => {
    const { view: member, orgId } = await loadWritableMember(tx, input.memberId);
    const today = await tx.db
      .selectFrom('study_records')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('points'), eb.lit(0)).as('points'))
      .where('membership_id', '=', member.id)
      .where('studied_on', '=', input.studiedOn)
      .executeTakeFirstOrThrow();
    const creditedToday = Number(today.points);
    const earned = pointsFor(minutes);
    const { credited, capped } = creditPoints(earned, creditedToday);
    const now = tx.clock.nowIso();
    const { id } = await tx.db
      .insertInto('study_records')
      .values({
        org_id: orgId,
        membership_id: member.id,
        studied_on: input.studiedOn,
        kind: input.kind,
        title: input.title,
        minutes,
        points: credited,
        source: input.source ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      action: 'create',
      recordType: 'study_record',
      recordId: id,
      orgId,
      changes: {
        memberId: [null, member.id],
        studiedOn: [null, input.studiedOn],
        kind: [null, input.kind],
        title: [null, input.title],
        minutes: [null, minutes],
        points: [null, credited],
      },
    });
    const row = await selectStudyRecords(tx).select([...STUDY_COLUMNS]).where('s.id', '=', id).executeTakeFirstOrThrow();
    return {
      ...presentStudyRecord(row),
      pointsEarned: earned,
      pointsCapped: capped,
      pointsToday: creditedToday + credited,
      dailyCap: STUDY_DAILY_POINTS_CAP,
    };
  });
}
