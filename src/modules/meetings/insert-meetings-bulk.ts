import type { Ctx } from '../../context.js';
import { insertChunked, insertChunkedReturningIds } from '../../db/bulk.js';

export interface NewMeetingRecord {
  orgId: number;
  kind: string;
  heldOn: string;
  topic: string;
  host: string | null;
  expectedCount: number;
  attendedCount: number;
  minutes: string | null;
  absentees: { name: string; reason: string | null }[];
}

/** Writes many already-checked meetings and their absentees with chunked inserts, inside the caller's transaction. */
export async function insertMeetingsBulk(ctx: Ctx, records: NewMeetingRecord[]): Promise<number[]> {
  const now = ctx.clock.nowIso();
  const ids = await insertChunkedReturningIds(
    ctx.db,
    'meetings',
    records.map((r) => ({
      org_id: r.orgId,
      kind: r.kind,
      held_on: r.heldOn,
      topic: r.topic,
      host: r.host,
      expected_count: r.expectedCount,
      attended_count: r.attendedCount,
      minutes: r.minutes,
      created_at: now,
      updated_at: now,
    })),
  );
  const absences = records.flatMap((r, i) =>
    r.absentees.map((a) => ({ meeting_id: ids[i]!, org_id: r.orgId, name: a.name, reason: a.reason })),
  );
  await insertChunked(ctx.db, 'meeting_absences', absences);
  return ids;
}
