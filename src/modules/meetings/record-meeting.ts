import { inTransaction, type Ctx } from '../../context.js';
import { throwIfIssues } from '../../shared/errors.js';
import { getWritableOrgRow } from '../orgs/find-orgs.js';
import { appendAudit, diff } from '../audit/append-audit.js';
import { checkMeeting, checkMeetingOrgKind } from './meeting-rules.js';
import { auditableMeeting, getMeeting } from './find-meetings.js';
import type { MeetingInput, MeetingView } from './meetings.schema.js';

/** Records one meeting of organizational life (三会一课, 主题党日, 组织生活会…) with its attendance. */
export async function recordMeeting(ctx: Ctx, input: MeetingInput): Promise<MeetingView> {
  return inTransaction(ctx, async (tx) => {
    const org = await getWritableOrgRow(tx, input.orgCode, 'orgCode');
    const absentees = input.absentees ?? [];
    throwIfIssues([...checkMeeting({ ...input, absentees }, tx.clock.today(), org.established_on), ...checkMeetingOrgKind(input.kind, org.kind)]);
    const now = tx.clock.nowIso();
    const row = await tx.db
      .insertInto('meetings')
      .values({
        org_id: org.id,
        kind: input.kind,
        held_on: input.heldOn,
        topic: input.topic,
        host: input.host ?? null,
        expected_count: input.expectedCount,
        attended_count: input.attendedCount,
        minutes: input.minutes ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (absentees.length > 0) {
      await tx.db
        .insertInto('meeting_absences')
        .values(absentees.map((a) => ({ meeting_id: row.id, org_id: org.id, name: a.name, reason: a.reason ?? null })))
        .execute();
    }
    const created = await getMeeting(tx, row.id);
    await appendAudit(tx, { action: 'create', recordType: 'meeting', recordId: row.id, orgId: org.id, changes: diff(null, auditableMeeting(created)) });
    return created;
  });
}
