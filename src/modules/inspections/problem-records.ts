/**
 * Reading problems of the rectification ledger: one select with the owner organization and the round, the view
 * (with what is derived: overdue, late, the stage), the events in order, and the lookups the writes share.
 */
import type { Ctx } from '../../context.js';
import { AppError } from '../../shared/errors.js';
import { assertWritable, isReadable } from '../access/scope.js';
import type { ProblemDetailView, ProblemEventView, ProblemView } from './inspections.schema.js';

export function selectProblems(ctx: Ctx) {
  return ctx.db
    .selectFrom('problems as p')
    .innerJoin('organizations as o', 'o.id', 'p.org_id')
    .leftJoin('inspections as i', 'i.id', 'p.inspection_id')
    .select([
      'p.id', 'p.org_id', 'o.code as org_code', 'o.name as org_name', 'o.path as org_path', 'p.source', 'p.inspection_id',
      'i.title as inspection_title', 'p.category', 'p.level', 'p.description', 'p.owner_name', 'p.measures', 'p.measures_count',
      'p.found_on', 'p.deadline', 'p.status', 'p.rectified_on', 'p.accepted_on', 'p.accepted_by', 'p.closed_on', 'p.reopened', 'p.note',
    ]);
}

export type ProblemRow = Awaited<ReturnType<ReturnType<typeof selectProblems>['executeTakeFirstOrThrow']>>;

/** 已验收待销号: a problem awaiting acceptance whose acceptance has passed (销号 is the next step). */
export const ACCEPTED_STAGE = '已验收待销号';

/** Open (not 已销号) and past its deadline on `today`. */
export function isOverdue(r: { status: string; deadline: string }, today: string): boolean {
  return r.status !== '已销号' && r.deadline < today;
}

export function presentProblem(r: ProblemRow, today: string): ProblemView {
  return {
    id: r.id,
    orgCode: r.org_code,
    orgName: r.org_name,
    source: r.source,
    inspectionId: r.inspection_id,
    inspectionTitle: r.inspection_title,
    category: r.category,
    level: r.level,
    description: r.description,
    ownerName: r.owner_name,
    measures: r.measures,
    measuresCount: r.measures_count,
    foundOn: r.found_on,
    deadline: r.deadline,
    status: r.status,
    stage: r.status === '待验收' && r.accepted_on !== null ? ACCEPTED_STAGE : r.status,
    rectifiedOn: r.rectified_on,
    acceptedOn: r.accepted_on,
    acceptedBy: r.accepted_by,
    closedOn: r.closed_on,
    reopened: r.reopened,
    overdue: isOverdue(r, today),
    late: r.rectified_on !== null && r.rectified_on > r.deadline,
    note: r.note,
  };
}

export function problemNotFound(id: number): AppError {
  const message = `整改问题 ${id} 不存在`;
  return new AppError('PROBLEM_NOT_FOUND', message, [{ code: 'PROBLEM_NOT_FOUND', field: 'id', message }]);
}

/** A problem the caller sees (PROBLEM_NOT_FOUND otherwise, exactly as for a missing one). */
export async function loadProblem(ctx: Ctx, id: number): Promise<ProblemRow> {
  const row = await selectProblems(ctx).where('p.id', '=', id).executeTakeFirst();
  if (!row || !isReadable(ctx, row.org_path)) throw problemNotFound(id);
  return row;
}

/** A problem the caller may change: PROBLEM_NOT_FOUND outside what the caller sees, PERMISSION_DENIED inside it. */
export async function loadWritableProblem(ctx: Ctx, id: number): Promise<ProblemRow> {
  const row = await loadProblem(ctx, id);
  assertWritable(ctx, row.org_path, () => problemNotFound(id));
  return row;
}

export async function problemEvents(ctx: Ctx, id: number): Promise<ProblemEventView[]> {
  const rows = await ctx.db
    .selectFrom('problem_events')
    .select(['id', 'action', 'from_status', 'to_status', 'happened_on', 'note', 'evidence', 'actor', 'created_at'])
    .where('problem_id', '=', id)
    .orderBy('id')
    .execute();
  return rows.map((e) => ({
    id: e.id,
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    on: e.happened_on,
    note: e.note,
    evidence: e.evidence,
    actor: e.actor,
    recordedAt: e.created_at,
  }));
}

/** A problem the caller sees, with its workflow events in order. */
export async function getProblem(ctx: Ctx, id: number): Promise<ProblemDetailView> {
  const row = await loadProblem(ctx, id);
  return { ...presentProblem(row, ctx.clock.today()), events: await problemEvents(ctx, id) };
}

/** The fields of a problem as the audit log records them. */
export function auditableProblem(v: ProblemView): Record<string, unknown> {
  return {
    orgCode: v.orgCode,
    source: v.source,
    inspectionId: v.inspectionId,
    category: v.category,
    level: v.level,
    description: v.description,
    ownerName: v.ownerName,
    measures: v.measures,
    measuresCount: v.measuresCount,
    foundOn: v.foundOn,
    deadline: v.deadline,
    status: v.status,
    rectifiedOn: v.rectifiedOn,
    acceptedOn: v.acceptedOn,
    acceptedBy: v.acceptedBy,
    closedOn: v.closedOn,
    reopened: v.reopened,
    note: v.note,
  };
}
