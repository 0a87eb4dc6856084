/**
 * Attendance of a training (参训登记). Who may record it: whoever may change the training's records (its organizer in
 * the caller's writable scope). Which members: each must be one the caller sees (MEMBER_NOT_FOUND otherwise, as for a
 * missing member), and either within the organizer's subtree — a township's class for its villages' members, recorded
 * by the township's secretary, who changes no branch's records — or within what the caller may change (a member from
 * elsewhere the caller answers for); anyone else is PERMISSION_DENIED. The attendance row is kept under the member's
 * own organization, so a branch sees its members' training wherever it was held.
 */
import { inTransaction, type Ctx } from '../../context.js';
import { AppError, throwIfIssues, type FieldIssue } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { accessOf, canRead, canWrite } from '../access/actor.js';
import { appendAudit } from '../audit/append-audit.js';
import { memberNotFound } from '../members/find-members.js';
import { parseHours } from './study-points.js';
import { loadWritableTraining } from './trainings.js';
import { getTraining } from './find-trainings.js';
import {
  STUDY_LABELS,
  attendanceInput,
  attendanceRemoveInput,
  type AttendanceInput,
  type TrainingDetailView,
} from './study.schema.js';

async function membersOf(ctx: Ctx, ids: readonly number[]) {
  return ctx.db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select(['m.id', 'p.name', 'm.org_id', 'o.path', 'm.joined_on', 'm.left_on'])
    .where('m.id', 'in', [...ids])
    .execute();
}

/** Adds members to a training: all or nothing; minutes default to the training's, `completed` to true. */
export async function addAttendance(ctx: Ctx, trainingId: number, raw: AttendanceInput): Promise<TrainingDetailView> {
  const input = parseInput(attendanceInput, raw, STUDY_LABELS);
  const ids = [...new Set(input.memberIds)];
  return inTransaction(ctx, async (tx) => {
    const training = await loadWritableTraining(tx, trainingId);
    const access = accessOf(tx.actor);
    const found = new Map((await membersOf(tx, ids)).map((m) => [m.id, m]));
    for (const id of ids) {
      const m = found.get(id);
      if (!m || !canRead(access, m.path)) throw memberNotFound(id);
    }
    const outside = ids.map((id) => found.get(id)!).filter((m) => !m.path.startsWith(training.org_path) && !canWrite(access, m.path));
    if (outside.length > 0) {
      const message = `${outside.map((m) => m.name).join('、')}不在主办组织${training.org_name}范围内，您也不能修改其记录`;
      throw new AppError('PERMISSION_DENIED', message, [{ code: 'PERMISSION_DENIED', field: 'memberIds', message }]);
    }
    const offRoll = ids
      .map((id) => found.get(id)!)
      .filter((m) => m.joined_on > training.end_on || (m.left_on !== null && m.left_on <= training.start_on))
      .map((m): FieldIssue => ({ code: 'FIELD_INVALID', field: 'memberIds', message: `${m.name}在培训期间（${training.start_on}至${training.end_on}）不在党员名册上` }));
    throwIfIssues(offRoll);
    const existing = await tx.db
      .selectFrom('training_attendance')
      .select('membership_id')
      .where('training_id', '=', trainingId)
      .where('membership_id', 'in', ids)
      .execute();
    const issues: FieldIssue[] = existing.map((e) => ({
      code: 'TRAINING_ATTENDANCE_DUPLICATE',
      field: 'memberIds',
      message: `${found.get(e.membership_id)!.name}已登记参加“${training.title}”`,
    }));
    throwIfIssues(issues);
    const minutes = input.hours === undefined || input.hours === null ? Number(training.minutes) : parseHours(input.hours)!;
    const now = tx.clock.nowIso();
    await tx.db
      .insertInto('training_attendance')
      .values(ids.map((id) => ({ training_id: trainingId, membership_id: id, org_id: found.get(id)!.org_id, minutes, completed: input.completed ? 1 : 0, created_at: now })))
      .execute();
    await appendAudit(tx, {
      action: 'create',
      recordType: 'training_attendance',
      recordId: trainingId,
      orgId: training.org_id,
      changes: { memberIds: [null, ids], minutes: [null, minutes], completed: [null, input.completed] },
    });
    return getTraining(tx, trainingId);
  });
}

/** Removes members from a training's attendance (each must be on it: TRAINING_ATTENDANCE_NOT_FOUND otherwise). */
export async function removeAttendance(ctx: Ctx, trainingId: number, raw: { memberIds: number[] }): Promise<TrainingDetailView> {
  const input = parseInput(attendanceRemoveInput, raw, STUDY_LABELS);
  const ids = [...new Set(input.memberIds)];
  return inTransaction(ctx, async (tx) => {
    const training = await loadWritableTraining(tx, trainingId);
    const access = accessOf(tx.actor);
    const rows = await tx.db
      .selectFrom('training_attendance as a')
      .innerJoin('organizations as o', 'o.id', 'a.org_id')
      .select(['a.id', 'a.membership_id', 'a.minutes', 'a.completed', 'o.path'])
      .where('a.training_id', '=', trainingId)
      .where('a.membership_id', 'in', ids)
      .execute();
    const byMember = new Map(rows.filter((r) => canRead(access, r.path)).map((r) => [r.membership_id, r]));
    const missing = ids.filter((id) => !byMember.has(id));
    if (missing.length > 0) {
      const message = `党员记录 ${missing.join('、')} 未登记参加“${training.title}”`;
      throw new AppError('TRAINING_ATTENDANCE_NOT_FOUND', message, [{ code: 'TRAINING_ATTENDANCE_NOT_FOUND', field: 'memberIds', message }]);
    }
    await tx.db.deleteFrom('training_attendance').where('training_id', '=', trainingId).where('membership_id', 'in', ids).execute();
    await appendAudit(tx, {
      action: 'delete',
      recordType: 'training_attendance',
      recordId: trainingId,
      orgId: training.org_id,
      changes: { memberIds: [ids, null] },
    });
    return getTraining(tx, trainingId);
  });
}
