/**
 * Training classes (教育培训): reading them, shared by the operations. A training belongs to its organizer (org_id):
 * the caller sees it when the caller sees the organizer, and changes it (and its attendance) when the caller may
 * change the organizer's records.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { assertWritable, isReadable } from '../access/scope.js';
import { hoursOf } from './study-points.js';
import type { TrainingView } from './study.schema.js';

export function trainingNotFound(id: number | string): AppError {
  const message = `培训记录 ${id} 不存在`;
  return new AppError('TRAINING_NOT_FOUND', message, [{ code: 'TRAINING_NOT_FOUND', field: 'id', message }]);
}

export function selectTrainings(ctx: Ctx) {
  return ctx.db
    .selectFrom('trainings as t')
    .innerJoin('organizations as o', 'o.id', 't.org_id')
    .select([
      't.id', 't.org_id', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path', 't.title', 't.kind', 't.level', 't.audience',
      't.subject', 't.start_on', 't.end_on', 't.minutes', 't.concentrated', 't.audience_count', 't.note',
      sql<number>`(select count(*) from training_attendance a where a.training_id = t.id)`.as('attendees'),
    ]);
}

export type TrainingRow = Awaited<ReturnType<ReturnType<typeof selectTrainings>['executeTakeFirstOrThrow']>>;

export function presentTraining(r: TrainingRow): TrainingView {
  return {
    id: r.id,
    orgCode: r.org_code,
    orgName: r.org_name,
    title: r.title,
    kind: r.kind,
    level: r.level,
    audience: r.audience,
    subject: r.subject,
    startOn: r.start_on,
    endOn: r.end_on,
    minutes: Number(r.minutes),
    hours: hoursOf(Number(r.minutes)),
    concentrated: Number(r.concentrated) === 1,
    audienceCount: r.audience_count === null ? null : Number(r.audience_count),
    note: r.note,
    attendees: Number(r.attendees),
  };
}

/** A training the caller sees (TRAINING_NOT_FOUND otherwise, exactly as for a missing one). */
export async function loadTraining(ctx: Ctx, id: number): Promise<TrainingRow> {
  const row = await selectTrainings(ctx).where('t.id', '=', id).executeTakeFirst();
  if (!row || !isReadable(ctx, row.org_path)) throw trainingNotFound(id);
  return row;
}

/** A training whose records the caller may change (TRAINING_NOT_FOUND outside the scope, PERMISSION_DENIED inside). */
export async function loadWritableTraining(ctx: Ctx, id: number): Promise<TrainingRow> {
  const row = await loadTraining(ctx, id);
  assertWritable(ctx, row.org_path, () => trainingNotFound(id));
  return row;
}

/** End on or after start (DATE_ORDER_INVALID naming 结束日期). */
export function checkTrainingDates(startOn: string, endOn: string): void {
  if (endOn < startOn) {
    const message = `结束日期${endOn}早于开始日期${startOn}`;
    throw new AppError('DATE_ORDER_INVALID', message, [{ code: 'DATE_ORDER_INVALID', field: 'endOn', message }]);
  }
}

/** What an audit entry records of a training. */
export function auditedTraining(v: TrainingView): Record<string, unknown> {
  return {
    orgCode: v.orgCode, title: v.title, kind: v.kind, level: v.level, audience: v.audience, subject: v.subject, startOn: v.startOn,
    endOn: v.endOn, minutes: v.minutes, concentrated: v.concentrated, audienceCount: v.audienceCount, note: v.note,
  };
}
