import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { checkMeeting, checkMeetingOrgKind } from './meeting-rules.js';
import { auditableMeeting, getMeeting, loadWritableMeeting } from './find-meetings.js';
import { MEETING_LABELS, meetingPatch, type MeetingPatch, type MeetingView } from './meetings.schema.js';

/**
 * Corrects a recorded meeting: its kind, date, topic, host, attendance and minutes. The organization is not changed
 * (a meeting stays with the organization that held it). The corrected record as a whole — old values with the
 * corrections — must pass the same rules as a new one; `absentees`, when given, replaces the whole list.
 */
export async function updateMeeting(ctx: Ctx, id: number, raw: MeetingPatch): Promise<MeetingView> {
  const patch = parseInput(meetingPatch, raw, MEETING_LABELS);
  return inTransaction(ctx, async (tx) => {
    const { view: before, orgId, orgKind, orgEstablishedOn } = await loadWritableMeeting(tx, id);
    const merged = {
      kind: patch.kind ?? before.kind,
      heldOn: patch.heldOn ?? before.heldOn,
      expectedCount: patch.expectedCount ?? before.expectedCount,
      attendedCount: patch.attendedCount ?? before.attendedCount,
      absentees: patch.absentees ?? before.absentees,
    };
    throwIfIssues([...checkMeeting(merged, tx.clock.today(), orgEstablishedOn), ...checkMeetingOrgKind(merged.kind, orgKind)]);

    await tx.db
      .updateTable('meetings')
      .set({
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.heldOn !== undefined && { held_on: patch.heldOn }),
        ...(patch.topic !== undefined && { topic: patch.topic }),
        ...(patch.host !== undefined && { host: patch.host }),
        ...(patch.expectedCount !== undefined && { expected_count: patch.expectedCount }),
        ...(patch.attendedCount !== undefined && { attended_count: patch.attendedCount }),
        ...(patch.minutes !== undefined && { minutes: patch.minutes }),
        updated_at: tx.clock.nowIso(),
      })
      .where('id', '=', id)
      .execute();
    if (patch.absentees !== undefined) {
      await tx.db.deleteFrom('meeting_absences').where('meeting_id', '=', id).execute();
      if (patch.absentees.length > 0) {
        await tx.db
          .insertInto('meeting_absences')
          .values(patch.absentees.map((a) => ({ meeting_id: id, org_id: orgId, name: a.name, reason: a.reason ?? null })))
          .execute();
      }
    }
    const after = await getMeeting(tx, id);
    await appendAudit(tx, { action: 'update', recordType: 'meeting', recordId: id, orgId, changes: diff(auditableMeeting(before), auditableMeeting(after)) });
    return after;
  });
}
