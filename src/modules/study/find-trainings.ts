import type { Ctx } from '../../context.js';
import { parsePeriod } from '../../shared/period.js';
import { parseInput } from '../../shared/validation.js';
import { readScoped } from '../access/scope.js';
import { getOrgRow } from '../orgs/find-orgs.js';
import { subtreeUpperBound } from '../orgs/tree.js';
import { hoursOf } from './study-points.js';
import { loadTraining, presentTraining, selectTrainings } from './trainings.js';
import { STUDY_LABELS, trainingListQuery, type TrainingDetailView, type TrainingListQuery, type TrainingListView } from './study.schema.js';

/**
 * A page of trainings, latest first: those organized by an organization's subtree (or by anything the caller sees),
 * starting within a period (2026, 2026H1, 2026Q3, 2026-03), of a kind, for an audience, 集中培训 or not.
 */
export async function listTrainings(ctx: Ctx, raw: TrainingListQuery = {}): Promise<TrainingListView> {
  const q = parseInput(trainingListQuery, raw, STUDY_LABELS);
  let base = selectTrainings(ctx).$call(readScoped(ctx, 'o.path'));
  if (q.org !== undefined) {
    const org = await getOrgRow(ctx, q.org, 'org');
    base = base.where('o.path', '>=', org.path).where('o.path', '<', subtreeUpperBound(org.path));
  }
  if (q.period !== undefined) {
    const p = parsePeriod(q.period);
    base = base.where('t.start_on', '>=', p.start).where('t.start_on', '<=', p.end);
  }
  if (q.kind !== undefined) base = base.where('t.kind', '=', q.kind);
  if (q.audience !== undefined) base = base.where('t.audience', '=', q.audience);
  if (q.concentrated !== undefined) base = base.where('t.concentrated', '=', q.concentrated ? 1 : 0);
  const [rows, count] = await Promise.all([
    base.orderBy('t.start_on', 'desc').orderBy('t.id', 'desc').limit(q.limit).offset(q.offset).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), items: rows.map(presentTraining) };
}

/** A training the caller sees, with its attendance (the attendees the caller sees; `attendees` counts them all). */
export async function getTraining(ctx: Ctx, id: number): Promise<TrainingDetailView> {
  const row = await loadTraining(ctx, id);
  const attendance = await ctx.db
    .selectFrom('training_attendance as a')
    .innerJoin('memberships as m', 'm.id', 'a.membership_id')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .innerJoin('organizations as o', 'o.id', 'a.org_id')
    .select(['a.membership_id', 'p.name', 'o.code', 'o.name as org_name', 'a.minutes', 'a.completed'])
    .where('a.training_id', '=', id)
    .$call(readScoped(ctx, 'o.path'))
    .orderBy('o.path')
    .orderBy('a.membership_id')
    .execute();
  return {
    ...presentTraining(row),
    attendance: attendance.map((a) => ({
      memberId: a.membership_id,
      name: a.name,
      orgCode: a.code,
      orgName: a.org_name,
      minutes: Number(a.minutes),
      hours: hoursOf(Number(a.minutes)),
      completed: Number(a.completed) === 1,
    })),
  };
}
