import { inTransaction, type Ctx } from '../../context.js';
import { assertWritable, isReadable } from '../access/scope.js';
import { appendAudit } from '../audit/append-audit.js';
import { presentStudyRecord, selectStudyRecords, STUDY_COLUMNS, studyRecordNotFound } from './study-records.js';
import type { StudyRecordView } from './study.schema.js';

/**
 * Deletes a study record (a mistaken entry), audited with what it held. Outside the caller's scope it is "not
 * found"; a read-only role gets PERMISSION_DENIED. The points other records of that day were credited stay as they
 * were credited: a deletion does not re-credit a record the daily cap had held back.
 */
export async function deleteStudyRecord(ctx: Ctx, id: number): Promise<StudyRecordView> {
  return inTransaction(ctx, async (tx) => {
    const row = await selectStudyRecords(tx).select([...STUDY_COLUMNS]).where('s.id', '=', id).executeTakeFirst();
    if (!row || !isReadable(tx, row.org_path)) throw studyRecordNotFound(id);
    assertWritable(tx, row.org_path, () => studyRecordNotFound(id));
    const view = presentStudyRecord(row);
    await tx.db.deleteFrom('study_records').where('id', '=', id).execute();
    await appendAudit(tx, {
      action: 'delete',
      recordType: 'study_record',
      recordId: id,
      orgId: row.org_id,
      changes: {
        memberId: [view.memberId, null],
        studiedOn: [view.studiedOn, null],
        kind: [view.kind, null],
        title: [view.title, null],
        minutes: [view.minutes, null],
        points: [view.points, null],
      },
    });
    return view;
  });
}
