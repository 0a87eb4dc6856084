import type { Ctx } from '../../context.js';
import { insertChunkedReturningIds, insertValueRows } from '../../db/bulk.js';

/** A member's study record (study_records), already checked; points already capped per day. */
export interface NewStudyRecord {
  membershipId: number;
  orgId: number;
  studiedOn: string;
  kind: string;
  title: string;
  minutes: number;
  points: number;
  source: string | null;
}

/** A training class or organized study event (trainings), held by orgId. */
export interface NewTraining {
  orgId: number;
  title: string;
  kind: string;
  level: string;
  audience: string;
  subject: string | null;
  startOn: string;
  endOn: string;
  minutes: number;
  concentrated: boolean;
  audienceCount: number | null;
  note: string | null;
}

/** One member's attendance of a training (training_attendance); orgId is the member's own organization. */
export interface NewTrainingAttendance {
  trainingId: number;
  membershipId: number;
  orgId: number;
  minutes: number;
  completed: boolean;
}

const STUDY_COLUMNS = ['membership_id', 'org_id', 'studied_on', 'kind', 'title', 'minutes', 'points', 'source', 'created_at', 'updated_at'] as const;
const ATTENDANCE_COLUMNS = ['training_id', 'membership_id', 'org_id', 'minutes', 'completed', 'created_at'] as const;

/** Writes many checked study records with chunked inserts, inside the caller's transaction (import, demo county). */
export async function insertStudyRecordsBulk(ctx: Ctx, records: NewStudyRecord[]): Promise<void> {
  const now = ctx.clock.nowIso();
  await insertValueRows(
    ctx.db,
    'study_records',
    STUDY_COLUMNS,
    records.map((r) => [r.membershipId, r.orgId, r.studiedOn, r.kind, r.title, r.minutes, r.points, r.source, now, now]),
  );
}

/** Writes many checked trainings; returns their ids in the order given (attendance refers to them). */
export async function insertTrainingsBulk(ctx: Ctx, records: NewTraining[]): Promise<number[]> {
  const now = ctx.clock.nowIso();
  return insertChunkedReturningIds(
    ctx.db,
    'trainings',
    records.map((r) => ({
      org_id: r.orgId,
      title: r.title,
      kind: r.kind,
      level: r.level,
      audience: r.audience,
      subject: r.subject,
      start_on: r.startOn,
      end_on: r.endOn,
      minutes: r.minutes,
      concentrated: r.concentrated ? 1 : 0,
      audience_count: r.audienceCount,
      note: r.note,
      created_at: now,
      updated_at: now,
    })),
  );
}

/** Writes many checked attendance rows (one per training and member). */
export async function insertTrainingAttendanceBulk(ctx: Ctx, records: NewTrainingAttendance[]): Promise<void> {
  const now = ctx.clock.nowIso();
  await insertValueRows(
    ctx.db,
    'training_attendance',
    ATTENDANCE_COLUMNS,
    records.map((r) => [r.trainingId, r.membershipId, r.orgId, r.minutes, r.completed ? 1 : 0, now]),
  );
}
